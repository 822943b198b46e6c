/**
 * `npm run bench`: runs the named benchmark suites, prints a table per section on stdout, and
 * writes everything to bench/results/<timestamp>.json. Progress goes to stderr.
 *
 *   npm run bench                          every suite, both engines
 *   npm run bench -- --only http-pages     one suite (repeat the flag or use commas for more)
 *   npm run bench -- --engine pglite       one engine
 *   npm run bench -- --list                the suites
 *
 * BENCH_SECONDS (default 10) is the length of each measured run, BENCH_WARMUP_SECONDS (default 2)
 * the warm-up before it. Figures are ratios within one run (DESIGN.md, "Performance work").
 *
 * A suite is a module exporting a `Suite` (bench/suite.ts); add it to SUITES below.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type BenchEngine, ENGINES, createEngineProvider } from './engines.js';
import { httpPages, liveServers } from './http-pages.js';
import { returns } from './returns.js';
import { search } from './search.js';
import { syntheticLoad } from './synthetic-load.js';
import { type BenchContext, type Suite, type SuiteReport, renderTable } from './suite.js';

const SUITES: Suite[] = [httpPages, syntheticLoad, search, returns];

const HERE = path.dirname(fileURLToPath(import.meta.url));
const started = Date.now();
const log = (message: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number of seconds, not "${raw}"`);
  return n;
}

function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

function git() {
  const run = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: path.resolve(HERE, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const commit = run(['rev-parse', '--short', 'HEAD']);
  const status = run(['status', '--porcelain']);
  return { commit, dirty: status === null ? null : status.length > 0 };
}

function usage(): string {
  return [
    'Usage: npm run bench -- [--only <suite>[,<suite>]] [--engine pglite|postgres] [--list]',
    '',
    'Suites:',
    ...SUITES.map((s) => `  ${s.name.padEnd(14)} ${s.description}`),
    '',
    'Environment: BENCH_SECONDS (default 10) per measured run; BENCH_WARMUP_SECONDS (default 2) warm-up before each.',
  ].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      engine: { type: 'string', multiple: true },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help || values.list) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const names = (values.only ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const unknown = names.filter((n) => !SUITES.some((s) => s.name === n));
  if (unknown.length) {
    process.stderr.write(`Unknown suite: ${unknown.join(', ')}\n\n${usage()}\n`);
    return 2;
  }
  const suites = names.length ? SUITES.filter((s) => names.includes(s.name)) : SUITES;
  const engineNames = (values.engine ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const badEngine = engineNames.filter((e) => !ENGINES.includes(e as BenchEngine));
  if (badEngine.length) {
    process.stderr.write(`Unknown engine: ${badEngine.join(', ')} (pglite or postgres)\n`);
    return 2;
  }
  const engines = engineNames.length ? ENGINES.filter((e) => engineNames.includes(e)) : ENGINES;

  const databases = createEngineProvider(log);
  // Ctrl-C: kill the server processes, delete the temporary data directories and exit; the
  // PostgreSQL cluster's own exit handler stops the cluster and deletes its directory.
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping`);
    for (const child of liveServers) child.kill('SIGKILL');
    try {
      databases.closeAllSync();
    } finally {
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const ctx: BenchContext = {
    seconds: positiveNumber('BENCH_SECONDS', 10),
    warmupSeconds: positiveNumber('BENCH_WARMUP_SECONDS', 2),
    engines,
    databases,
    log,
  };
  const m = machine();
  const startedAt = new Date();
  // Other work on a shared machine moves every absolute figure: the load average at the start and the end says how much.
  const loadAtStart = os.loadavg();
  log(`suites: ${suites.map((s) => s.name).join(', ')}; engines: ${engines.join(', ')}; ${ctx.seconds} s per run after ${ctx.warmupSeconds} s warm-up`);

  const reports: SuiteReport[] = [];
  try {
    for (const suite of suites) {
      log(`suite ${suite.name}: ${suite.description}`);
      reports.push(await suite.run(ctx));
    }
  } finally {
    await databases.closeAll();
  }
  const finishedAt = new Date();
  const loadAtEnd = os.loadavg();
  const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');

  const out: string[] = [];
  out.push('');
  out.push(
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}. ` +
      `Run ${startedAt.toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'long', timeStyle: 'short' })} (${startedAt.toISOString()}), ` +
      `${((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(0)} s.`,
    `Load average (1, 5, 15 min) at the start ${loads(loadAtStart)}, at the end ${loads(loadAtEnd)}, on ${m.cores} cores.`,
  );
  let trouble = false;
  for (const report of reports) {
    for (const section of report.sections) {
      out.push('', `${report.suite}: ${section.title}`, '');
      if (!section.measured) {
        out.push(`NOT MEASURED: ${section.notMeasured ?? 'no reason given'}.`);
        if (section.failed) trouble = true;
        continue;
      }
      out.push(renderTable(section.columns, section.rows));
      if (section.rows.some((r) => r.status === 'INVALID')) trouble = true;
      if (section.notes.length) out.push('', ...section.notes.map((n) => `  - ${n}`));
    }
  }

  const resultsDir = path.join(HERE, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const json = {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    machine: { ...m, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadAtEnd },
    git: git(),
    settings: { seconds: ctx.seconds, warmupSeconds: ctx.warmupSeconds, engines, suites: suites.map((s) => s.name), tz: process.env.TZ ?? null },
    reports,
  };
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  out.push('', `Results written to ${path.relative(process.cwd(), file)}`, '');
  process.stdout.write(out.join('\n'));
  if (trouble) process.stderr.write('Some figures are invalid or a run failed: see the notes above.\n');
  return trouble ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    for (const child of liveServers) child.kill('SIGKILL');
    process.exit(1);
  },
);
