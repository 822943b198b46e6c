/**
 * Suite "http-pages": throughput and p99 latency of the sign-in page, the front-door worktray and
 * a child's page under 20 concurrent connections, each as a ratio to the empty GOV.UK layout page
 * (`/empty`) served by the same server in the same run, on each engine.
 *
 * Where things run, and why. The machines have two cores. The server runs in a child process
 * (bench/server.ts) and autocannon in this one:
 *   - autocannon in the server's process would share its event loop: every response parsed and
 *     every request written by the load generator would be time the server could not spend
 *     serving, and the server would look slower the faster it is;
 *   - in separate processes the kernel can put the server on one core and the load generator on
 *     the other, which is also how it is deployed (clients are elsewhere).
 * It is not a free lunch: autocannon still takes CPU on the same machine, and with PostgreSQL the
 * database's backends compete for the same two cores as well. So each row also reports the CPU
 * used by the server process, by PostgreSQL's processes and by the load generator over the
 * measured window, and the machine's busy time left over ("others": anything else running on the
 * machine at the time). A row whose total is near 200% was bounded by the machine, not by Hearth.
 * The ratio to /empty is what to quote; the absolute numbers belong to this machine. The floor is
 * measured first and last, and the gap between the two is printed as a check on steadiness.
 *
 * Every run is bounded (autocannon stops after BENCH_SECONDS; a watchdog stops it if it does
 * not), and all traffic goes to 127.0.0.1.
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../src/cli/demo-authority.js';
import type { BenchDatabase, BenchEngine, EngineProvider } from './engines.js';
import type { ParentMessage, ServerMessage, ServerReady } from './server.js';
import type { BenchContext, Column, Section, Suite, SuiteReport } from './suite.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const CONNECTIONS = 20;
const USERNAME = 'mash.worker';
/** The case worktrays are measured as the demo's social worker (My worktray) and their team manager (/team). */
const WORKER_USERNAME = 'social.worker';
const MANAGER_USERNAME = 'team.manager';
/**
 * The size of the synthetic authority the server loads (BENCH_PAGES_SCALE, default 1 = a London
 * borough); 0 = the demo's handful of front-door children only.
 */
const SCALE = pagesScale();
/** Loading the authority takes minutes at scale 1 (longer on PGlite): the wait grows with the scale. */
const SERVER_READY_TIMEOUT_MS = 240_000 + SCALE * 3_600_000;

function pagesScale(): number {
  const raw = process.env.BENCH_PAGES_SCALE;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 10) throw new Error(`BENCH_PAGES_SCALE must be a number from 0 to 10, not "${raw}"`);
  return n;
}

interface RouteSpec {
  key: string;
  label: string;
  path: string;
  signedIn: boolean;
  /** Whose session (default the MASH worker's). */
  as?: string;
  /** Text the page must contain (checked once before the load), so we measure the real page. */
  expect: string;
  /** Part of the issue's figures, or extra context. */
  extra?: boolean;
}

interface RunFigures {
  requestsPerSecond: number;
  p99Ms: number;
  p50Ms: number;
  meanMs: number;
  total2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  serverCpuPercent: number | null;
  serverEventLoop: number | null;
  databaseCpuPercent: number | null;
  loadGeneratorCpuPercent: number;
  /** Busy time on the whole machine not accounted for by the server, PostgreSQL or autocannon. */
  otherCpuPercent: number | null;
  serverRssMb: number | null;
  raw: unknown;
}

const COLUMNS: Column[] = [
  { key: 'route', label: 'route' },
  { key: 'rps', label: 'req/s', digits: 0 },
  { key: 'p99', label: 'p99 ms', digits: 1 },
  { key: 'rpsRatio', label: 'req/s ÷ empty', digits: 2 },
  { key: 'p99Ratio', label: 'p99 ÷ empty', digits: 2 },
  { key: 'mean', label: 'mean ms', digits: 1 },
  { key: 'serverCpu', label: 'CPU% server', digits: 0 },
  { key: 'dbCpu', label: 'CPU% postgres', digits: 0 },
  { key: 'loadCpu', label: 'CPU% autocannon', digits: 0 },
  { key: 'otherCpu', label: 'CPU% others', digits: 0 },
  { key: 'status', label: 'valid' },
];

