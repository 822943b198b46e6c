/**
 * The server under test, in its own process (forked by bench/http-pages.ts with an IPC channel).
 *
 * It does what `hearth serve --demo` does: opens the database named in HEARTH_BENCH_DATABASE (a
 * JSON DatabaseConfig), migrates, loads the demo authority, builds the app with `createApp` and
 * the system clock, and listens on 127.0.0.1 on a free port. Then it tells the parent:
 *
 *   -> { type: 'ready', port, engine, children: [{ id, name, records }], setupMs }
 *
 * and answers the parent's questions about its own CPU use over a measured window:
 *
 *   <- { type: 'mark' }      -> { type: 'marked' }
 *   <- { type: 'measure' }   -> { type: 'measured', cpuPercent, eventLoopUtilisation, rssMb }
 *   <- { type: 'idle' }      -> { type: 'idle', waitedMs } once the event loop has been quiet for
 *                               200 ms: autocannon ends a run with requests still queued, and
 *                               those must not be charged to the next route
 *   <- { type: 'recompute' } -> { type: 'recomputed', ms, written, rssMb } after recomputing every
 *                               child's obligations as a change of a local norm does (live, in chunks)
 *   <- { type: 'memory' }    -> { type: 'memory', rssMb, heapMb } after a full garbage collection
 *   <- { type: 'stop' }      waits until idle, closes the app and the database, and exits 0
 *
 * If the parent goes away (the IPC channel closes) the server stops by itself.
 */
import { performance } from 'node:perf_hooks';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { loadDemoAuthority, isEmpty } from '../src/cli/demo-authority.js';
import { type DatabaseConfig, loadConfig } from '../src/config/config.js';
import { migrate } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { createApp } from '../src/web/app.js';
import { systemClock } from '../src/web/clock.js';

export interface ServerReady {
  type: 'ready';
  port: number;
  engine: string;
  /** Demo children, the largest record first: the candidates for the child's page. */
  children: { id: string; name: string; records: number }[];
  /** The demo social worker's caseload and open items, and their team's open items (what the worktrays list). */
  caseload?: { worker: number; workerItems: number; teamItems: number };
  setupMs: number;
}

export interface ServerMeasured {
  type: 'measured';
  /** Server process CPU (user + system) over the window, as a percentage of one core. */
  cpuPercent: number;
  /** Share of the window the event loop was busy (0..1). */
  eventLoopUtilisation: number;
  rssMb: number;
}

export type ServerMessage =
  | ServerReady
  | ServerMeasured
  | { type: 'marked' }
  | { type: 'idle'; waitedMs: number }
  | { type: 'recomputed'; ms: number; written: number | null; failed: string | null }
  | { type: 'memory'; rssMb: number; heapMb: number }
  | { type: 'failed'; message: string };
