#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `hearth` works from a fresh clone with no build step.
// The CLI runs in a child process (so that TZ is set before anything reads the clock); this
// wrapper forwards the stopping signals to it and exits as it does, so `kill PID` of whatever
// `npm start` started stops Hearth cleanly and releases the data directory's lock.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/hearth.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { TZ: 'Europe/London', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`hearth: could not start: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    // Die of the same signal, so the caller sees what happened (the default action, our handlers removed).
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else {
    process.exit(code ?? 1);
  }
});