export const httpPages: Suite = {
  name: 'http-pages',
  description: `sign-in page, front-door worktray, My worktray, the team worktray and a child's page under ${CONNECTIONS} connections, as ratios to /empty, on each engine (BENCH_PAGES_SCALE, default 1)`,
  async run(ctx: BenchContext): Promise<SuiteReport> {
    const sections: Section[] = [];
    for (const engine of ctx.engines) sections.push(await measureEngine(ctx, engine));
    return { suite: 'http-pages', sections };
  },
};

async function measureEngine(ctx: BenchContext, engine: BenchEngine): Promise<Section> {
  const title = `HTTP pages on ${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}, ${CONNECTIONS} connections, ${ctx.seconds} s per route`;
  ctx.log(`== http-pages on ${engine}`);
  const opened = await ctx.databases.open(engine, 'http');
  if (!opened.ok) {
    ctx.log(`${engine}: not measured: ${opened.reason}`);
    return { title, engine, measured: false, notMeasured: opened.reason, columns: COLUMNS, rows: [], notes: [] };
  }
  const database = opened.db;
  ctx.log(`${engine}: ${database.version}, ${database.where}`);
  let server: ServerProcess | null = null;
  try {
    server = await startServer(database, ctx.log);
    const base = `http://127.0.0.1:${server.ready.port}`;
    ctx.log(`${engine}: server pid ${server.pid} listening on ${base} (setup ${(server.ready.setupMs / 1000).toFixed(1)} s: open, migrate, demo authority)`);
    const cookie = await signIn(base);
    const cookies: Record<string, string> = { [USERNAME]: cookie, [WORKER_USERNAME]: await signIn(base, WORKER_USERNAME), [MANAGER_USERNAME]: await signIn(base, MANAGER_USERNAME) };
    const cookieFor = (route: RouteSpec) => cookies[route.as ?? USERNAME]!;
    ctx.log(`${engine}: signed in as ${USERNAME}, ${WORKER_USERNAME} and ${MANAGER_USERNAME} (authority at scale ${SCALE})`);
    const child = await pickChild(base, cookies[WORKER_USERNAME]!, server.ready.children);
    ctx.log(`${engine}: the child's page is ${child.name}'s (${child.records} records: contacts, ratings, episodes, allocations)`);

    const floorRoute: RouteSpec = { key: 'empty', label: '/empty (floor)', path: '/empty', signedIn: false, expect: 'Empty page' };
    const routes: RouteSpec[] = [
      floorRoute,
      { key: 'empty-signed-in', label: '/empty signed in', path: '/empty', signedIn: true, expect: 'Empty page', extra: true },
      { key: 'sign-in', label: '/sign-in', path: '/sign-in', signedIn: false, expect: 'Sign in to Hearth' },
      { key: 'front-door', label: '/front-door (worktray)', path: '/front-door', signedIn: true, expect: 'Front door' },
      { key: 'child', label: "/children/:id (child's page)", path: `/children/${child.id}`, signedIn: true, as: WORKER_USERNAME, expect: child.name },
      { key: 'my-worktray', label: `/ (My worktray, ${WORKER_USERNAME})`, path: '/', signedIn: true, as: WORKER_USERNAME, expect: 'My worktray' },
      { key: 'team', label: `/team (team worktray, ${MANAGER_USERNAME})`, path: '/team', signedIn: true, as: MANAGER_USERNAME, expect: 'Team worktray' },
    ];
    for (const route of routes) await checkPage(base, route, cookieFor(route));

    // The floor is measured first and again last: its mean is the denominator, and the gap
    // between the two says how steady the machine was while the pages were measured.
    const schedule: { route: RouteSpec; key: string }[] = [
      { route: floorRoute, key: 'empty-before' },
      ...routes.slice(1).map((route) => ({ route, key: route.key })),
      { route: floorRoute, key: 'empty-after' },
    ];
    const figures = new Map<string, RunFigures>();
    for (const { route, key } of schedule) {
      const headers = route.signedIn ? { cookie: cookieFor(route) } : undefined;
      const label = key === 'empty-after' ? `${route.label} again` : route.label;
      ctx.log(`${engine}: ${label}: warm-up ${ctx.warmupSeconds} s...`);
      await load(base + route.path, headers, ctx.warmupSeconds);
      await drain(server, ctx.log);
      ctx.log(`${engine}: ${label}: measuring ${ctx.seconds} s with ${CONNECTIONS} connections...`);
      const f = await measure(server, ctx.databases, engine, base + route.path, headers, ctx.seconds);
      figures.set(key, f);
      ctx.log(
        `${engine}: ${label}: ${f.requestsPerSecond.toFixed(0)} req/s, p99 ${f.p99Ms} ms, non-2xx ${f.non2xx}, errors ${f.errors}` +
          ` (CPU: server ${pct(f.serverCpuPercent)}, autocannon ${pct(f.loadGeneratorCpuPercent)}` +
          `${f.databaseCpuPercent !== null ? `, postgres ${pct(f.databaseCpuPercent)}` : ''}, other work on the machine ${pct(f.otherCpuPercent)})`,
      );
      await drain(server, ctx.log);
    }

    // Memory once loaded and warmed by every page, after a full collection.
    const memory = (await server.ask({ type: 'memory' }, 'memory')) as Extract<ServerMessage, { type: 'memory' }>;
    ctx.log(`${engine}: server resident memory after load ${memory.rssMb.toFixed(0)} MB (JS heap ${memory.heapMb.toFixed(0)} MB)`);
    // A change of a local norm while people work: every child recomputed, and how long a request waits meanwhile.
    ctx.log(`${engine}: recomputing every child's obligations (a settings change) while a probe requests /empty signed in...`);
    const recompute = await recomputeWithProbe(server, base + '/empty', cookieFor({ key: '', label: '', path: '', signedIn: true, expect: '' }));
    ctx.log(`${engine}: recomputed in ${(recompute.ms / 1000).toFixed(1)} s; probe: ${recompute.probe.count} requests, p99 ${recompute.probe.p99.toFixed(0)} ms, longest ${recompute.probe.max.toFixed(0)} ms`);

    const before = figures.get('empty-before')!;
    const after = figures.get('empty-after')!;
    const floor = meanOf(before, after);
    figures.set('empty', floor);
    const floorValid = isValid(floor);
    const notes: string[] = [];
    const rows = routes.map((route) => {
      const f = figures.get(route.key)!;
      const valid = isValid(f);
      if (!valid) {
        notes.push(`INVALID: ${route.label} had ${f.non2xx} non-2xx responses, ${f.errors} errors and ${f.timeouts} timeouts (${f.total2xx} 2xx): its figures are not a measurement of the page.`);
      }
      const ratiosValid = valid && floorValid;
      return {
        route: route.label,
        rps: f.requestsPerSecond,
        p99: f.p99Ms,
        rpsRatio: ratiosValid ? f.requestsPerSecond / floor.requestsPerSecond : null,
        p99Ratio: ratiosValid && floor.p99Ms > 0 ? f.p99Ms / floor.p99Ms : null,
        mean: f.meanMs,
        serverCpu: f.serverCpuPercent,
        dbCpu: f.databaseCpuPercent,
        loadCpu: f.loadGeneratorCpuPercent,
        otherCpu: f.otherCpuPercent,
        status: valid ? 'yes' : 'INVALID',
      };
    });
    if (!floorValid) notes.push('INVALID: the floor (/empty) itself had failures, so no ratio in this table is valid.');
    const drift = (after.requestsPerSecond - before.requestsPerSecond) / before.requestsPerSecond;
    notes.push(
      `Floor: the mean of /empty measured first (${before.requestsPerSecond.toFixed(0)} req/s, p99 ${before.p99Ms} ms) and last (${after.requestsPerSecond.toFixed(0)} req/s, p99 ${after.p99Ms} ms): ` +
        `${Math.abs(drift) <= 0.1 ? `steady (${signedPercent(drift)})` : `it moved ${signedPercent(drift)} during the run, so the machine was not steady and the ratios carry that much doubt`}.`,
    );
    const busiest = Math.max(...[...figures.values()].map((f) => f.otherCpuPercent ?? 0));
    if (busiest > 20) {
      notes.push(`WARNING: other work on this machine used up to ${busiest.toFixed(0)}% of a core during the measured windows (see "CPU% others"): the absolute figures are low by that much; the ratios hold only as far as that load was even.`);
    }
    notes.push(
      `Server resident memory after load and every page: ${memory.rssMb.toFixed(0)} MB (JS heap ${memory.heapMb.toFixed(0)} MB after a full collection).`,
      `A settings change (every child's obligations recomputed live, in chunks): ${(recompute.ms / 1000).toFixed(1)} s${recompute.failed ? ` (FAILED: ${recompute.failed})` : ''}; a probe requesting /empty signed in, one request at a time, got ${recompute.probe.count} answers meanwhile, p99 ${recompute.probe.p99.toFixed(0)} ms, longest ${recompute.probe.max.toFixed(0)} ms.`,
    );
    notes.push(
      `"/empty signed in" is extra context, not one of the issue's figures: the same empty page with the session cookie. Its gap to the floor is what every signed-in page pays before its own work: resuming the session and the user's access, from the signed-in cache (no query unless something changed).`,
      `CPU columns: percent of one core over each measured window, ${os.cpus().length} cores in all; ${engine === 'pglite' ? "PGlite runs inside the server process, so the server's CPU includes the database" : 'PostgreSQL is its own processes (postmaster and backends)'}; "others" is the machine's busy time not used by the server, the database or autocannon.`,
      `Child's page: ${child.name}, the largest record among ${WORKER_USERNAME}'s children (${child.records} rows of contacts, episodes, allocations, assessments, visits, core groups, placements and relationships), viewed as ${WORKER_USERNAME}. Every view of it is a transaction that also writes its audit row (sealed into the chain after commit).`,
      `Synthetic authority at scale ${SCALE} (BENCH_PAGES_SCALE), loaded by the server before it listened: open, migrate, load, demo users, every child's obligations took ${(server.ready.setupMs / 1000).toFixed(0)} s. My worktray is ${WORKER_USERNAME}'s (${server.ready.caseload?.worker ?? '?'} children, ${server.ready.caseload?.workerItems ?? '?'} open items); the team worktray is ${MANAGER_USERNAME}'s (${server.ready.caseload?.teamItems ?? '?'} open items in the team).`,
    );
    return {
      title,
      engine,
      measured: true,
      columns: COLUMNS,
      rows,
      notes,
      detail: {
        database: { version: database.version, where: database.where },
        connections: CONNECTIONS,
        seconds: ctx.seconds,
        warmupSeconds: ctx.warmupSeconds,
        user: USERNAME,
        scale: SCALE,
        caseload: server.ready.caseload ?? null,
        child,
        serverSetupMs: server.ready.setupMs,
        memory,
        recompute,
        runs: Object.fromEntries(figures),
      },
    };
  } catch (error) {
    const reason = `the run failed: ${(error as Error).message}`;
    ctx.log(`${engine}: ${reason}`);
    return { title, engine, measured: false, failed: true, notMeasured: reason, columns: COLUMNS, rows: [], notes: [] };
  } finally {
    if (server) {
      ctx.log(`${engine}: stopping the server...`);
      await server.stop();
    }
    await database.dispose();
  }
}

