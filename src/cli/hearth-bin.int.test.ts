import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * `npm start` runs bin/hearth.js, which starts the TypeScript CLI in a child process. A service
 * manager stops Hearth with `kill PID` of the process it started: the signal must reach the real
 * server, which then stops cleanly and releases the data directory's lock.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('kill PID of bin/hearth.js stops the real server cleanly and releases the lock', { timeout: 120_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bin-'));
  const env: NodeJS.ProcessEnv = { ...process.env, HEARTH_DATA_DIR: dir, PORT: '0', NODE_ENV: 'development', VACUUM_INTERVAL_MINUTES: '0' };
  delete env.DATABASE_URL;
  const wrapper = spawn(process.execPath, [path.join(ROOT, 'bin/hearth.js'), 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  wrapper.stdout.on('data', (d: Buffer) => (out += d.toString()));
  wrapper.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => wrapper.on('exit', (code) => resolve(code)));
  let serverPid = 0;
  try {
    for (let waited = 0; !/Hearth is running/.test(out); waited += 100) {
      if (waited > 90_000 || wrapper.exitCode !== null) assert.fail(`Hearth did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const lock = JSON.parse(fs.readFileSync(path.join(dir, 'hearth.lock'), 'utf8')) as { pid: number };
    serverPid = lock.pid;
    assert.notEqual(serverPid, wrapper.pid, 'the server runs in a child of the wrapper');
    wrapper.kill('SIGTERM');
    const code = await exited;
    for (let waited = 0; isAlive(serverPid) && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    assert.equal(isAlive(serverPid), false, 'the real server has stopped');
    assert.equal(fs.existsSync(path.join(dir, 'hearth.lock')), false, 'the lock is released');
    assert.match(out, /SIGTERM: stopping Hearth[\s\S]*Stopped cleanly/);
    assert.equal(code, 0, 'the wrapper exits with the server\'s code');
  } finally {
    if (wrapper.exitCode === null) wrapper.kill('SIGKILL');
    if (serverPid && isAlive(serverPid)) process.kill(serverPid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
