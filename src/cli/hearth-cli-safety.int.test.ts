import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * The CLI's safety catches: production refuses the demo authority (its users share a published
 * password).
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
