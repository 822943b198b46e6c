import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/database.js';
import { sessions, signInAttempts, users } from '../../db/schema/index.js';
import type { Clock } from '../../domain/time/index.js';
import type { AuditService } from '../audit/audit.service.js';
import { decoyHash, verifyPassword } from './password.js';

export type AuthService = ReturnType<typeof createAuthService>;

export type SignInResult =
  | { ok: true; sessionToken: string; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMinutes: number };

export interface SessionUser {
  userId: string;
  displayName: string;
  username: string;
  csrfToken: string;
  sessionHash: string;
}

const ABSOLUTE_SESSION_HOURS = 12;
const token = () => randomBytes(32).toString('base64url');
export const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

export function createAuthService(db: Database, clock: Clock, config: Config, audit: AuditService) {
  const { maxFailures, windowMinutes } = config.signIn;

  async function recentFailures(username: string, ip: string, since: Date) {
    const [byUserHere] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.username, username), eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)));
    const [byIp] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)));
    return { byUserHere: byUserHere?.n ?? 0, byIp: byIp?.n ?? 0 };
  }

  /**
   * Throttled per username and address together, with a cap per address: after `maxFailures`
   * failures for one username from one address in the window (or four times that from one address
   * across usernames) sign-in from that address is refused until the window passes, even with the
   * right password. Failures elsewhere do not lock the owner out: a guesser cannot lock a colleague
   * out of their account by typing wrong passwords for it. An administrator can clear it sooner
   * (the users service's unlockUser: `hearth user unlock`, the users admin page).
   */
  async function signIn(usernameRaw: string, password: string, ip: string): Promise<SignInResult> {
    const username = usernameRaw.trim().toLowerCase();
    const now = clock.now();
    const since = new Date(now.getTime() - windowMinutes * 60_000);
    const failures = await recentFailures(username, ip, since);
    if (failures.byUserHere >= maxFailures || failures.byIp >= maxFailures * 4) {
      await db.transaction(async (tx) => {
        await audit.record(tx, { userId: null, action: 'sign-in-throttled', subjectType: 'user', subjectId: username, detail: { ip } });
      });
      return { ok: false, reason: 'throttled', retryAfterMinutes: windowMinutes };
    }
    const [user] = await db.select().from(users).where(eq(users.username, username));
    const valid = user && user.active ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await decoyHash(), password), false);
    return db.transaction(async (tx) => {
      await tx.insert(signInAttempts).values({ username, ip, at: now, succeeded: Boolean(valid) });
      if (!valid || !user) {
        await audit.record(tx, { userId: null, action: 'sign-in-failed', subjectType: 'user', subjectId: username, detail: { ip } });
        return { ok: false, reason: 'invalid' } as const;
      }
      const sessionToken = token();
      await tx.insert(sessions).values({
        idHash: hashToken(sessionToken),
        userId: user.id,
        csrfToken: token(),
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + ABSOLUTE_SESSION_HOURS * 3_600_000),
      });
      await audit.record(tx, { userId: user.id, action: 'sign-in', subjectType: 'user', subjectId: user.id, detail: { ip } });
      return { ok: true, sessionToken, userId: user.id } as const;
    });
  }

  /** The signed-in user for a session cookie, or null if it is unknown, expired or idle too long. */
  async function resume(sessionToken: string): Promise<SessionUser | null> {
    return (await resumeSession(sessionToken))?.user ?? null;
  }

  /** As `resume`, with the session's expiry and last use, for the signed-in cache to check later requests against. */
  async function resumeSession(sessionToken: string): Promise<{ user: SessionUser; expiresAt: Date; lastSeenAt: Date } | null> {
    const idHash = hashToken(sessionToken);
    const now = clock.now();
    const [row] = await db
      .select({ s: sessions, u: { id: users.id, displayName: users.displayName, username: users.username, active: users.active } })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.idHash, idHash));
    if (!row) return null;
    if (!row.u.active || !isCurrent({ expiresAt: row.s.expiresAt, lastSeenAt: row.s.lastSeenAt }, now)) {
      await db.delete(sessions).where(eq(sessions.idHash, idHash));
      return null;
    }
    const lastSeenAt = await touchIfDue(idHash, row.s.lastSeenAt, now);
    const user = { userId: row.u.id, displayName: row.u.displayName, username: row.u.username, csrfToken: row.s.csrfToken, sessionHash: idHash };
    return { user, expiresAt: row.s.expiresAt, lastSeenAt };
  }

  /** Not past its 12 hours, and used within the idle limit. */
  function isCurrent(session: { expiresAt: Date; lastSeenAt: Date }, now: Date): boolean {
    const idleLimit = new Date(now.getTime() - config.sessionIdleMinutes * 60_000);
    return session.expiresAt > now && session.lastSeenAt >= idleLimit;
  }

  /** Touch at most once a minute: a page load should not always cost a write. Returns the session's last use now. */
  async function touchIfDue(idHash: string, lastSeenAt: Date, now: Date): Promise<Date> {
    if (now.getTime() - lastSeenAt.getTime() <= 60_000) return lastSeenAt;
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
    return now;
  }

  /** Ends a session found expired or idle (by the cache, which holds no rows to delete). */
  async function endSession(idHash: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
  }

  async function signOut(user: SessionUser): Promise<void> {
    await db.transaction(async (tx) => {
      await tx.delete(sessions).where(eq(sessions.idHash, user.sessionHash));
      await audit.record(tx, { userId: user.userId, action: 'sign-out', subjectType: 'user', subjectId: user.userId });
    });
  }

  async function purgeExpired(): Promise<void> {
    await db.delete(sessions).where(lt(sessions.expiresAt, clock.now()));
  }

  return { signIn, resume, resumeSession, isCurrent, touchIfDue, endSession, signOut, purgeExpired };
}
