/**
 * `hearth team ...` and `hearth user ...`: the administrator's work from the command line, over the
 * same users service as the pages. Every change is audited with no user and `via: 'cli'` (the
 * command line has no one signed in); setting up an empty database needs nothing else.
 */
import type { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { ROLES, roleLabels } from '../domain/access/index.js';
import { NotFound, ValidationFailed } from '../domain/errors.js';
import { formatLondonDateTime } from '../domain/time/index.js';
import { createAuditService } from '../features/audit/audit.service.js';
import { CLI, type UsersService, createUsersService } from '../features/users/users.service.js';
import { systemClock } from '../web/clock.js';
import { readPassword } from './read-password.js';

/** Opens the database (migrated), runs `work` with the users service, closes. */
async function withUsers<T>(work: (users: UsersService) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    await migrate(db);
    const audit = createAuditService(db.db, systemClock);
    const result = await work(createUsersService(db.db, { audit, signIn: config.signIn }));
    // The change's audit row is chained now, not when a server next runs (the embedded database
    // takes one process at a time, so none is running).
    await audit.seal();
    return result;
  } finally {
    await db.close();
  }
}

async function userNamed(users: UsersService, username: string) {
  const user = await users.userByUsername(username);
  if (!user) throw new NotFound(`user called ${username}`);
  return user;
}

async function teamIdNamed(users: UsersService, name: string): Promise<string> {
  const team = (await users.listTeams()).find((t) => t.name === name);
  if (!team) throw new ValidationFailed([{ field: 'team', message: `There is no team called ${name}` }]);
  return team.id;
}

/** Rows as aligned columns, the header first. */
export function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

