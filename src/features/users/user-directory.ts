import { and, asc, count, desc, eq, gt, inArray, like, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { auditEvents, signInAttempts, teams, userRoles, users } from '../../db/schema/index.js';
import { type Role, isRole } from '../../domain/access/index.js';
import { inHierarchyOrder } from './team-tree.js';

/** How many failed sign-ins in how many minutes lock a username (the sign-in throttle's settings). */
export interface LockRule {
  maxFailures: number;
  windowMinutes: number;
}

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  teamId: string | null;
  teamName: string | null;
  roles: Role[];
  active: boolean;
  locked: boolean;
  lastSignIn: Date | null;
  version: number;
}

export interface TeamRow {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  parentName: string | null;
  isFrontDoor: boolean;
  version: number;
  depth: number;
  /** Active users in the team. */
  workers: number;
  /** Active team managers in the team, by name. */
  managers: string[];
}

/** The audit actions that are administrators' changes to users and teams. */
export const ADMIN_ACTIONS = ['team-added', 'team-changed', 'user-added', 'user-team-changed', 'user-roles-changed', 'user-deactivated', 'user-reactivated', 'user-password-reset', 'user-unlocked'] as const;

/** Read-only views of users and teams for the administrator's pages and the CLI's lists. */
export function userDirectory(db: Executor, lock: LockRule, now: () => Date) {
  const lockedSince = () => new Date(now().getTime() - lock.windowMinutes * 60_000);

  /** Usernames with `maxFailures` or more failed sign-ins in the window: refused until it passes, or until unlocked. */
  async function lockedUsernames(): Promise<Set<string>> {
    const rows = await db
      .select({ username: signInAttempts.username })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.succeeded, false), gt(signInAttempts.at, lockedSince())))
      .groupBy(signInAttempts.username)
      .having(sql`count(*) >= ${lock.maxFailures}`);
    return new Set(rows.map((r) => r.username));
  }

  async function rolesByUser(ids: string[]): Promise<Map<string, Role[]>> {
    const map = new Map<string, Role[]>();
    if (ids.length === 0) return map;
    for (const r of await db.select().from(userRoles).where(inArray(userRoles.userId, ids)).orderBy(asc(userRoles.role))) {
      if (isRole(r.role)) map.set(r.userId, [...(map.get(r.userId) ?? []), r.role]);
    }
    return map;
  }

  async function lastSignIns(usernames: string[]): Promise<Map<string, Date>> {
    if (usernames.length === 0) return new Map();
    const rows = await db
      .select({ username: signInAttempts.username, at: sql<Date>`max(${signInAttempts.at})`.mapWith(signInAttempts.at) })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.succeeded, true), inArray(signInAttempts.username, usernames)))
      .groupBy(signInAttempts.username);
    return new Map(rows.map((r) => [r.username, r.at]));
  }

  async function toRows(list: { id: string; username: string; displayName: string; email: string | null; teamId: string | null; teamName: string | null; active: boolean; version: number }[]): Promise<UserRow[]> {
    const [roles, locked, last] = await Promise.all([rolesByUser(list.map((u) => u.id)), lockedUsernames(), lastSignIns(list.map((u) => u.username))]);
    return list.map((u) => ({ ...u, roles: roles.get(u.id) ?? [], locked: locked.has(u.username), lastSignIn: last.get(u.username) ?? null }));
  }

  const userColumns = { id: users.id, username: users.username, displayName: users.displayName, email: users.email, teamId: users.teamId, teamName: teams.name, active: users.active, version: users.version };

  /** Every user, active first, by name; `q` narrows to names or usernames containing it. */
  async function listUsers(filter: { q?: string | null; teamId?: string | null } = {}): Promise<UserRow[]> {
    const q = filter.q?.trim().toLowerCase();
    const conditions = [];
    if (q) {
      const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(or(like(sql`lower(${users.displayName})`, pattern), like(users.username, pattern)));
    }
    if (filter.teamId) conditions.push(eq(users.teamId, filter.teamId));
    const list = await db
      .select(userColumns)
      .from(users)
      .leftJoin(teams, eq(teams.id, users.teamId))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(users.active), asc(users.displayName), asc(users.username));
    return toRows(list);
  }

  async function getUser(id: string): Promise<UserRow | null> {
    const [u] = await db.select(userColumns).from(users).leftJoin(teams, eq(teams.id, users.teamId)).where(eq(users.id, id));
    return u ? (await toRows([u]))[0]! : null;
  }

  async function userByUsername(username: string): Promise<UserRow | null> {
    const [u] = await db.select(userColumns).from(users).leftJoin(teams, eq(teams.id, users.teamId)).where(eq(users.username, username.trim().toLowerCase()));
    return u ? (await toRows([u]))[0]! : null;
  }

  /** Every team in hierarchy order, with its parent, its number of active workers and its managers. */
  async function listTeamsInHierarchy(): Promise<TeamRow[]> {
    const all = await db.select().from(teams);
    const members = await db
      .select({ teamId: users.teamId, n: count() })
      .from(users)
      .where(eq(users.active, true))
      .groupBy(users.teamId);
    const managers = await db
      .select({ teamId: users.teamId, name: users.displayName })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .where(and(eq(users.active, true), eq(userRoles.role, 'team_manager')))
      .orderBy(asc(users.displayName));
    const names = new Map(all.map((t) => [t.id, t.name]));
    const workers = new Map(members.map((m) => [m.teamId, m.n]));
    return inHierarchyOrder(all).map(({ team, depth }) => ({
      id: team.id,
      name: team.name,
      kind: team.kind,
      parentId: team.parentId,
      parentName: team.parentId ? (names.get(team.parentId) ?? null) : null,
      isFrontDoor: team.isFrontDoor,
      version: team.version,
      depth,
      workers: workers.get(team.id) ?? 0,
      managers: managers.filter((m) => m.teamId === team.id).map((m) => m.name),
    }));
  }

  async function getTeam(id: string) {
    const [t] = await db.select().from(teams).where(eq(teams.id, id));
    return t ?? null;
  }

  /** What the administrator's home answers: who can use the service, in which teams, and what needs their attention. */
  async function summary() {
    const all = await listUsers();
    const active = all.filter((u) => u.active);
    const byRole = new Map<Role, number>();
    for (const u of active) for (const r of u.roles) byRole.set(r, (byRole.get(r) ?? 0) + 1);
    const [teamCount] = await db.select({ n: count() }).from(teams);
    const recent = await db
      .select({ at: auditEvents.at, action: auditEvents.action, userId: auditEvents.userId, subjectType: auditEvents.subjectType, subjectId: auditEvents.subjectId, detail: auditEvents.detail })
      .from(auditEvents)
      .where(inArray(auditEvents.action, [...ADMIN_ACTIONS]))
      .orderBy(desc(auditEvents.id))
      .limit(10);
    return {
      activeUsers: active.length,
      inactiveUsers: all.length - active.length,
      byRole,
      teams: teamCount?.n ?? 0,
      withoutTeam: active.filter((u) => !u.teamId).length,
      locked: active.filter((u) => u.locked),
      neverSignedIn: active.filter((u) => !u.lastSignIn),
      recent,
      names: new Map(all.map((u) => [u.id, u.displayName])),
    };
  }

  return { listUsers, getUser, userByUsername, listTeamsInHierarchy, getTeam, summary, lockedUsernames };
}
