/**
 * Hearth's whole test programme: `npm test` (TZ=Europe/London tsx scripts/test.ts).
 *
 * Steps, in order:
 *   typecheck  tsc --noEmit -p .
 *   lint       eslint . (eslint.config.js: import cycles, typescript-eslint; long files only warn)
 *   unit       src/**\/*.test.ts (not *.int.test.ts / *.e2e.test.ts)
 *   pglite     integration tests (src/**\/*.int.test.ts, test/**\/*.int.test.ts) on PGlite
 *   postgres   the same files on a throwaway PostgreSQL cluster
 *   e2e        test/e2e/**\/*.e2e.test.ts in Chromium
 *
 * Usage: tsx scripts/test.ts [--only STEP]... [FILTER]...
 *   --only STEP  run only this step (repeatable): typecheck, lint, unit, pglite, postgres, e2e
 *   FILTER       run only test files whose path contains FILTER (any of them)
 *
 * Strict mode (CI=true or HEARTH_REQUIRE_ALL=1): a skipped step or a skipped /
 * todo test fails the run. The last line of output is always
 * `N passed, N failed, N skipped`.
 *
 * Counting: each `node --test` step writes the spec reporter to stdout and a
 * TAP report to a temp file; the totals come from the TAP file's final
 * `# pass / # fail / # cancelled / # skipped / # todo` lines. Cancelled tests
 * count as failed, todo tests as skipped. The type check and the lint each count as one test;
 * a skipped step counts as one skipped; a step that fails without reporting a
 * failed test (crash, no results) counts as one failed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  findPostgresBinaries,
  startPostgresCluster,
  type PostgresCluster,
} from '../test/support/postgres-cluster.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const STEP_NAMES = ['typecheck', 'lint', 'unit', 'pglite', 'postgres', 'e2e'] as const;
type StepName = (typeof STEP_NAMES)[number];

const TITLES: Record<StepName, string> = {
  typecheck: 'Type check',
  lint: 'Lint',
  unit: 'Unit tests',
  pglite: 'Integration tests on PGlite',
  postgres: 'Integration tests on PostgreSQL',
  e2e: 'Browser tests',
};

const SKIP_LABELS: Record<StepName, string> = {
  typecheck: 'type check',
  lint: 'lint',
  unit: 'unit tests',
  pglite: 'integration tests on PGlite',
  postgres: 'integration tests on PostgreSQL',
  e2e: 'browser tests',
};

interface StepResult {
  name: StepName;
  status: 'passed' | 'failed' | 'skipped' | 'not run';
  passed: number;
  failed: number;
  skipped: number;
  note: string;
  /** Skipped / todo tests, for strict mode's message. */
  skippedTests: string[];
  seconds: number;
}

// ---------------------------------------------------------------------------
// Arguments and environment

function usage(): never {
  console.log(
    'Usage: tsx scripts/test.ts [--only typecheck|lint|unit|pglite|postgres|e2e]... [FILE_FILTER]...',
  );
  process.exit(0);
}

const only = new Set<StepName>();
const filters: string[] = [];
{
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') usage();
    let value: string | undefined;
    if (arg === '--only') value = args[++i];
    else if (arg.startsWith('--only=')) value = arg.slice('--only='.length);
    else if (arg.startsWith('-')) {
      console.error(`Unknown option ${arg}`);
      process.exit(2);
    } else {
      filters.push(arg);
      continue;
    }
    for (const name of (value ?? '').split(',')) {
      if (!(STEP_NAMES as readonly string[]).includes(name)) {
        console.error(`--only takes one of: ${STEP_NAMES.join(', ')} (got "${name}")`);
        process.exit(2);
      }
      only.add(name as StepName);
    }
  }
}

const strict = process.env.CI === 'true' || process.env.HEARTH_REQUIRE_ALL === '1';
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
process.env.TZ ??= 'Europe/London';

// ---------------------------------------------------------------------------
// Child processes and interruption

let current: ChildProcess | undefined;
let cluster: PostgresCluster | undefined;
let interrupted: NodeJS.Signals | undefined;
let interruptedAt = 0;

