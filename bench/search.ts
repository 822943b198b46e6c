/**
 * Suite "search": finding a child (src/features/search) on a synthetic authority at scale
 * BENCH_SEARCH_SCALE (default 10, a region: about 350,000 children), on each engine.
 *
 * What is measured: the latency of one search at a time, through the search service exactly as
 * the page calls it (pending search names, a transaction, pg_trgm thresholds, the query with the
 * access predicate, the audit row), over a fixed list of misspelt names, p50 and p99. The floor is
 * a trivial indexed lookup on the same database in the same run: one child by child ID
 * (`la_child_id`, a unique b-tree), measured first and last. Ratios to the floor are the figures
 * to quote (DESIGN.md, "Performance work").
 *
 * The misspelt names: ten fixed ones (common surnames with a slip, first names in another
 * spelling) and thirty taken from the loaded children themselves (evenly spaced by child ID, each
 * with one deterministic slip: a letter dropped, two letters swapped, a vowel changed), so the
 * list is the same for the same scale and seed. For the second kind the suite also reports recall:
 * how often the child meant is among the results the performance analyst (who sees every child)
 * gets back.
 *
 * Loading is the slow part (scale 10 is about ten million rows; several minutes on PostgreSQL,
 * longer on PGlite): it runs once per engine, in this process, with progress on stderr.
 * BENCH_SEARCH_ROUNDS (default 5) is how many times the list is run for each row.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { rowsOf, type DatabaseHandle } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { normaliseName } from '../src/db/search-name.js';
import { DEFAULT_FRONT_DOOR_RECENT_DAYS, type Principal } from '../src/domain/access/index.js';
import { type PlainDate, londonDateOf } from '../src/domain/time/index.js';
import { createAccessService } from '../src/features/access/access.service.js';
import { createAuditService } from '../src/features/audit/audit.service.js';
import { searchChildrenSql, setThresholds } from '../src/features/search/search.repo.js';
import type { SearchCriteria } from '../src/features/search/search.schema.js';
import { createSearchService } from '../src/features/search/search.service.js';
import { generateAuthority } from '../src/synth/index.js';
import { loadBatches } from '../src/synth/load-authority.js';
import { systemClock } from '../src/web/clock.js';
import type { BenchEngine } from './engines.js';
import type { BenchContext, Column, Section, Suite, SuiteReport } from './suite.js';

const FIXED_NAMES = ['Jonson', 'Smyth', 'Willaims', 'Tayler', 'Mohamed Ahmad', 'Catherine', 'Olivia Braun', 'Jakub Kowalsky', 'Chukwuemka', 'Priya Sharmaa'];
const DERIVED = 30;

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return n;
}

const COLUMNS: Column[] = [
  { key: 'query', label: 'query' },
  { key: 'n', label: 'runs', digits: 0 },
  { key: 'p50', label: 'p50 ms', digits: 2 },
  { key: 'p99', label: 'p99 ms', digits: 2 },
  { key: 'p50Ratio', label: 'p50 ÷ floor', digits: 1 },
  { key: 'p99Ratio', label: 'p99 ÷ floor', digits: 1 },
  { key: 'results', label: 'mean results', digits: 1 },
  { key: 'recall', label: 'recall' },
];

export const search: Suite = {
  name: 'search',
  description: `finding a child by misspelt name at scale BENCH_SEARCH_SCALE (default 10), p50/p99 as ratios to a lookup by child ID, on each engine`,
  async run(ctx: BenchContext): Promise<SuiteReport> {
    const sections: Section[] = [];
    for (const engine of ctx.engines) sections.push(await measureEngine(ctx, engine));
    return { suite: 'search', sections };
  },
};

/** One slip in a name, chosen by `i`: a letter dropped, two letters swapped, or a vowel changed. */
export function misspell(word: string, i: number): string {
  if (word.length < 4) return word;
  const at = 1 + (i % Math.max(1, word.length - 3));
  switch (i % 3) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    default: {
      const v = word.slice(1).search(/[aeiou]/i);
      if (v < 0) return word.slice(0, at) + word.slice(at + 1);
      const pos = v + 1;
      const swap: Record<string, string> = { a: 'e', e: 'a', i: 'y', o: 'u', u: 'o', A: 'E', E: 'A', I: 'Y', O: 'U', U: 'O' };
      return word.slice(0, pos) + (swap[word[pos]!] ?? 'e') + word.slice(pos + 1);
    }
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface Timing {
  durations: number[];
  results: number[];
}

async function time(rounds: number, items: readonly (() => Promise<number>)[]): Promise<Timing> {
  const t: Timing = { durations: [], results: [] };
  for (let r = 0; r < rounds; r++) {
    for (const run of items) {
      const started = performance.now();
      const n = await run();
      t.durations.push(performance.now() - started);
      t.results.push(n);
    }
  }
  t.durations.sort((a, b) => a - b);
  return t;
}

async function measureEngine(ctx: BenchContext, engine: BenchEngine): Promise<Section> {
  const scale = positive('BENCH_SEARCH_SCALE', 10);
  const rounds = Math.round(positive('BENCH_SEARCH_ROUNDS', 5));
  const title = `Finding a child on ${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}, scale ${scale}, one search at a time`;
  ctx.log(`== search on ${engine} at scale ${scale}`);
  const opened = await ctx.databases.open(engine, 'search');
  if (!opened.ok) {
    ctx.log(`${engine}: not measured: ${opened.reason}`);
    return { title, engine, measured: false, notMeasured: opened.reason, columns: COLUMNS, rows: [], notes: [] };
  }
  const database = opened.db;
  let handle: DatabaseHandle | null = null;
  try {
    handle = await openDatabase(database.database);
    const db = handle.db;
    await migrate(handle);
    const today: PlainDate = londonDateOf(systemClock.now());
    ctx.log(`${engine}: ${database.version}; loading the synthetic authority at scale ${scale} (seed 1, 5 years to ${today})...`);
    const loadStarted = performance.now();
    let lastLog = loadStarted;
    const loaded = await loadBatches(handle, generateAuthority({ scale, seed: 1, years: 5, today }), {
      onProgress: (p) => {
        if (performance.now() - lastLog > 15_000) {
          lastLog = performance.now();
          ctx.log(`${engine}: ${p.rowsLoaded.toLocaleString('en-GB')} rows loaded (${((lastLog - loadStarted) / 1000).toFixed(0)} s)`);
        }
      },
    });
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const [counts] = await handle.query<{ people: number; children: number }>('select count(*)::int as people, count(*) filter (where is_child)::int as children from people');
    ctx.log(`${engine}: loaded ${loaded.rowsLoaded.toLocaleString('en-GB')} rows in ${loadSeconds.toFixed(0)} s: ${counts!.children.toLocaleString('en-GB')} children, ${counts!.people.toLocaleString('en-GB')} people`);

    // Who searches: someone who sees every child, a social worker (their team's children), a MASH worker (children with a contact).
    const access = createAccessService(db, { clock: systemClock });
    const pick = async (role: string, order: ReturnType<typeof sql>) => {
      const [row] = rowsOf<{ id: string }>(await db.execute(sql`select u.id from users u join user_roles r on r.user_id = u.id where r.role = ${role} and u.active ${order} limit 1`));
      if (!row) throw new Error(`the synthetic authority has no active ${role}`);
      return (await access.loadPrincipal(row.id))!;
    };
    const analyst = await pick('performance_analyst', sql`order by u.username`);
    const socialWorker = await pick('social_worker', sql`and u.team_id is not null order by (select count(*) from allocations a where a.worker_id = u.id and a.end_date is null) desc, u.id`);
    const mashWorker = await pick('mash_worker', sql`order by u.username`);

    // The list: fixed names, then children of the loaded authority with one slip each.
    const step = Math.max(1, Math.floor(counts!.children / DERIVED));
    const targets = await handle.query<{ id: string; la_child_id: string; given_name: string; family_name: string; date_of_birth: PlainDate | null; nhs_number: string | null }>(
      `select id, la_child_id, given_name, family_name, date_of_birth, nhs_number from (
         select p.*, row_number() over (order by la_child_id) as n from people p where is_child) x
        where (n - 1) % $1 = 0 order by la_child_id limit $2`,
      [step, DERIVED],
    );
    const derived = targets.map((c, i) => ({ child: c, typed: `${c.given_name} ${misspell(c.family_name, i)}` }));
    const criteria = (name: string, extra: Partial<SearchCriteria> = {}): SearchCriteria => ({ name: normaliseName(name), dateOfBirth: null, identifier: null, ...extra });
    const allNames = [...FIXED_NAMES.map((n) => criteria(n)), ...derived.map((d) => criteria(d.typed))];

    const audit = createAuditService(db, systemClock);
    const service = createSearchService({ db, audit, clock: systemClock, frontDoorRecentDays: async () => DEFAULT_FRONT_DOOR_RECENT_DAYS });
    const frontDoor = { asOf: londonDateOf(systemClock.now()), recentDays: DEFAULT_FRONT_DOOR_RECENT_DAYS };
    const searchAs = (principal: Principal, c: SearchCriteria) => async () => (await service.find(principal, c)).children.length;
    const queryOnly = (principal: Principal, c: SearchCriteria) => async () =>
      db.transaction(async (tx) => {
        await setThresholds(tx);
        return rowsOf(await tx.execute(searchChildrenSql(principal, c, 51, frontDoor))).length;
      });
    const floorIds = targets.map((t) => t.la_child_id);
    const floorItems = floorIds.map((id) => async () => rowsOf(await db.execute(sql`select id, given_name, family_name, date_of_birth from people where la_child_id = ${id}`)).length);

    // Warm-up: every query once, unmeasured.
    ctx.log(`${engine}: warming up...`);
    for (const run of [...floorItems, ...allNames.map((c) => searchAs(analyst, c))]) await run();

    const loadAtSearch = os.loadavg()[0]!;
    ctx.log(`${engine}: measuring the floor (lookup by child ID)...`);
    const floorBefore = await time(rounds * 4, floorItems);
    const rowsSpec: { key: string; label: string; items: (() => Promise<number>)[] }[] = [
      { key: 'analyst', label: 'misspelt name, performance analyst (sees every child)', items: allNames.map((c) => searchAs(analyst, c)) },
      { key: 'analyst-query', label: '  the same, query only (no audit row, no transaction work)', items: allNames.map((c) => queryOnly(analyst, c)) },
      { key: 'worker', label: 'misspelt name, social worker (own team and caseload)', items: allNames.map((c) => searchAs(socialWorker, c)) },
      { key: 'mash', label: 'misspelt name, MASH worker (children with a contact)', items: allNames.map((c) => searchAs(mashWorker, c)) },
      {
        key: 'dob',
        label: 'misspelt name and date of birth, analyst',
        items: derived.filter((d) => d.child.date_of_birth).map((d) => searchAs(analyst, criteria(d.typed, { dateOfBirth: d.child.date_of_birth! }))),
      },
      { key: 'nhs', label: 'NHS number, analyst', items: derived.filter((d) => d.child.nhs_number).map((d) => searchAs(analyst, { name: null, dateOfBirth: null, identifier: d.child.nhs_number })) },
    ];
    const timings = new Map<string, Timing>();
    for (const spec of rowsSpec) {
      ctx.log(`${engine}: ${spec.label.trim()}: ${spec.items.length} queries × ${rounds}...`);
      timings.set(spec.key, await time(rounds, spec.items));
    }
    const floorAfter = await time(rounds * 4, floorItems);
    const floor = [...floorBefore.durations, ...floorAfter.durations].sort((a, b) => a - b);
    const floorP50 = percentile(floor, 50);
    const floorP99 = percentile(floor, 99);

    // Recall: is the child meant among the analyst's results for its misspelt name?
    let hits = 0;
    for (const d of derived) {
      const { children } = await service.find(analyst, criteria(d.typed));
      if (children.some((c) => c.id === d.child.id)) hits++;
    }

    const explain = await db.transaction(async (tx) => {
      await setThresholds(tx);
      const plan = rowsOf<Record<string, string>>(await tx.execute(sql`explain (analyze, costs off, timing off) ${searchChildrenSql(analyst, criteria(derived[0]?.typed ?? 'Jonson'), 51, frontDoor)}`));
      return plan.map((r) => Object.values(r)[0]).join('\n');
    });

    const rows = [
      { query: 'lookup by child ID (floor)', n: floor.length, p50: floorP50, p99: floorP99, p50Ratio: 1, p99Ratio: 1, results: mean(floorBefore.results), recall: '' },
      ...rowsSpec.map((spec) => {
        const t = timings.get(spec.key)!;
        const p50 = percentile(t.durations, 50);
        const p99 = percentile(t.durations, 99);
        return {
          query: spec.label,
          n: t.durations.length,
          p50,
          p99,
          p50Ratio: p50 / floorP50,
          p99Ratio: p99 / floorP99,
          results: mean(t.results),
          recall: spec.key === 'analyst' ? `${hits}/${derived.length}` : '',
        };
      }),
    ];
    const drift = (percentile(floorAfter.durations, 50) - percentile(floorBefore.durations, 50)) / percentile(floorBefore.durations, 50);
    const notes = [
      `${counts!.children.toLocaleString('en-GB')} children (${counts!.people.toLocaleString('en-GB')} people, ${loaded.rowsLoaded.toLocaleString('en-GB')} rows) loaded in ${loadSeconds.toFixed(0)} s; ${database.version}.`,
      `Load average (1 min) when the searches began ${loadAtSearch.toFixed(1)} and ended ${os.loadavg()[0]!.toFixed(1)}, on ${os.cpus().length} cores.`,
      `Floor: one child by child ID, p50 ${floorP50.toFixed(3)} ms before and after the searches (p50 moved ${(drift * 100).toFixed(0)}% between the two).`,
      `Names: ${FIXED_NAMES.length} fixed (${FIXED_NAMES.join(', ')}) and ${derived.length} children's names with one slip each (for example "${derived[0]?.child.given_name} ${derived[0]?.child.family_name}" typed as "${derived[0]?.typed}"); at most 51 rows are fetched (50 shown).`,
      `Recall: the child meant was among the analyst's results for ${hits} of ${derived.length} misspelt names.`,
      `Searchers: social worker with ${socialWorker.managedTeamIds.length ? 'a management line' : 'one team'} (${socialWorker.roles.join(', ')}); MASH worker sees children with a contact (most of the synthetic authority).`,
    ];
    return {
      title,
      engine,
      measured: true,
      columns: COLUMNS,
      rows,
      notes,
      detail: { scale, rounds, loadSeconds, counts, explainFirstDerived: explain, typed: derived.map((d) => d.typed) },
    };
  } catch (error) {
    ctx.log(`${engine}: failed: ${(error as Error).stack ?? String(error)}`);
    return { title, engine, measured: false, failed: true, notMeasured: `the run failed: ${(error as Error).message}`, columns: COLUMNS, rows: [], notes: [] };
  } finally {
    await handle?.close();
    await database.dispose();
  }
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
}