/** Asks the server to recompute every child while one client requests `url` back to back; the client's latencies say how long a request waited. */
async function recomputeWithProbe(server: ServerProcess, url: string, cookie: string) {
  let done = false;
  const latencies: number[] = [];
  const probe = (async () => {
    while (!done) {
      const t0 = performance.now();
      const response = await fetch(url, { headers: { cookie } });
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const answer = (await server.ask({ type: 'recompute' }, 'recomputed', 3_600_000)) as Extract<ServerMessage, { type: 'recomputed' }>;
  done = true;
  await probe;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { ms: answer.ms, written: answer.written, failed: answer.failed, probe: { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 } };
}

const pct = (n: number | null) => (n === null ? '?' : `${n.toFixed(0)}%`);
const signedPercent = (r: number) => `${r >= 0 ? '+' : ''}${(r * 100).toFixed(0)}%`;

/** The floor's two runs as one: means of the rates, latencies and CPU; failures added up. */
function meanOf(a: RunFigures, b: RunFigures): RunFigures {
  const m = (x: number | null, y: number | null) => (x === null || y === null ? null : (x + y) / 2);
  return {
    requestsPerSecond: (a.requestsPerSecond + b.requestsPerSecond) / 2,
    p99Ms: (a.p99Ms + b.p99Ms) / 2,
    p50Ms: (a.p50Ms + b.p50Ms) / 2,
    meanMs: (a.meanMs + b.meanMs) / 2,
    total2xx: a.total2xx + b.total2xx,
    non2xx: a.non2xx + b.non2xx,
    errors: a.errors + b.errors,
    timeouts: a.timeouts + b.timeouts,
    serverCpuPercent: m(a.serverCpuPercent, b.serverCpuPercent),
    serverEventLoop: m(a.serverEventLoop, b.serverEventLoop),
    databaseCpuPercent: m(a.databaseCpuPercent, b.databaseCpuPercent),
    loadGeneratorCpuPercent: (a.loadGeneratorCpuPercent + b.loadGeneratorCpuPercent) / 2,
    otherCpuPercent: m(a.otherCpuPercent, b.otherCpuPercent),
    serverRssMb: m(a.serverRssMb, b.serverRssMb),
    raw: { meanOf: ['empty-before', 'empty-after'] },
  };
}

async function drain(server: ServerProcess, log: (m: string) => void): Promise<void> {
  const answer = (await server.ask({ type: 'idle' }, 'idle', 40_000)) as Extract<ServerMessage, { type: 'idle' }>;
  if (answer.waitedMs > 1_000) log(`  (the server took ${(answer.waitedMs / 1000).toFixed(1)} s to finish requests left over from the last run)`);
}

function isValid(f: RunFigures): boolean {
  return f.non2xx === 0 && f.errors === 0 && f.timeouts === 0 && f.total2xx > 0;
}

// ---------------------------------------------------------------------------------------------
// The server process

interface ServerProcess {
  pid: number;
  ready: ServerReady;
  ask(message: ParentMessage, answer: ServerMessage['type'], timeoutMs?: number): Promise<ServerMessage>;
  stop(): Promise<void>;
}

/** Live server processes, so that an interrupted run can kill them (see bench/run.ts). */
export const liveServers = new Set<ChildProcess>();

function startServer(database: BenchDatabase, log: (m: string) => void): Promise<ServerProcess> {
  const child = fork(path.join(HERE, 'server.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, HEARTH_BENCH_DATABASE: JSON.stringify(database.database), HEARTH_BENCH_SCALE: String(SCALE), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  liveServers.add(child);
  child.stdout?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      liveServers.delete(child);
      if (code !== 0 && code !== null) log(`server pid ${child.pid} exited with code ${code}`);
      if (signal) log(`server pid ${child.pid} ended by ${signal}`);
      resolve();
    }),
  );

  async function stop(): Promise<void> {
    if (exited) return;
    child.send({ type: 'stop' } satisfies ParentMessage);
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exitedPromise;
    clearTimeout(timer);
  }

  function ask(message: ParentMessage, answer: ServerMessage['type'], timeoutMs = 10_000): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`the server did not answer "${message.type}" within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const onMessage = (m: ServerMessage) => {
        if (m.type !== answer) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m);
      };
      child.on('message', onMessage);
      child.send(message);
    });
  }

  return new Promise((resolve, reject) => {
    let failure: Error | null = null;
    let kill: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server was not ready within ${SERVER_READY_TIMEOUT_MS / 1000} s`));
    }, SERVER_READY_TIMEOUT_MS);
    const onMessage = (m: ServerMessage) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve({ pid: child.pid!, ready: m, ask, stop });
      } else if (m.type === 'failed') {
        clearTimeout(timer);
        child.off('message', onMessage);
        // It closes its database and exits; the caller deletes the data directory only after that.
        failure = new Error(`the server failed to start: ${m.message.split('\n')[0]}`);
        kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
      }
    };
    child.on('message', onMessage);
    void exitedPromise.then(() => {
      clearTimeout(timer);
      clearTimeout(kill);
      reject(failure ?? new Error('the server process exited before it was ready'));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Signing in and picking the child

function cookiePair(response: Response, name: string): string {
  const header = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!header) throw new Error(`no ${name} cookie in the response to ${response.url}`);
  return header.split(';')[0]!;
}

/** Sign in as a demo user (the MASH worker by default) the way a browser does: the pre-session CSRF cookie and hidden field. */
async function signIn(base: string, username: string = USERNAME): Promise<string> {
  const page = await fetch(`${base}/sign-in`);
  if (page.status !== 200) throw new Error(`GET /sign-in answered ${page.status}`);
  const csrfCookie = cookiePair(page, 'hearth_csrf');
  const html = await page.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!csrf) throw new Error('no _csrf field on the sign-in page');
  const response = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ _csrf: csrf, next: '/', username, password: DEMO_PASSWORD }).toString(),
  });
  if (response.status !== 303) throw new Error(`signing in as ${username} answered ${response.status}, not 303`);
  return cookiePair(response, 'hearth_session');
}

