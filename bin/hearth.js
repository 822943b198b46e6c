#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `hearth` works from a fresh clone with no build step.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/hearth.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { TZ: 'Europe/London', ...process.env },
});
process.exit(result.status ?? 1);