export type ParentMessage = { type: 'mark' } | { type: 'measure' } | { type: 'idle' } | { type: 'recompute' } | { type: 'memory' } | { type: 'stop' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once the event loop has been under 5% busy for two 100 ms windows in a row (at most
 * 30 s): requests the load generator abandoned at the end of a run are still being served until then.
 */
async function quiet(): Promise<number> {
  const started = performance.now();
  let calm = 0;
  while (calm < 2 && performance.now() - started < 30_000) {
    const before = performance.eventLoopUtilization();
    await sleep(100);
    calm = performance.eventLoopUtilization(before).utilization < 0.05 ? calm + 1 : 0;
  }
  return performance.now() - started;
}

const log = (message: string) => process.stderr.write(`  [server ${process.pid}] ${message}\n`);

function send(message: ServerMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('bench/server.ts is started by bench/run.ts (it needs an IPC channel)');
  const raw = process.env.HEARTH_BENCH_DATABASE;
  if (!raw) throw new Error('HEARTH_BENCH_DATABASE is not set');
  const database = JSON.parse(raw) as DatabaseConfig;
  // Production settings: templates cached, HSTS, secure cookies (the bench reads Set-Cookie by hand,
  // so Secure over plain HTTP does not matter). Request logging stays off: pino writing every
  // request to a pipe the parent drains would measure the pipe, and the same cost lands on the floor.
  const config = loadConfig({}, { env: 'production', database, host: '127.0.0.1', port: 0 });
  const started = performance.now();

  log(`opening ${database.engine === 'pglite' ? `PGlite in ${database.dataDir}` : 'PostgreSQL'}...`);
  const db = await openDatabase(config.database);
  let closing: Promise<void> | null = null;
  let app: Awaited<ReturnType<typeof createApp>>['app'] | null = null;
  const stop = (code: number) =>
    (closing ??= (async () => {
      try {
        if (app) await quiet();
        await app?.close();
      } finally {
        await db.close();
        process.exit(code);
      }
    })());
  process.once('SIGINT', () => void stop(130));
  process.once('SIGTERM', () => void stop(143));
  process.once('disconnect', () => void stop(0));

  try {
    log('migrating...');
    await migrate(db);
    if (await isEmpty(db)) {
      // The size of the synthetic authority (bench/http-pages.ts passes BENCH_PAGES_SCALE); 0 = the demo's handful only.
      const scale = Number(process.env.HEARTH_BENCH_SCALE ?? '0');
      log(`loading the demo authority at scale ${scale}...`);
      await loadDemoAuthority(db, config, systemClock.now(), { scale, seed: 1, years: 5 });
    }
    const built = await createApp({ config, db, clock: systemClock, sealAuditEveryMs: 1000 });
    app = built.app;
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');

    // The child's page is only as heavy as the child's record: the largest records among the demo
    // social worker's own children (access is by allocation; the front door sees only its open work).
    const children = await db.query<{ id: string; name: string; records: number }>(`
      select p.id, p.given_name || ' ' || p.family_name as name,
             ((select count(*) from contacts c where c.person_id = p.id)
            + (select count(*) from cin_episodes e where e.person_id = p.id)
            + (select count(*) from allocations a where a.person_id = p.id)
            + (select count(*) from assessments a where a.person_id = p.id)
            + (select count(*) from visits v where v.person_id = p.id)
            + (select count(*) from core_groups g where g.person_id = p.id)
            + (select count(*) from placements l where l.person_id = p.id)
            + (select count(*) from relationships r where r.person_id = p.id))::int as records
        from people p
       where p.id in (select a.person_id from allocations a join users u on u.id = a.worker_id
                       where u.username = 'social.worker' and a.end_date is null)
       order by records desc, p.family_name, p.given_name
       limit 5`);

    const [caseload] = await db.query<{ worker: number; worker_items: number; team_items: number }>(`
      with w as (select id, team_id from users where username = 'social.worker')
      select (select count(*)::int from allocations a, w where a.worker_id = w.id and a.end_date is null and a.role = 'CW') as worker,
             (select count(*)::int from obligations o join allocations a on a.person_id = o.person_id, w
               where a.worker_id = w.id and a.end_date is null and a.role = 'CW' and o.met_on is null and o.lapsed_on is null) as worker_items,
             (select count(*)::int from obligations o join allocations a on a.person_id = o.person_id, w
               where a.team_id = w.team_id and a.end_date is null and a.role = 'CW' and o.met_on is null and o.lapsed_on is null) as team_items`);

    let mark: { cpu: NodeJS.CpuUsage; elu: EventLoopUtilization; at: number } | null = null;
    process.on('message', (message: ParentMessage) => {
      if (message.type === 'mark') {
        mark = { cpu: process.cpuUsage(), elu: performance.eventLoopUtilization(), at: performance.now() };
        send({ type: 'marked' });
      } else if (message.type === 'measure') {
        const from = mark ?? { cpu: process.cpuUsage(), elu: performance.eventLoopUtilization(), at: performance.now() };
        const cpu = process.cpuUsage(from.cpu);
        const wallMs = performance.now() - from.at;
        send({
          type: 'measured',
          cpuPercent: wallMs > 0 ? ((cpu.user + cpu.system) / 1000 / wallMs) * 100 : 0,
          eventLoopUtilisation: performance.eventLoopUtilization(from.elu).utilization,
          rssMb: process.memoryUsage().rss / 1_048_576,
        });
      } else if (message.type === 'idle') {
        void quiet().then((waitedMs) => send({ type: 'idle', waitedMs }));
      } else if (message.type === 'recompute') {
        const t0 = performance.now();
        // A real change: child protection visits every 9 working days instead of 10 (or back), as an administrator saves it.
        const change = async () => {
          const [admin] = await db.query<{ id: string }>("select u.id from users u join user_roles r on r.user_id = u.id where r.role = 'administrator' and u.active limit 1");
          const principal = await built.services.access.loadPrincipal(admin!.id);
          const current = await built.services.settings.get('obligations.local-norms');
          const norms = await built.services.settings.localNorms();
          const { recomputation } = await built.services.admin.setLocalNorms(principal!, { ...norms, cpVisitWorkingDays: norms.cpVisitWorkingDays === 10 ? 9 : 10 }, current.version);
          await recomputation;
        };
        void change().then(async () => {
          const status = built.services.admin.status();
          send({ type: 'recomputed', ms: performance.now() - t0, written: status.written, failed: status.error });
        });
      } else if (message.type === 'memory') {
        (globalThis as { gc?: () => void }).gc?.();
        const m = process.memoryUsage();
        send({ type: 'memory', rssMb: m.rss / 1_048_576, heapMb: m.heapUsed / 1_048_576 });
      } else if (message.type === 'stop') {
        void stop(0);
      }
    });

    send({ type: 'ready', port: address.port, engine: db.engine, children, caseload: caseload ? { worker: caseload.worker, workerItems: caseload.worker_items, teamItems: caseload.team_items } : undefined, setupMs: performance.now() - started });
  } catch (error) {
    const e = error as Error & { cause?: unknown };
    const cause = e.cause instanceof Error ? ` (${e.cause.message})` : '';
    send({ type: 'failed', message: `${e.message.split('\n')[0]}${cause}` });
    await stop(1);
  }
}

main().catch((error: unknown) => {
  log(`failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
