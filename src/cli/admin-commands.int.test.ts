/**
 * Setting up a working service on an empty database without the demo, as an administrator would:
 * `hearth migrate`, `hearth team add`, `hearth user add --role administrator`, then sign in and add
 * teams and users in the pages; the new user signs in. Then the other `hearth team`/`hearth user`
 * commands, each audited with no user and `via: 'cli'`. The commands run in child processes on a
 * database of the engine under test (a new PGlite data directory, or a new PostgreSQL database).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Browserless, errorSummary, hiddenValue } from '../../test/support/browserless.js';
import { testEngine } from '../../test/support/test-database.js';
import { loadConfig } from '../config/config.js';
import type { DatabaseHandle } from '../db/database.js';
import { openPglite } from '../db/open-pglite.js';
import { openPostgres } from '../db/open-postgres.js';
import { createApp } from '../web/app.js';
import { systemClock } from '../web/clock.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ADMIN_PASSWORD = 'first administrator password';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** An empty database (not migrated) the commands can open by themselves, and a way to open it here. */
async function emptyDatabase(): Promise<{ env: Record<string, string>; open(): Promise<DatabaseHandle>; dispose(): Promise<void> }> {
  if (testEngine() === 'postgres') {
    const adminUrl = process.env.HEARTH_TEST_PG_URL!;
    const name = `hearth_setup_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      open: () => openPostgres(url.toString(), 2),
      async dispose() {
        const cleanup = new pg.Client({ connectionString: adminUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-setup-'));
  return {
    env: { HEARTH_DATA_DIR: dir },
    open: () => openPglite({ dataDir: dir }),
    async dispose() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('hearth team / hearth user: an empty database set up without the demo', { timeout: 300_000 }, () => {
  let target: Awaited<ReturnType<typeof emptyDatabase>>;
  before(async () => {
    target = await emptyDatabase();
  });
  after(async () => {
    await target.dispose();
  });

  function hearth(args: string[], input?: string): Promise<Run> {
    const env: NodeJS.ProcessEnv = { ...process.env, ...target.env, TZ: 'Europe/London', NODE_ENV: 'development' };
    if (!target.env.DATABASE_URL) delete env.DATABASE_URL;
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/hearth.ts'), ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(input ?? '');
    });
  }

  async function ok(args: string[], input?: string): Promise<string> {
    const run = await hearth(args, input);
    assert.equal(run.code, 0, `hearth ${args.join(' ')} failed: ${run.stderr}`);
    return run.stdout;
  }

  /** The app over the target database, for as long as `work` runs (PGlite's directory takes one process at a time). */
  async function withApp<T>(work: (app: Awaited<ReturnType<typeof createApp>>['app'], db: DatabaseHandle) => Promise<T>): Promise<T> {
    const db = await target.open();
    const { app } = await createApp({ config: loadConfig({ NODE_ENV: 'test', AUTHORITY_NAME: 'Newshire Council' }), db, clock: systemClock });
    try {
      return await work(app, db);
    } finally {
      await app.close();
      await db.close();
    }
  }

  test('migrate, a service and an administrator from the command line; then teams and users in the pages; the new user signs in', async () => {
    assert.match(await ok(['migrate']), /Migrations applied/);
    assert.match(await ok(['team', 'add', '--name', 'Children’s Social Care', '--kind', 'service']), /Added service Children’s Social Care/);
    assert.match(await ok(['team', 'add', '--name', 'MASH', '--parent', 'Children’s Social Care', '--front-door']), /Added team MASH/);
    assert.match(await ok(['user', 'add', '--username', 'first.admin', '--name', 'Fay First', '--role', 'administrator', '--password-stdin'], `${ADMIN_PASSWORD}\n`), /Created first\.admin/);

    await withApp(async (app, db) => {
      const admin = new Browserless(app);
      await admin.signIn('first.admin', ADMIN_PASSWORD);
      const home = await admin.get('/');
      assert.equal(home.status, 200);
      assert.match(home.body, /<h1 class="govuk-heading-l">Users and teams<\/h1>/);
      assert.match(home.body, /1 active user in 2 teams and services/);

      const teamForm = await admin.get('/admin/teams/new');
      const parentId = /<option value="([0-9a-f-]{36})">Children’s Social Care<\/option>/.exec(teamForm.body)![1]!;
      const team = await admin.post('/admin/teams', { formToken: hiddenValue(teamForm.body, 'formToken')!, name: 'Assessment Team North', kind: 'team', parentId });
      assert.equal(team.status, 303);
      const teamId = /added=([0-9a-f-]{36})/.exec(team.location!)![1]!;

      const userForm = await admin.get('/admin/users/new');
      const user = await admin.post('/admin/users', { formToken: hiddenValue(userForm.body, 'formToken')!, name: 'Jo Bloggs', username: 'jo.bloggs', teamId, roles: ['social_worker'], password: 'jo’s first password' });
      assert.equal(user.status, 303);
      const jo = new Browserless(app);
      await jo.signIn('jo.bloggs', 'jo’s first password');
      const tray = await jo.get('/');
      assert.equal(tray.status, 200);
      assert.match(tray.body, /My worktray/);

      const audit = await db.query<{ action: string; user_id: string | null; via: string }>(`select action, user_id, detail->>'via' as via from audit_events where action in ('team-added', 'user-added') order by id`);
      assert.deepEqual(
        audit.map((a) => [a.action, a.user_id === null ? null : 'user', a.via]),
        [
          ['team-added', null, 'cli'],
          ['team-added', null, 'cli'],
          ['user-added', null, 'cli'],
          ['team-added', 'user', 'web'],
          ['user-added', 'user', 'web'],
        ],
      );
    });

    const teams = await ok(['team', 'list']);
    assert.match(teams, /^Children’s Social Care\s+service\s+0\s*$/m);
    assert.match(teams, /^ {2}Assessment Team North\s+team\s+1\s*$/m);
    assert.match(teams, /^ {2}MASH\s+team\s+yes\s+0\s*$/m);
    const users = await ok(['user', 'list']);
    assert.match(users, /^first\.admin\s+Fay First\s+administrator\s+active\s+\d+ \w+ \d{4} at/m);
    assert.match(users, /^jo\.bloggs\s+Jo Bloggs\s+social_worker\s+Assessment Team North\s+active/m);
  });

  test('the other commands: set-team, set-role, team change, deactivate (sessions end), reactivate, reset-password, unlock; each audited via cli', async () => {
    // Jo is signed in (a session row), and has failed to sign in twice.
    await withApp(async (app) => {
      const jo = new Browserless(app);
      await jo.signIn('jo.bloggs', 'jo’s first password');
      const stranger = new Browserless(app);
      await stranger.get('/sign-in');
      for (let i = 0; i < 2; i++) assert.equal((await stranger.post('/sign-in', { username: 'jo.bloggs', password: 'wrong password!!', next: '/' })).status, 400);
    });
    assert.match(await ok(['user', 'set-team', 'jo.bloggs', '--team', 'MASH']), /jo\.bloggs is now in MASH/);
    assert.match(await ok(['user', 'set-role', 'jo.bloggs', '--role', 'mash_worker', 'team_manager']), /MASH worker, Team manager/);
    assert.match(await ok(['user', 'deactivate', 'jo.bloggs']), /jo\.bloggs is deactivated; [1-9]\d* sessions? ended/);
    assert.match(await ok(['user', 'list', '--team', 'MASH']), /^jo\.bloggs\s+Jo Bloggs\s+mash_worker,team_manager\s+MASH\s+deactivated/m);
    assert.match(await ok(['user', 'reactivate', 'jo.bloggs']), /active again/);
    assert.match(await ok(['user', 'unlock', 'jo.bloggs']), /unlocked \(2 failed sign-ins cleared\)/);
    assert.match(await ok(['user', 'reset-password', 'jo.bloggs', '--password-stdin'], 'jo’s second password\n'), /password is reset/);

    const short = await hearth(['user', 'reset-password', 'jo.bloggs', '--password-stdin'], 'short\n');
    assert.equal(short.code, 1);
    assert.match(short.stderr, /password: Password must be at least 12 characters/);
    const nobody = await hearth(['user', 'unlock', 'no.one']);
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /user called no\.one not found/);
    const noTeam = await hearth(['user', 'set-team', 'jo.bloggs', '--team', 'Nowhere']);
    assert.equal(noTeam.code, 1);
    assert.match(noTeam.stderr, /There is no team called Nowhere/);
    const duplicate = await hearth(['team', 'add', '--name', 'MASH']);
    assert.equal(duplicate.code, 1);
    assert.match(duplicate.stderr, /A team called MASH already exists/);
    assert.match(await ok(['team', 'change', 'Assessment Team North', '--rename', 'Assessment North', '--no-parent']), /Assessment North is saved/);

    await withApp(async (app, db) => {
      assert.equal((await db.query(`select 1 from sessions s join users u on u.id = s.user_id where u.username = 'jo.bloggs'`)).length, 0, 'deactivating ended the session');
      const jo = new Browserless(app);
      await jo.signIn('jo.bloggs', 'jo’s second password');
      assert.equal((await jo.get('/')).location, '/front-door', 'now a MASH worker in a front-door team');
      const audit = await db.query<{ action: string; user_id: string | null; via: string }>(
        `select action, user_id, detail->>'via' as via from audit_events where subject_type = 'user' and action like 'user-%' and action <> 'user-added' order by id`,
      );
      assert.deepEqual(
        audit.map((a) => [a.action, a.user_id, a.via]),
        ['user-team-changed', 'user-roles-changed', 'user-deactivated', 'user-reactivated', 'user-unlocked', 'user-password-reset'].map((a) => [a, null, 'cli']),
      );
      const unsealed = await db.query(`select id from audit_events where detail->>'via' = 'cli' and hash is null`);
      assert.deepEqual(unsealed, [], 'each command chains its audit rows before it exits');
      const [moved] = await db.query<{ user_id: string | null; detail: { via: string; from: { name: string; parent: string }; to: { name: string; parent: string | null } } }>(`select user_id, detail from audit_events where action = 'team-changed'`);
      assert.equal(moved!.user_id, null);
      assert.deepEqual([moved!.detail.via, moved!.detail.from.name, moved!.detail.from.parent, moved!.detail.to.name, moved!.detail.to.parent], ['cli', 'Assessment Team North', 'Children’s Social Care', 'Assessment North', null]);
      // The administrator's home lists the changes made from the command line.
      const admin = new Browserless(app);
      await admin.signIn('first.admin', ADMIN_PASSWORD);
      const home = await admin.get('/');
      assert.match(home.body, /Password reset[\s\S]*Jo Bloggs[\s\S]*The command line/);
      assert.deepEqual(errorSummary(home.body), []);
    });
  });
});