function killCurrent(signal: NodeJS.Signals): void {
  const pid = current?.pid;
  if (pid === undefined || current?.exitCode !== null || current?.signalCode !== null) return;
  try {
    process.kill(-pid, signal); // the whole group: node --test and its per-file children
  } catch {
    // already gone
  }
}

function onSignal(signal: NodeJS.Signals): void {
  const now = Date.now();
  if (interrupted) {
    // npm/tsx/the terminal can each deliver the same Ctrl-C: ignore echoes.
    if (now - interruptedAt < 1_000) return;
    console.error(`\n${signal} again: killing everything.`);
    killCurrent('SIGKILL');
    process.exit(signal === 'SIGINT' ? 130 : 143); // the cluster's exit handler stops it
  }
  interrupted = signal;
  interruptedAt = now;
  console.error(`\n${signal}: stopping the tests…`);
  killCurrent(signal);
  setTimeout(() => killCurrent('SIGKILL'), 10_000).unref();
}
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, onSignal);
process.on('exit', () => killCurrent('SIGKILL'));

/** Run a command with inherited stdio in its own process group; resolve its exit code. */
function runChild(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, detached: true });
    current = child;
    child.once('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      current = undefined;
      resolve(127);
    });
    child.once('exit', (code, signal) => {
      current = undefined;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

// ---------------------------------------------------------------------------
// Test files

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile()) out.push(relative(root, path).split(sep).join('/'));
  }
  return out;
}

function select(files: string[]): string[] {
  const matching = filters.length
    ? files.filter((file) => filters.some((filter) => file.includes(filter)))
    : files;
  return [...new Set(matching)].sort();
}

const isInt = (f: string) => f.endsWith('.int.test.ts');
const isE2e = (f: string) => f.endsWith('.e2e.test.ts');
const srcFiles = walk('src');
const testFiles = walk('test');
const unitFiles = select(srcFiles.filter((f) => f.endsWith('.test.ts') && !isInt(f) && !isE2e(f)));
const intFiles = select([...srcFiles, ...testFiles].filter(isInt));
const e2eFiles = select(testFiles.filter((f) => f.startsWith('test/e2e/') && isE2e(f)));

// ---------------------------------------------------------------------------
// Steps

const reportDir = mkdtempSync(join(tmpdir(), 'hearth-test-'));
process.on('exit', () => rmSync(reportDir, { recursive: true, force: true }));

function result(name: StepName, fields: Partial<StepResult>): StepResult {
  return {
    name,
    status: 'passed',
    passed: 0,
    failed: 0,
    skipped: 0,
    note: '',
    skippedTests: [],
    seconds: 0,
    ...fields,
  };
}

function skip(name: StepName, reason: string): StepResult {
  console.log(`SKIPPED: ${SKIP_LABELS[name]} — ${reason}`);
  return result(name, { status: 'skipped', skipped: 1, note: reason });
}

function heading(name: StepName, detail: string): void {
  const index = STEP_NAMES.indexOf(name) + 1;
  console.log(`\n=== ${index}/${STEP_NAMES.length} ${TITLES[name]}${detail ? ` (${detail})` : ''} ===\n`);
}

/** Totals and skipped tests from a TAP report written by node --test. */
function parseTap(path: string):
  | { pass: number; fail: number; skipped: number; skippedTests: string[] }
  | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  // Output printed by test files also lands in the TAP stream as "# ..."
  // comments, so only trust the summary block after the last "# tests N".
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^# tests \d+$/.test(lines[i]!)) {
      start = i;
      break;
    }
  }
  if (start < 0) return undefined;
  const counts: Record<string, number> = {};
  for (const line of lines.slice(start)) {
    const m = /^# (\w+) (\d+(?:\.\d+)?)$/.exec(line);
    if (m) counts[m[1]!] = Number(m[2]);
  }
  if (counts.pass === undefined || counts.fail === undefined) return undefined;

  const skippedTests: string[] = [];
  for (const line of lines.slice(0, start)) {
    const m = /^\s*ok \d+ - (.*?) # (SKIP|TODO)\b ?(.*)$/.exec(line);
    if (m) skippedTests.push(`${m[1]!.replace(/\\#/g, '#')} (${m[2]!.toLowerCase()}${m[3] ? `: ${m[3]}` : ''})`);
  }
  return {
    pass: counts.pass,
    fail: counts.fail + (counts.cancelled ?? 0),
    skipped: (counts.skipped ?? 0) + (counts.todo ?? 0),
    skippedTests,
  };
}