export function registerTeamCommands(program: Command): void {
  const team = program.command('team').description('manage teams (the service’s hierarchy)');
  team
    .command('add')
    .description('add a team or service')
    .requiredOption('--name <name>', 'the team’s name')
    .option('--kind <kind>', 'team (workers belong to it) or service (groups teams)', 'team')
    .option('--parent <name>', 'the team or service it sits under (by name)')
    .option('--front-door', 'a front-door (MASH) team: its workers record contacts and MASH decisions')
    .action(async (opts: { name: string; kind: string; parent?: string; frontDoor?: boolean }) => {
      if (opts.kind !== 'team' && opts.kind !== 'service') throw new ValidationFailed([{ field: 'kind', message: `--kind must be team or service, got ${opts.kind}` }]);
      const kind = opts.kind;
      const id = await withUsers((users) => users.addTeam({ name: opts.name, kind, parentName: opts.parent ?? null, isFrontDoor: Boolean(opts.frontDoor) }, CLI));
      console.log(`Added ${kind} ${opts.name.trim()} (${id}).`);
    });
  team
    .command('change <name>')
    .description('rename a team, move it under another parent, or set or clear its front-door flag')
    .option('--rename <new>', 'its new name')
    .option('--parent <name>', 'the team or service it moves under (by name)')
    .option('--no-parent', 'move it to the top of the hierarchy')
    .option('--front-door', 'make it a front-door (MASH) team')
    .option('--no-front-door', 'make it not a front-door team')
    .action(async (name: string, opts: { rename?: string; parent?: string | false; frontDoor?: boolean }) => {
      await withUsers(async (users) => {
        const current = (await users.listTeams()).find((t) => t.name === name);
        if (!current) throw new ValidationFailed([{ field: 'team', message: `There is no team called ${name}` }]);
        const parentId = opts.parent === undefined ? current.parentId : opts.parent === false ? null : await teamIdNamed(users, opts.parent);
        await users.changeTeam(current.id, { name: opts.rename ?? current.name, parentId, isFrontDoor: opts.frontDoor ?? current.isFrontDoor }, null, CLI);
      });
      console.log(`${opts.rename ?? name} is saved.`);
    });
  team
    .command('list')
    .description('every team in its hierarchy, with its active users and manager')
    .action(async () => {
      const teams = await withUsers((users) => users.listTeamsInHierarchy());
      if (teams.length === 0) return console.log('No teams yet: add one with `hearth team add --name ... --kind service`.');
      console.log(
        columns([
          ['team', 'kind', 'front door', 'active users', 'manager'],
          ...teams.map((t) => [`${'  '.repeat(t.depth)}${t.name}`, t.kind, t.isFrontDoor ? 'yes' : '', String(t.workers), t.managers.join(', ')]),
        ]),
      );
    });
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage users');
  user
    .command('add')
    .description('create a user (the password is read from the terminal, or from stdin with --password-stdin)')
    .requiredOption('--username <username>', 'sign-in name, lower case')
    .requiredOption('--name <name>', 'the person’s name as others see it')
    .requiredOption('--role <role...>', `one or more of: ${ROLES.join(', ')}`)
    .option('--team <team>', 'the team they belong to (by name)')
    .option('--email <email>')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (opts: { username: string; name: string; role: string[]; team?: string; email?: string; passwordStdin?: boolean }) => {
      const password = await readPassword(Boolean(opts.passwordStdin));
      const id = await withUsers((users) => users.addUser({ username: opts.username, displayName: opts.name, password, roles: opts.role, teamName: opts.team ?? null, email: opts.email ?? null }, CLI));
      console.log(`Created ${opts.username} (${id}).`);
    });

  user
    .command('list')
    .description('every user: username, name, roles, team, active, locked out, last sign-in')
    .option('--team <team>', 'only this team’s users (by name)')
    .action(async (opts: { team?: string }) => {
      const list = await withUsers(async (users) => users.listUsers({ teamId: opts.team ? await teamIdNamed(users, opts.team) : null }));
      console.log(
        columns([
          ['username', 'name', 'roles', 'team', 'status', 'last signed in'],
          ...list.map((u) => [u.username, u.displayName, u.roles.join(','), u.teamName ?? '', [u.active ? 'active' : 'deactivated', u.locked ? 'locked' : ''].filter(Boolean).join(', '), u.lastSignIn ? formatLondonDateTime(u.lastSignIn) : 'never']),
        ]),
      );
    });

  user
    .command('set-team <username>')
    .description('move a user to another team (or, with --no-team, to none)')
    .option('--team <team>', 'the team (by name)')
    .option('--no-team', 'no team')
    .action(async (username: string, opts: { team?: string | false }) => {
      if (opts.team === undefined) throw new ValidationFailed([{ field: 'team', message: 'Give --team <name>, or --no-team' }]);
      await withUsers(async (users) => {
        const u = await userNamed(users, username);
        await users.setUserTeam(u.id, opts.team ? await teamIdNamed(users, opts.team) : null, null, CLI);
      });
      console.log(`${username} is now ${opts.team ? `in ${opts.team}` : 'in no team'}.`);
    });

  user
    .command('set-role <username>')
    .description('replace a user’s roles')
    .requiredOption('--role <role...>', `one or more of: ${ROLES.join(', ')}`)
    .action(async (username: string, opts: { role: string[] }) => {
      await withUsers(async (users) => users.setUserRoles((await userNamed(users, username)).id, opts.role, null, CLI));
      console.log(`${username} now has the roles: ${opts.role.map((r) => roleLabels[r as keyof typeof roleLabels] ?? r).join(', ')}.`);
    });

  user
    .command('deactivate <username>')
    .description('stop a user signing in; every session of theirs ends at once')
    .action(async (username: string) => {
      const { sessionsEnded } = await withUsers(async (users) => users.deactivate((await userNamed(users, username)).id, null, CLI));
      console.log(`${username} is deactivated; ${sessionsEnded} ${sessionsEnded === 1 ? 'session' : 'sessions'} ended.`);
    });

  user
    .command('reactivate <username>')
    .description('let a deactivated user sign in again')
    .action(async (username: string) => {
      await withUsers(async (users) => users.reactivate((await userNamed(users, username)).id, null, CLI));
      console.log(`${username} is active again.`);
    });

  user
    .command('reset-password <username>')
    .description('set a new (temporary) password, typed hidden or read from stdin with --password-stdin; their sessions end')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (username: string, opts: { passwordStdin?: boolean }) => {
      const password = await readPassword(Boolean(opts.passwordStdin));
      await withUsers(async (users) => users.resetPassword((await userNamed(users, username)).id, password, null, CLI));
      console.log(`${username}’s password is reset; their sessions have ended.`);
    });

  user
    .command('unlock <username>')
    .description('clear a user’s failed sign-ins so they can sign in again at once')
    .action(async (username: string) => {
      const { cleared } = await withUsers(async (users) => users.unlockUser((await userNamed(users, username)).username, CLI));
      console.log(`${username} is unlocked (${cleared} failed ${cleared === 1 ? 'sign-in' : 'sign-ins'} cleared).`);
    });
}
