import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { DataDirInUse } from './data-dir-lock.js';
import type { DatabaseHandle } from './database.js';
import { openPglite } from './open-pglite.js';

/**
 * The embedded database's data directory lock. These tests open PGlite in a temporary directory
 * of their own, so they run the same whichever engine the rest of the suite uses.
 */

const run = promisify(execFile);
const OPEN_PGLITE = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'open-pglite.ts')).href;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface LockFile {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

describe('the PGlite data directory lock', () => {
  let dir: string;
  let lockPath: string;
  let first: DatabaseHandle | null = null;

  const readLock = () => JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockFile;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-lock-test-'));
    lockPath = path.join(dir, 'hearth.lock');
    first = await openPglite({ dataDir: dir });
    await first.query('create table kept (note text)');
    await first.query("insert into kept values ('written before close')");
  });
  after(async () => {
    await first?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('an open data directory holds a lock file naming this process and host', () => {
    const lock = readLock();
    assert.equal(lock.pid, process.pid);
    assert.equal(lock.host, os.hostname());
    assert.ok(!Number.isNaN(Date.parse(lock.startedAt)), 'when it started');
  });

  test('a second open in the same process is refused with DataDirInUse naming the process, and the first keeps working', async () => {
    const error = await openPglite({ dataDir: dir }).then(
      () => assert.fail('the second open should have been refused'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof DataDirInUse, `DataDirInUse, not ${String(error)}`);
    assert.match(error.message, new RegExp(`already in use by process ${process.pid} on ${os.hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.ok(error.message.includes(dir), 'names the directory');
    assert.equal(readLock().pid, process.pid, 'the refused open left the lock alone');
    const rows = await first!.query<{ note: string }>('select note from kept');
    assert.deepEqual(rows, [{ note: 'written before close' }]);
  });

  test('a second process is refused: it exits non-zero and names the process holding the directory', async () => {
    const script = `import { openPglite } from ${JSON.stringify(OPEN_PGLITE)};\nconst db = await openPglite({ dataDir: process.env.LOCK_TEST_DIR });\nawait db.close();\nconsole.log('OPENED');`;
    const result = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, LOCK_TEST_DIR: dir },
      timeout: 60_000,
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
    );
    assert.notEqual(result.code, 0, 'the second process fails');
    assert.doesNotMatch(result.stdout, /OPENED/);
    assert.match(result.stderr, /DataDirInUse/);
    assert.match(result.stderr, new RegExp(`already in use by process ${process.pid}\\b`));
    assert.match(result.stderr, /Only one Hearth process may open the embedded database at a time/);
    assert.equal(readLock().pid, process.pid, 'the lock is still ours');
  });

  test('closing removes the lock file, and the directory opens again with its data', async () => {
    await first!.close();
    first = null;
    assert.equal(fs.existsSync(lockPath), false, 'the lock file is gone');
    const again = await openPglite({ dataDir: dir });
    try {
      assert.equal(readLock().pid, process.pid);
      assert.deepEqual(await again.query('select note from kept'), [{ note: 'written before close' }]);
    } finally {
      await again.close();
    }
    assert.equal(fs.existsSync(lockPath), false);
  });

  test('a stale lock left by a process that has died is taken over', async () => {
    assert.throws(() => process.kill(999999, 0), { code: 'ESRCH' }, 'precondition: there is no process 999999');
    const stale: LockFile = { pid: 999999, host: os.hostname(), startedAt: '2026-11-01T09:00:00.000Z', command: 'hearth serve (crashed)' };
    fs.writeFileSync(lockPath, JSON.stringify(stale));
    const db = await openPglite({ dataDir: dir });
    try {
      assert.equal(readLock().pid, process.pid, 'the lock is now ours');
      assert.deepEqual(await db.query('select note from kept'), [{ note: 'written before close' }]);
    } finally {
      await db.close();
    }
    assert.equal(fs.existsSync(lockPath), false);
  });

  test('a lock held from another host is never taken over, since its process cannot be checked', async () => {
    const remote: LockFile = { pid: 999999, host: 'another-host.example', startedAt: '2026-11-01T09:00:00.000Z', command: 'hearth serve' };
    fs.writeFileSync(lockPath, JSON.stringify(remote));
    try {
      await assert.rejects(openPglite({ dataDir: dir }), (e: unknown) => e instanceof DataDirInUse && /process 999999 on another-host\.example/.test(e.message));
      assert.deepEqual(readLock(), remote, 'the lock is untouched');
    } finally {
      fs.rmSync(lockPath, { force: true });
    }
  });
});
