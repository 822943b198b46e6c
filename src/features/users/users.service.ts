import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database, Executor, Tx } from '../../db/database.js';
import { teams, userRoles, users } from '../../db/schema/index.js';
import { type Role, isRole } from '../../domain/access/index.js';
import { Conflict, type FieldError, ValidationFailed } from '../../domain/errors.js';
import { hasUnsafeNameCharacters, unsafeNameMessage } from '../../domain/text/names.js';
import type { Clock } from '../../domain/time/index.js';
import { type AuditService, createAuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password.js';
import { type Submission, alreadyDone, onceOnly } from '../submissions/once-only.js';
import { type Actor, userChanges } from './user-changes.js';
import { type LockRule, userDirectory } from './user-directory.js';
import { passwordProblem, rolesProblems, teamNameProblem, usernameProblem } from './user-rules.js';

export type { Actor } from './user-changes.js';
export { CLI } from './user-changes.js';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  teamName?: string | null;
  /** The team by id (the pages); `teamName` is for the CLI and fixtures. */
  teamId?: string | null;
  email?: string | null;
}

export interface NewTeam {
  name: string;
  kind: 'service' | 'team';
  parentName?: string | null;
  /** The parent by id (the pages); `parentName` is for the CLI and fixtures. */
  parentId?: string | null;
  isFrontDoor?: boolean;
}

/** A new user checked and with the password hashed, ready to insert inside a transaction. */
export interface PreparedUser {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  teamId: string | null;
  email: string | null;
}

export interface UsersDeps {
  /** Audits changes; the default writes with `clock`. */
  audit?: AuditService;
  clock?: Clock;
  /** The sign-in throttle's limits, to tell who is locked out (config.signIn). */
  signIn?: LockRule;
}

export type UsersService = ReturnType<typeof createUsersService>;