async function nodeTestStep(
  name: StepName,
  files: string[],
  env: NodeJS.ProcessEnv,
  serial: boolean,
): Promise<StepResult> {
  const tapFile = join(reportDir, `${name}.tap`);
  const args = [
    '--import',
    'tsx',
    '--test',
    ...(serial ? ['--test-concurrency=1'] : []),
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ];
  const code = await runChild(process.execPath, args, env);
  const tap = parseTap(tapFile);
  if (!tap) {
    return result(name, {
      status: 'failed',
      failed: 1,
      note: interrupted ? 'interrupted' : `node --test exited with code ${code} and reported no results`,
    });
  }
  const failed = code !== 0 || tap.fail > 0;
  return result(name, {
    status: failed ? 'failed' : 'passed',
    passed: tap.pass,
    failed: failed && tap.fail === 0 ? 1 : tap.fail,
    skipped: tap.skipped,
    skippedTests: tap.skippedTests,
    note: interrupted
      ? 'interrupted'
      : failed && tap.fail === 0
        ? `node --test exited with code ${code}`
        : '',
  });
}

function engineEnv(engine: 'pglite' | 'postgres', extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HEARTH_TEST_ENGINE: engine, ...extra };
  if (engine === 'pglite') delete env.HEARTH_TEST_PG_URL;
  return env;
}

function noFiles(name: StepName, pattern: string): StepResult {
  const reason = filters.length
    ? `no test files matching ${filters.map((f) => `"${f}"`).join(', ')} (${pattern})`
    : `no test files found (${pattern})`;
  return skip(name, reason);
}

const steps: Record<StepName, () => Promise<StepResult>> = {
  async typecheck() {
    heading('typecheck', 'tsc --noEmit -p .');
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const code = await runChild(process.execPath, [tsc, '--noEmit', '-p', '.'], process.env);
    if (code === 0) console.log('No type errors.');
    return code === 0
      ? result('typecheck', { passed: 1 })
      : result('typecheck', { status: 'failed', failed: 1, note: `tsc exited with code ${code}` });
  },

  async lint() {
    // The whole project whatever the file filter: a cycle runs through files the filter leaves out.
    heading('lint', 'eslint .');
    const eslint = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
    const code = await runChild(process.execPath, [eslint, '.'], process.env);
    if (code === 0) console.log('No lint errors.');
    return code === 0
      ? result('lint', { passed: 1 })
      : result('lint', { status: 'failed', failed: 1, note: `eslint exited with code ${code}` });
  },

  async unit() {
    heading('unit', `${unitFiles.length} file${unitFiles.length === 1 ? '' : 's'}`);
    if (!unitFiles.length) return noFiles('unit', 'src/**/*.test.ts');
    const env = { ...process.env };
    delete env.HEARTH_TEST_ENGINE;
    delete env.HEARTH_TEST_PG_URL;
    return nodeTestStep('unit', unitFiles, env, false);
  },

  async pglite() {
    heading('pglite', `${intFiles.length} file${intFiles.length === 1 ? '' : 's'}`);
    if (!intFiles.length) return noFiles('pglite', '{src,test}/**/*.int.test.ts');
    return nodeTestStep('pglite', intFiles, engineEnv('pglite'), true);
  },

  async postgres() {
    heading('postgres', `${intFiles.length} file${intFiles.length === 1 ? '' : 's'}`);
    const bindir = findPostgresBinaries();
    if (!bindir) {
      return skip('postgres', 'PostgreSQL server binaries not found (apt-get install postgresql)');
    }
    if (!intFiles.length) return noFiles('postgres', '{src,test}/**/*.int.test.ts');
    try {
      cluster = await startPostgresCluster({ handleSignals: false });
    } catch (error) {
      console.error(`Could not start PostgreSQL: ${(error as Error).message}`);
      return result('postgres', { status: 'failed', failed: 1, note: 'could not start PostgreSQL' });
    }
    console.log(`PostgreSQL (${bindir}) listening on port ${cluster.port}\n`);
    try {
      if (interrupted) return result('postgres', { status: 'not run', note: 'interrupted' });
      return await nodeTestStep(
        'postgres',
        intFiles,
        engineEnv('postgres', { HEARTH_TEST_PG_URL: cluster.adminUrl }),
        true,
      );
    } finally {
      await cluster.stop();
      cluster = undefined;
    }
  },

  async e2e() {
    heading('e2e', `${e2eFiles.length} file${e2eFiles.length === 1 ? '' : 's'}`);
    if (!existsSync(chromiumPath)) {
      return skip(
        'e2e',
        `Chromium not found at ${chromiumPath} (apt-get install chromium)`,
      );
    }
    if (!e2eFiles.length) return noFiles('e2e', 'test/e2e/**/*.e2e.test.ts');
    return nodeTestStep('e2e', e2eFiles, engineEnv('pglite', { CHROMIUM_PATH: chromiumPath }), true);
  },
};

