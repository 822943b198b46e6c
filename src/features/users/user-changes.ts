import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor, Tx } from '../../db/database.js';
import { sessions, signInAttempts, teams, userRoles, users } from '../../db/schema/index.js';
import type { Role } from '../../domain/access/index.js';
import { Conflict, NotFound, ValidationFailed } from '../../domain/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password.js';
import { wouldLoop } from './team-tree.js';
import { passwordProblem, rolesProblems, teamNameProblem } from './user-rules.js';

/** Who made a change: a signed-in administrator (web) or the command line (no signed-in user). */
export interface Actor {
  userId: string | null;
  via: 'web' | 'cli';
}

export const CLI: Actor = { userId: null, via: 'cli' };

export interface TeamChange {
  name: string;
  parentId: string | null;
  isFrontDoor: boolean;
}

/**
 * An administrator's changes to users and teams. Each is one transaction: the row (with its version
 * checked and bumped, so a stale form is refused), what goes with it (a deactivated user's sessions),
 * and the audit row (who, via web or CLI, from what to what).
 */
export function userChanges(db: Database, audit: AuditService) {
  const record = (tx: Executor, by: Actor, action: string, subjectType: 'user' | 'team', subjectId: string, detail: Record<string, unknown>) =>
    audit.record(tx, { userId: by.userId, action, subjectType, subjectId, detail: { via: by.via, ...detail } });

  /** Locks the user's row and checks the form's version; returns the row as it was. */
  async function lockUser(tx: Tx, userId: string, version: number | null) {
    const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!row) throw new NotFound('user');
    if (version !== null && row.version !== version) throw new Conflict(`${row.displayName}’s account was changed by someone else after you opened it.`, `/admin/users/${userId}`);
    return row;
  }

  const bump = (tx: Tx, userId: string, set: Partial<typeof users.$inferInsert>) =>
    tx.update(users).set({ ...set, version: sql`${users.version} + 1` }).where(eq(users.id, userId));

  async function teamNameOf(tx: Executor, teamId: string | null): Promise<string | null> {
    if (!teamId) return null;
    const [t] = await tx.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId));
    if (!t) throw new ValidationFailed([{ field: 'teamId', message: 'Select a team from the list' }]);
    return t.name;
  }

  /** Moves a user to another team (or none). `version` null: no stale check (the CLI). */
  async function setUserTeam(userId: string, teamId: string | null, version: number | null, by: Actor): Promise<void> {
    await db.transaction(async (tx) => {
      const before = await lockUser(tx, userId, version);
      const to = await teamNameOf(tx, teamId);
      if (before.teamId === teamId) return;
      const from = await teamNameOf(tx, before.teamId);
      await bump(tx, userId, { teamId });
      await record(tx, by, 'user-team-changed', 'user', userId, { username: before.username, from, to });
    });
  }

  /** Replaces the user's roles. An administrator cannot take the role away from themselves (someone must be able to undo it). */
  async function setUserRoles(userId: string, roles: readonly string[], version: number | null, by: Actor): Promise<void> {
    const problems = rolesProblems(roles);
    if (problems.length) throw new ValidationFailed(problems);
    const wanted = [...new Set(roles)].sort() as Role[];
    await db.transaction(async (tx) => {
      const before = await lockUser(tx, userId, version);
      if (by.userId === userId && !wanted.includes('administrator')) throw new ValidationFailed([{ field: 'roles', message: 'You cannot remove the administrator role from yourself' }]);
      const had = (await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role).sort();
      if (had.join() === wanted.join()) return;
      await tx.delete(userRoles).where(eq(userRoles.userId, userId));
      await tx.insert(userRoles).values(wanted.map((role) => ({ userId, role })));
      await bump(tx, userId, {});
      await record(tx, by, 'user-roles-changed', 'user', userId, { username: before.username, from: had, to: wanted });
    });
  }

  /** Deactivates the user and ends every session of theirs at once, in the same transaction (ASVS 7.4.2). */
  async function deactivate(userId: string, version: number | null, by: Actor): Promise<{ sessionsEnded: number }> {
    return db.transaction(async (tx) => {
      const before = await lockUser(tx, userId, version);
      if (by.userId === userId) throw new ValidationFailed([{ field: 'access', message: 'You cannot deactivate your own account' }]);
      const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ idHash: sessions.idHash });
      if (!before.active) return { sessionsEnded: ended.length };
      await bump(tx, userId, { active: false });
      await record(tx, by, 'user-deactivated', 'user', userId, { username: before.username, sessionsEnded: ended.length });
      return { sessionsEnded: ended.length };
    });
  }

  async function reactivate(userId: string, version: number | null, by: Actor): Promise<void> {
    await db.transaction(async (tx) => {
      const before = await lockUser(tx, userId, version);
      if (before.active) return;
      await bump(tx, userId, { active: true });
      await record(tx, by, 'user-reactivated', 'user', userId, { username: before.username });
    });
  }

  /**
   * Sets a password the administrator gives the user (a temporary one, to be changed). Their
   * sessions end: whoever had the old password is signed out. Failed sign-ins are cleared too, so
   * the new password works at once.
   */
  async function resetPassword(userId: string, password: string, version: number | null, by: Actor): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new ValidationFailed([{ field: 'password', message: problem }]);
    // argon2 takes a while: outside the transaction, which on PGlite would hold up every request.
    const passwordHash = await hashPassword(password);
    await db.transaction(async (tx) => {
      const before = await lockUser(tx, userId, version);
      const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ idHash: sessions.idHash });
      await tx.delete(signInAttempts).where(and(eq(signInAttempts.username, before.username), eq(signInAttempts.succeeded, false)));
      await bump(tx, userId, { passwordHash });
      await record(tx, by, 'user-password-reset', 'user', userId, { username: before.username, sessionsEnded: ended.length });
    });
  }

  /**
   * Lets a username sign in again after too many failed attempts: clears its failed sign-in
   * attempts (the throttle counts those). Audited even when there was nothing to clear.
   */
  async function unlockUser(usernameRaw: string, by: Actor): Promise<{ cleared: number }> {
    const username = usernameRaw.trim().toLowerCase();
    return db.transaction(async (tx) => {
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
      if (!user) throw new NotFound('user');
      const cleared = await tx.delete(signInAttempts).where(and(eq(signInAttempts.username, username), eq(signInAttempts.succeeded, false))).returning({ id: signInAttempts.id });
      await record(tx, by, 'user-unlocked', 'user', user.id, { username, cleared: cleared.length });
      return { cleared: cleared.length };
    });
  }

  /** Renames a team, moves it under another parent (never under itself), or sets its front-door flag. */
  async function changeTeam(teamId: string, change: TeamChange, version: number | null, by: Actor): Promise<void> {
    const problem = teamNameProblem(change.name);
    if (problem) throw new ValidationFailed([{ field: 'name', message: problem }]);
    const name = change.name.trim();
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(teams).where(eq(teams.id, teamId)).for('update');
      if (!before) throw new NotFound('team');
      if (version !== null && before.version !== version) throw new Conflict(`${before.name} was changed by someone else after you opened it.`, `/admin/teams/${teamId}`);
      const all = await tx.select({ id: teams.id, name: teams.name, parentId: teams.parentId }).from(teams);
      if (change.parentId && !all.some((t) => t.id === change.parentId)) throw new ValidationFailed([{ field: 'parentId', message: 'Select a parent team from the list' }]);
      if (wouldLoop(all, teamId, change.parentId)) throw new ValidationFailed([{ field: 'parentId', message: 'A team cannot sit under itself or under one of its own teams' }]);
      if (name !== before.name && all.some((t) => t.name === name)) throw new ValidationFailed([{ field: 'name', message: `There is already a team called ${name}` }]);
      const to = { name, parentId: change.parentId, isFrontDoor: change.isFrontDoor };
      const from = { name: before.name, parentId: before.parentId, isFrontDoor: before.isFrontDoor };
      if (JSON.stringify(to) === JSON.stringify(from)) return;
      await tx.update(teams).set({ ...to, version: sql`${teams.version} + 1` }).where(eq(teams.id, teamId));
      const parentName = (id: string | null) => (id ? (all.find((t) => t.id === id)?.name ?? null) : null);
      await record(tx, by, 'team-changed', 'team', teamId, {
        name,
        from: { ...from, parent: parentName(from.parentId) },
        to: { ...to, parent: parentName(to.parentId) },
      });
    });
  }

  return { setUserTeam, setUserRoles, deactivate, reactivate, resetPassword, unlockUser, changeTeam };
}