export function createUsersService(db: Database, deps: UsersDeps = {}) {
  const clock = deps.clock ?? { now: () => new Date() };
  const audit = deps.audit ?? createAuditService(db, clock);
  const directory = userDirectory(db, deps.signIn ?? { maxFailures: 5, windowMinutes: 15 }, () => clock.now());
  const changes = userChanges(db, audit);

  async function teamIdByName(tx: Executor, name: string, field: string, what: string): Promise<string> {
    const [row] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.name, name));
    if (!row) throw new ValidationFailed([{ field, message: `There is no ${what} called ${name}` }]);
    return row.id;
  }

  /** Inserts a team inside the caller's transaction; audited when `by` is given. */
  async function addTeamIn(tx: Executor, team: NewTeam, by?: Actor): Promise<string> {
    const problem = teamNameProblem(team.name);
    if (problem) throw new ValidationFailed([{ field: 'name', message: problem }]);
    const name = team.name.trim();
    let parentId: string | null = team.parentId ?? null;
    if (parentId) {
      const [parent] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, parentId));
      if (!parent) throw new ValidationFailed([{ field: 'parentId', message: 'Select a parent team from the list' }]);
    } else if (team.parentName) {
      parentId = await teamIdByName(tx, team.parentName, 'parent', 'team or service');
    }
    const [row] = await tx
      .insert(teams)
      .values({ name, kind: team.kind, parentId, isFrontDoor: team.isFrontDoor ?? false })
      .onConflictDoNothing()
      .returning({ id: teams.id });
    if (!row) throw new ValidationFailed([{ field: 'name', message: `There is already a team called ${name}` }]);
    if (by) await audit.record(tx, { userId: by.userId, action: 'team-added', subjectType: 'team', subjectId: row.id, detail: { via: by.via, name, kind: team.kind, parentId, isFrontDoor: team.isFrontDoor ?? false } });
    return row.id;
  }

  async function addTeam(team: NewTeam, by?: Actor): Promise<string> {
    try {
      return await db.transaction((tx) => addTeamIn(tx, team, by));
    } catch (error) {
      // The CLI and fixtures have always been told of a duplicate as a conflict.
      if (error instanceof ValidationFailed && error.errors[0]?.message.startsWith('There is already a team')) throw new Conflict(`A team called ${team.name.trim()} already exists`);
      throw error;
    }
  }

  /** Checks a new user and hashes the password (slow: outside any transaction). Every problem is reported at once. */
  async function prepareUser(input: NewUser): Promise<PreparedUser> {
    const errors: FieldError[] = [];
    const username = input.username.trim();
    const usernameBad = usernameProblem(username);
    if (usernameBad) errors.push({ field: 'username', message: usernameBad });
    if (!input.displayName.trim()) errors.push({ field: 'name', message: 'Enter the person’s name' });
    else if (input.displayName.trim().length > 100) errors.push({ field: 'name', message: 'The name must be 100 characters or fewer' });
    else if (hasUnsafeNameCharacters(input.displayName)) errors.push({ field: 'name', message: unsafeNameMessage('The name') });
    const passwordBad = passwordProblem(input.password);
    if (passwordBad) errors.push({ field: 'password', message: passwordBad });
    errors.push(...rolesProblems(input.roles));
    let teamId: string | null = input.teamId ?? null;
    if (teamId) {
      const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
      if (!team) errors.push({ field: 'teamId', message: 'Select a team from the list' });
    } else if (input.teamName) {
      const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, input.teamName));
      if (!team) errors.push({ field: 'team', message: `There is no team called ${input.teamName}` });
      teamId = team?.id ?? null;
    }
    if (!usernameBad) {
      const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
      if (taken) errors.push({ field: 'username', message: `There is already a user called ${username}` });
    }
    if (errors.length) throw new ValidationFailed(errors);
    const email = input.email?.trim() || null;
    return { username, displayName: input.displayName.trim(), passwordHash: await hashPassword(input.password), roles: [...new Set(input.roles)] as Role[], teamId, email };
  }

  /** Inserts a prepared user inside the caller's transaction; audited when `by` is given. */
  async function addUserIn(tx: Executor, user: PreparedUser, by?: Actor): Promise<string> {
    const [row] = await tx
      .insert(users)
      .values({ username: user.username, displayName: user.displayName, passwordHash: user.passwordHash, teamId: user.teamId, email: user.email })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!row) throw new ValidationFailed([{ field: 'username', message: `There is already a user called ${user.username}` }]);
    await tx.insert(userRoles).values(user.roles.map((role) => ({ userId: row.id, role })));
    if (by) await audit.record(tx, { userId: by.userId, action: 'user-added', subjectType: 'user', subjectId: row.id, detail: { via: by.via, username: user.username, roles: user.roles, teamId: user.teamId } });
    return row.id;
  }

  async function addUser(input: NewUser, by?: Actor): Promise<string> {
    const prepared = await prepareUser(input);
    return db.transaction((tx) => addUserIn(tx, prepared, by));
  }

  async function listTeams() {
    return db.select().from(teams).orderBy(asc(teams.name));
  }

  async function workersInTeams(teamIds: string[]) {
    if (teamIds.length === 0) return [];
    return db
      .select({ id: users.id, displayName: users.displayName, teamId: users.teamId })
      .from(users)
      .where(and(inArray(users.teamId, teamIds), eq(users.active, true)))
      .orderBy(asc(users.displayName));
  }

  async function rolesOf(userId: string): Promise<Role[]> {
    const rows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
    return rows.map((r) => r.role).filter(isRole);
  }

  /** Runs a form's work once per rendered form (a double submit goes where the first went). */
  const once = (submission: Submission, work: (tx: Tx) => Promise<string>) => onceOnly(db, submission, work);
  const submittedBefore = (submission: Submission) => alreadyDone(db, submission);

  return { once, submittedBefore, addTeam, addTeamIn, addUser, prepareUser, addUserIn, listTeams, workersInTeams, rolesOf, ...directory, ...changes };
}
