import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { teams, userRoles, users } from '../../db/schema/index.js';
import { type Role, isRole } from '../../domain/access/index.js';
import { Conflict, ValidationFailed } from '../../domain/errors.js';
import { hasUnsafeNameCharacters, unsafeNameMessage } from '../../domain/text/names.js';
import { MIN_PASSWORD_LENGTH, hashPassword } from '../auth/password.js';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  teamName?: string | null;
  email?: string | null;
}

export interface NewTeam {
  name: string;
  kind: 'service' | 'team';
  parentName?: string | null;
  isFrontDoor?: boolean;
}

export type UsersService = ReturnType<typeof createUsersService>;

export function createUsersService(db: Database) {
  async function addTeam(team: NewTeam): Promise<string> {
    let parentId: string | null = null;
    if (team.parentName) {
      const [parent] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, team.parentName));
      if (!parent) throw new ValidationFailed([{ field: 'parent', message: `There is no team or service called ${team.parentName}` }]);
      parentId = parent.id;
    }
    const [row] = await db
      .insert(teams)
      .values({ name: team.name, kind: team.kind, parentId, isFrontDoor: team.isFrontDoor ?? false })
      .onConflictDoNothing()
      .returning({ id: teams.id });
    if (!row) throw new Conflict(`A team called ${team.name} already exists`);
    return row.id;
  }

  async function addUser(input: NewUser): Promise<string> {
    const errors = [];
    if (!/^[a-z0-9._-]{2,64}$/.test(input.username)) errors.push({ field: 'username', message: 'Username must be 2 to 64 lower-case letters, digits, dots, dashes or underscores' });
    if (!input.displayName.trim()) errors.push({ field: 'name', message: 'Enter the person’s name' });
    else if (hasUnsafeNameCharacters(input.displayName)) errors.push({ field: 'name', message: unsafeNameMessage('The name') });
    if (input.password.length < MIN_PASSWORD_LENGTH) errors.push({ field: 'password', message: `Password must be at least ${MIN_PASSWORD_LENGTH} characters` });
    const badRoles = input.roles.filter((r) => !isRole(r));
    if (input.roles.length === 0) errors.push({ field: 'roles', message: 'Give the user at least one role' });
    if (badRoles.length) errors.push({ field: 'roles', message: `Unknown role: ${badRoles.join(', ')}` });
    let teamId: string | null = null;
    if (input.teamName) {
      const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, input.teamName));
      if (!team) errors.push({ field: 'team', message: `There is no team called ${input.teamName}` });
      teamId = team?.id ?? null;
    }
    if (errors.length) throw new ValidationFailed(errors);
    const passwordHash = await hashPassword(input.password);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ username: input.username, displayName: input.displayName.trim(), passwordHash, teamId, email: input.email ?? null })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (!row) throw new Conflict(`A user called ${input.username} already exists`);
      await tx.insert(userRoles).values(input.roles.map((role) => ({ userId: row.id, role })));
      return row.id;
    });
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

  return { addTeam, addUser, listTeams, workersInTeams, rolesOf };
}
