import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freshDatabase } from '../../test/support/test-database.js';
import { openPglite } from '../db/open-pglite.js';

/**
 * The CLI's safety catches: production refuses the demo authority (its users share a published
 * password), and an administrator can unlock a throttled username from the command line.
 */
const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = (args: string[], env: NodeJS.ProcessEnv) => run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/hearth.ts'), ...args], { cwd: ROOT, env });

describe('the hearth command in production', () => {
  // A database that is not there: the refusal must come before any attempt to reach it.
  const production: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATABASE_URL: 'postgres://hearth@127.0.0.1:1/nowhere', SESSION_SECRET: 'p'.repeat(40) };

  for (const args of [['serve', '--demo'], ['seed', '--scale', '0.01']]) {
    test(`refuses \`hearth ${args.join(' ')}\`: the demo users' password is published`, { timeout: 60_000 }, async () => {
      await assert.rejects(cli(args, production), (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 1);
        assert.match(error.stderr, /The demo authority is refused in production \(NODE_ENV=production\)/);
        return true;
      });
    });
  }
});

test('`hearth user unlock USERNAME` clears the username’s failed sign-ins and says how many', { timeout: 120_000 }, async () => {
  const template = await freshDatabase('pglite');
  const dump = await (template as unknown as { pglite: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).pglite.dumpDataDir('gzip');
  await template.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-cli-unlock-'));
  try {
    const db = await openPglite({ dataDir: dir, loadDataDir: dump });
    await db.query("insert into sign_in_attempts (username, ip, at, succeeded) select 'jo.bloggs', '10.0.0.' || n, now(), false from generate_series(1, 3) n");
    await db.close();
    const env: NodeJS.ProcessEnv = { ...process.env, HEARTH_DATA_DIR: dir, NODE_ENV: 'development' };
    delete env.DATABASE_URL;
    const { stdout } = await cli(['user', 'unlock', 'Jo.Bloggs'], env);
    assert.match(stdout, /Unlocked jo\.bloggs: 3 failed sign-in attempts cleared\./);
    const after = await openPglite({ dataDir: dir });
    try {
      const [left] = await after.query<{ n: number }>("select count(*)::int as n from sign_in_attempts where username = 'jo.bloggs'");
      assert.equal(left!.n, 0);
      const [audited] = await after.query<{ n: number }>("select count(*)::int as n from audit_events where action = 'sign-in-unlocked' and subject_id = 'jo.bloggs'");
      assert.equal(audited!.n, 1);
    } finally {
      await after.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
