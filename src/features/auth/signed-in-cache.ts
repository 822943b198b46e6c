import type { DatabaseHandle } from '../../db/database.js';
import type { Principal } from '../../domain/access/index.js';
import type { Clock } from '../../domain/time/index.js';
import type { AccessService } from '../access/access.service.js';
import { type AuthService, type SessionUser, hashToken } from './auth.service.js';

export interface SignedIn {
  user: SessionUser;
  principal: Principal;
}

interface Entry extends SignedIn {
  expiresAt: Date;
  lastSeenAt: Date;
  loadedAt: number;
}

export type SignedInCache = ReturnType<typeof createSignedInCache>;

/** How long an entry is trusted without a notification: the bound on a change made by another process that was not heard. */
export const SIGNED_IN_TTL_MS = 30_000;
/** Entries kept at most; past this the cache starts again (a borough has a few hundred staff signed in). */
const MAX_ENTRIES = 10_000;

/**
 * Who is asking, without two queries on every request: each session's user and access principal,
 * kept in memory and forgotten whenever users, roles, teams or sessions change (the database
 * notifies at commit: migration 0008) and at the latest after SIGNED_IN_TTL_MS. Expiry, the idle
 * limit and the once-a-minute touch are checked on every request exactly as `auth.resumeSession`
 * checks them. Until the database confirms it is listening nothing is cached.
 */
export function createSignedInCache({ auth, access, clock }: { auth: AuthService; access: AccessService; clock: Clock }) {
  const entries = new Map<string, Entry>();
  let listening = false;
  // Bumped by every change: a load that began before a change is not cached after it.
  let generation = 0;

  function forgetAll(): void {
    generation++;
    entries.clear();
  }

  /** Listen for changes; caching starts once the database confirms. */
  async function listen(handle: DatabaseHandle): Promise<() => void> {
    const stop = await handle.onAuthChange(forgetAll);
    listening = true;
    return () => {
      listening = false;
      forgetAll();
      stop();
    };
  }

  async function resume(sessionToken: string): Promise<SignedIn | null> {
    const idHash = hashToken(sessionToken);
    const now = clock.now();
    const hit = entries.get(idHash);
    if (hit && listening && now.getTime() - hit.loadedAt < SIGNED_IN_TTL_MS && now.getTime() >= hit.loadedAt) {
      if (!auth.isCurrent(hit, now)) {
        entries.delete(idHash);
        await auth.endSession(idHash);
        return null;
      }
      hit.lastSeenAt = await auth.touchIfDue(idHash, hit.lastSeenAt, now);
      return { user: hit.user, principal: hit.principal };
    }
    const startedAt = generation;
    const session = await auth.resumeSession(sessionToken);
    if (!session) {
      entries.delete(idHash);
      return null;
    }
    const principal = await access.loadPrincipal(session.user.userId);
    if (!principal) return null;
    if (listening && startedAt === generation) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(idHash, { user: session.user, principal, expiresAt: session.expiresAt, lastSeenAt: session.lastSeenAt, loadedAt: now.getTime() });
    }
    return { user: session.user, principal };
  }

  /** Forget one session now (sign-out), without waiting for the notification. */
  function forget(sessionHash: string): void {
    entries.delete(sessionHash);
  }

  return { listen, resume, forget, forgetAll, size: () => entries.size };
}