/** The largest demo record the social worker may open (a 404 means out of scope). */
async function pickChild(base: string, cookie: string, candidates: ServerReady['children']) {
  for (const c of candidates) {
    const response = await fetch(`${base}/children/${c.id}`, { headers: { cookie }, redirect: 'manual' });
    await response.arrayBuffer();
    if (response.status === 200) return c;
  }
  throw new Error(`${WORKER_USERNAME} could not open any of the ${candidates.length} largest demo records`);
}

async function checkPage(base: string, route: RouteSpec, cookie: string): Promise<void> {
  const response = await fetch(base + route.path, { headers: route.signedIn ? { cookie } : {}, redirect: 'manual' });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${route.path}${route.signedIn ? ' (signed in)' : ''} answered ${response.status}`);
  const text = html.replaceAll('&#39;', "'").replaceAll('&rsquo;', '’');
  if (!text.includes(route.expect)) throw new Error(`GET ${route.path} did not contain "${route.expect}": not the page we meant to measure`);
}

// ---------------------------------------------------------------------------------------------
// Load

function load(url: string, headers: Record<string, string> | undefined, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: headers ?? {}, timeout: 10 }, (error, result) => {
      clearTimeout(watchdog);
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(result);
    });
    // autocannon stops itself after `duration`; this only guards against it hanging.
    const watchdog = setTimeout(() => instance.stop(), (seconds + 30) * 1000);
  });
}

let clockTicks: number | null = null;
function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU ticks (user + system) of each process, read from /proc (Linux). */
function cpuTicks(pids: number[]): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // gone
    }
  }
  return ticks;
}

/** The machine's busy CPU ticks (all cores: user, nice, system, irq, softirq), from /proc/stat; null elsewhere. */
function machineBusyTicks(): number | null {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = fields;
    return user + nice + system + irq + softirq;
  } catch {
    return null;
  }
}

async function measure(
  server: ServerProcess,
  databases: EngineProvider,
  engine: BenchEngine,
  url: string,
  headers: Record<string, string> | undefined,
  seconds: number,
): Promise<RunFigures> {
  const pgBefore = engine === 'postgres' ? cpuTicks(databases.postgresPids()) : null;
  await server.ask({ type: 'mark' }, 'marked');
  const machineBefore = machineBusyTicks();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await load(url, headers, seconds);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const machineAfter = machineBusyTicks();
  const measured = (await server.ask({ type: 'measure' }, 'measured')) as Extract<ServerMessage, { type: 'measured' }>;
  let databaseCpuPercent: number | null = null;
  if (pgBefore) {
    const after = cpuTicks(databases.postgresPids());
    let delta = 0;
    for (const [pid, t] of after) delta += t - (pgBefore.get(pid) ?? 0);
    databaseCpuPercent = after.size ? (delta / ticksPerSecond() / (wallMs / 1000)) * 100 : null;
  }
  const loadGeneratorCpuPercent = ((cpu.user + cpu.system) / 1000 / wallMs) * 100;
  const machinePercent = machineBefore !== null && machineAfter !== null ? ((machineAfter - machineBefore) / ticksPerSecond() / (wallMs / 1000)) * 100 : null;
  const otherCpuPercent = machinePercent === null ? null : Math.max(0, machinePercent - measured.cpuPercent - loadGeneratorCpuPercent - (databaseCpuPercent ?? 0));
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    p50Ms: result.latency.p50,
    meanMs: result.latency.average,
    total2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCpuPercent: measured.cpuPercent,
    serverEventLoop: measured.eventLoopUtilisation,
    databaseCpuPercent,
    loadGeneratorCpuPercent,
    otherCpuPercent,
    serverRssMb: measured.rssMb,
    raw: {
      duration: result.duration,
      requests: result.requests,
      latency: result.latency,
      throughput: result.throughput,
      statusCodeStats: result.statusCodeStats,
      '1xx': result['1xx'],
      '2xx': result['2xx'],
      '3xx': result['3xx'],
      '4xx': result['4xx'],
      '5xx': result['5xx'],
    },
  };
}