// ---------------------------------------------------------------------------
// Main

function pad(text: string | number, width: number, right = false): string {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

async function main(): Promise<number> {
  const started = Date.now();
  console.log(
    `Hearth tests — TZ=${process.env.TZ}${strict ? ', strict mode (nothing may be skipped)' : ''}` +
      `${only.size ? `, only: ${[...only].join(', ')}` : ''}` +
      `${filters.length ? `, files matching: ${filters.join(', ')}` : ''}`,
  );

  const results: StepResult[] = [];
  for (const name of STEP_NAMES) {
    if (only.size && !only.has(name)) continue;
    if (interrupted) {
      results.push(result(name, { status: 'not run', note: 'interrupted' }));
      continue;
    }
    const t0 = Date.now();
    let r: StepResult;
    try {
      r = await steps[name]();
    } catch (error) {
      console.error(error);
      r = result(name, { status: 'failed', failed: 1, note: `runner error: ${(error as Error).message}` });
    }
    r.seconds = (Date.now() - t0) / 1000;
    results.push(r);
  }

  // Summary
  const width = Math.max(...results.map((r) => TITLES[r.name].length), 4);
  console.log(`\n=== Summary ===\n`);
  console.log(
    `${pad('Step', width)}  ${pad('Result', 7)}  ${pad('Passed', 6, true)}  ${pad('Failed', 6, true)}  ${pad('Skipped', 7, true)}  ${pad('Time', 7, true)}  Note`,
  );
  for (const r of results) {
    console.log(
      `${pad(TITLES[r.name], width)}  ${pad(r.status, 7)}  ${pad(r.passed, 6, true)}  ${pad(r.failed, 6, true)}  ${pad(r.skipped, 7, true)}  ${pad(`${r.seconds.toFixed(1)}s`, 7, true)}  ${r.note}`,
    );
  }
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) {
    total.passed += r.passed;
    total.failed += r.failed;
    total.skipped += r.skipped;
  }
  console.log(`\nTotal time ${((Date.now() - started) / 1000).toFixed(1)}s`);

  let exitCode = results.some((r) => r.status === 'failed') ? 1 : 0;

  if (strict) {
    const problems: string[] = [];
    for (const r of results) {
      if (r.status === 'skipped') problems.push(`${TITLES[r.name]}: the whole step was skipped — ${r.note}`);
      else if (r.skipped > 0) {
        problems.push(`${TITLES[r.name]}: ${r.skipped} test${r.skipped === 1 ? '' : 's'} skipped or todo`);
        for (const t of r.skippedTests) problems.push(`    - ${t}`);
      }
    }
    if (problems.length) {
      const why = process.env.CI === 'true' ? 'CI=true' : 'HEARTH_REQUIRE_ALL=1';
      console.log(`\nSTRICT MODE FAILURE (${why}): everything must run, but some tests were skipped:`);
      for (const p of problems) console.log(`  ${p}`);
      exitCode = 1;
    }
  }

  if (interrupted) {
    console.log(`\nInterrupted by ${interrupted}.`);
    exitCode = interrupted === 'SIGINT' ? 130 : interrupted === 'SIGHUP' ? 129 : 143;
  }

  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error);
    await cluster?.stop().catch(() => {});
    console.log('0 passed, 1 failed, 0 skipped');
    process.exit(1);
  },
);
