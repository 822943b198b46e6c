/**
 * `hearth obligations --child ID [--as-of DATE] [--json]`: a child's stored obligations with due,
 * met and lapsed dates, the status as at the date, the basis and the source. The function is
 * tested on the test app; the command itself once, in a child process on a temporary data directory.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { recompute, seedAllocation, seedChild, seedCpPlan, seedEpisode, seedVisit } from '../../../test/support/casework-seed.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';
import crypto from 'node:crypto';
import pg from 'pg';
import { freshDatabase, testEngine } from '../../../test/support/test-database.js';
import type { DatabaseHandle } from '../../db/database.js';
import { migrate } from '../../db/migrate.js';
import { openPglite } from '../../db/open-pglite.js';
import { openPostgres } from '../../db/open-postgres.js';
import { DEFAULT_LOCAL_NORMS } from '../../domain/obligations/index.js';
import { parsePlainDate } from '../../domain/time/index.js';
import { recomputeAllObligations } from '../obligations/obligations.service.js';
import { type ChildObligationsReport, childObligations, formatChildObligations, statusAsOf } from './child-obligations.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const d = parsePlainDate;

describe('a child’s obligations as at a date', () => {
  test('status as at the date: met (on or before it), lapsed, overdue, due', () => {
    const CASES: [due: string, met: string | null, lapsed: string | null, asOf: string, status: string, words: string][] = [
      ['2026-11-09', '2026-11-13', null, '2026-11-23', 'met', 'met on 13 November 2026 (late)'],
      ['2026-11-09', '2026-11-05', null, '2026-11-23', 'met', 'met on 5 November 2026'],
      ['2026-11-09', '2026-11-13', null, '2026-11-10', 'overdue', 'overdue by 1 working day'], // met later than the date
      ['2026-11-09', null, '2026-11-12', '2026-11-23', 'lapsed', 'lapsed on 12 November 2026 without being met'],
      ['2026-11-09', null, '2026-11-12', '2026-11-11', 'overdue', 'overdue by 2 working days'],
      ['2026-11-27', null, null, '2026-11-23', 'due', 'due in 4 working days'],
      ['2026-11-23', null, null, '2026-11-23', 'due', 'due today'],
    ];
    for (const [due, met, lapsed, asOf, status, words] of CASES) {
      assert.deepEqual(statusAsOf({ dueOn: d(due), metOn: met ? d(met) : null, lapsedOn: lapsed ? d(lapsed) : null }, d(asOf)), { status, words }, `${due} ${met} ${lapsed} as at ${asOf}`);
    }
  });

  describe('on the test app', () => {
    let t: TestApp;
    let ava: string;
    before(async () => {
      t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
      ava = await seedChild(t, 'Ava', 'Able');
      const episode = await seedEpisode(t, ava, { referralDate: '2026-10-01', teamId: t.ids['team:Assessment']! });
      await seedCpPlan(t, ava, episode, '2026-10-26');
      await seedVisit(t, ava, '2026-11-13', { writtenUpOn: '2026-11-17' });
      await seedAllocation(t, ava, { workerId: t.ids.worker!, teamId: t.ids['team:Assessment']!, start: '2026-10-26' });
      await recompute(t, ava);
    });
    after(async () => t.close());

    test('by person id or child ID, the same rows the worktray reads', async () => {
      const [{ la_child_id }] = (await t.db.query<{ la_child_id: string }>('select la_child_id from people where id = $1', [ava])) as [{ la_child_id: string }];
      const byLa = await childObligations(t.db.db, la_child_id, d('2026-11-23'));
      const byId = await childObligations(t.db.db, ava, d('2026-11-23'));
      assert.deepEqual(byLa, byId);
      assert.deepEqual(
        byId.items.map((i) => [i.rule, i.dueOn, i.metOn, i.status]),
        [
          ['assessment', '2026-12-03', '2026-10-01', 'met'],
          ['referral-decision', '2026-10-02', '2026-10-01', 'met'],
          ['cp-visit', '2026-11-09', '2026-11-13', 'met'],
          ['first-core-group', '2026-11-09', null, 'overdue'],
          ['visit-write-up', '2026-11-17', '2026-11-17', 'met'],
          ['case-supervision', '2026-11-26', null, 'due'],
          ['cp-visit', '2026-11-27', null, 'due'],
          ['review-conference', '2027-01-26', null, 'due'],
        ].sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0]))),
      );
      const text = formatChildObligations(byId);
      assert.match(text, /^Ava Able \(child ID WT\d+, [0-9a-f-]{36}\)\nObligations as at 23 November 2026: 1 overdue, 3 due, 4 met, 0 lapsed\./);
      assert.match(text, /2026-11-09  overdue  -           -           First core group: overdue by 10 working days/);
      assert.match(text, /Write up visit of 13 November 2026: met on 17 November 2026\n/, 'written up on the due date: on time');
      assert.match(text, /Basis: 10 working days from the initial conference on 26 October 2026/);
      assert.match(text, /Source: Working Together to Safeguard Children 2023 \(flowchart\)/);
      await assert.rejects(childObligations(t.db.db, 'NOSUCHCHILD', d('2026-11-23')), /not found/);
    });

    test('as at a past date: worked out from the record as it stood then, not the stored rows', async () => {
      const then = await childObligations(t.db.db, ava, d('2026-11-10'), { today: d('2026-11-23'), norms: DEFAULT_LOCAL_NORMS });
      const rows = then.items.map((i) => [i.rule, i.dueOn, i.metOn, i.status]);
      // On 10 November the visit of 13 November had not happened: the first CP visit (due 9 November,
      // 10 working days from the plan's start on 26 October) was overdue, and no write-up was owed.
      assert.deepEqual(
        rows.filter(([rule]) => rule === 'cp-visit' || rule === 'visit-write-up'),
        [['cp-visit', '2026-11-09', null, 'overdue']],
      );
      assert.deepEqual(rows.filter(([rule]) => rule === 'case-supervision'), [['case-supervision', '2026-11-26', null, 'due']], 'a month from the allocation on 26 October');
    });
  });

  test('the command, in a child process on a database of the engine under test: text, --json, --as-of, an unknown child', { timeout: 180_000 }, async () => {
    const target = await commandDatabase();
    try {
      const handle = target.handle;
      try {
        const [team] = await handle.query<{ id: string }>(`insert into teams (name, kind) values ('Assessment', 'team') returning id`);
        const [child] = await handle.query<{ id: string }>(`insert into people (la_child_id, given_name, family_name, sex) values ('CLI1', 'Cal', 'Line', 'U') returning id`);
        await handle.query(
          `insert into cin_episodes (person_id, referral_date, referral_source, primary_need_code, referral_decision, referral_decided_on, team_id) values ($1, '2026-11-02', '2A', 'N1', 'strategy_discussion', '2026-11-02', $2)`,
          [child!.id, team!.id],
        );
        await recomputeAllObligations(handle, DEFAULT_LOCAL_NORMS, new Date('2026-11-23T10:00:00Z'));
      } finally {
        await target.release();
      }
      const env: NodeJS.ProcessEnv = { ...process.env, ...target.env, TZ: 'Europe/London', NODE_ENV: 'development' };
      if (!target.env.DATABASE_URL) delete env.DATABASE_URL;
      const cli = (args: string[]) => run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/hearth.ts'), 'obligations', ...args], { cwd: ROOT, env });
      const json = await cli(['--child', 'CLI1', '--as-of', '2026-11-03', '--json']);
      const report = JSON.parse(json.stdout) as ChildObligationsReport;
      assert.equal(report.child.name, 'Cal Line');
      assert.equal(report.asOf, '2026-11-03');
      assert.deepEqual(
        report.items.map((i) => [i.rule, i.dueOn, i.status, i.words]),
        [
          ['referral-decision', '2026-11-03', 'met', 'met on 2 November 2026'],
          ['strategy-discussion', '2026-11-03', 'due', 'due today'],
        ],
      );
      assert.match(report.items[1]!.basis, /1 working day from the referral decision on 2 November 2026/);
      const text = await cli(['--child', 'CLI1', '--as-of', '2026-11-23']);
      assert.match(text.stdout, /Obligations as at 23 November 2026: 1 overdue, 0 due, 1 met, 0 lapsed\./);
      assert.match(text.stdout, /2026-11-03  overdue  -           -           Strategy discussion: overdue by 14 working days/);
      await assert.rejects(cli(['--child', 'NOPE']), (error: { code: number; stderr: string }) => error.code === 1 && /No child with the ID NOPE/.test(error.stderr));
      await assert.rejects(cli(['--child', 'CLI1', '--as-of', '23/11/2026']), (error: { code: number; stderr: string }) => error.code === 1 && /--as-of must be a date like 2026-11-23/.test(error.stderr));
    } finally {
      await target.dispose();
    }
  });
});

/**
 * A database the command can open by itself, with the engine under test: a PGlite data directory
 * (cloned from the migrated template) or a new database on the PostgreSQL test cluster. `release`
 * closes the test's own connection (PGlite's directory takes one process at a time); `dispose`
 * removes it all.
 */
async function commandDatabase(): Promise<{ handle: DatabaseHandle; env: Record<string, string>; release(): Promise<void>; dispose(): Promise<void> }> {
  if (testEngine() === 'postgres') {
    const adminUrl = process.env.HEARTH_TEST_PG_URL!;
    const name = `hearth_cli_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = await openPostgres(url.toString(), 2);
    await migrate(handle);
    return {
      handle,
      env: { DATABASE_URL: url.toString() },
      release: () => handle.close(),
      async dispose() {
        await handle.close();
        const cleanup = new pg.Client({ connectionString: adminUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  // The migrated template, in memory, dumped into a data directory: much quicker than migrating one.
  const template = await freshDatabase('pglite');
  const dump = await (template as unknown as { pglite: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).pglite.dumpDataDir('gzip');
  await template.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-cli-obligations-'));
  const handle = await openPglite({ dataDir: dir, loadDataDir: dump });
  return {
    handle,
    env: { HEARTH_DATA_DIR: dir },
    release: () => handle.close(),
    async dispose() {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
