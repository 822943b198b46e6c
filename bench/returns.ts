/**
 * Suite "returns": the work an analyst asks of the whole authority at once, on a synthetic
 * authority at scale BENCH_RETURNS_SCALE (default 1; 10 is a region), on each engine.
 *
 * What is measured, for the last complete collection year:
 * - the floor: one sequential read of the six tables the indicators and the CIN census read
 *   (count(*) of contacts, child in need episodes, assessments, section 47 enquiries, initial
 *   conferences and child protection plans), best of three;
 * - the whole indicator set (src/domain/indicators) for the year: reading its rows and computing
 *   every figure, as the indicators page does (issue 12 aims within 3x of the floor);
 * - the CIN census for the year: read, built, checked against the DfE schema and its validation
 *   rules (src/domain/returns/cin-census/rules), with the
 *   process's peak resident memory above what it held before (issue 13: seconds, under 200 MB).
 * Ratios to the floor are the figures to quote (DESIGN.md, "Performance work").
 */
import { performance } from 'node:perf_hooks';
import type { DatabaseHandle } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { INDICATORS } from '../src/domain/indicators/index.js';
import { type ReportingYear, londonDateOf, reportingYearOf, yearBounds } from '../src/domain/time/index.js';
import { loadIndicatorChildren } from '../src/features/indicators/indicator-records.js';
import { produceCinCensus } from '../src/features/returns/cin-census.js';
import { generateAuthority } from '../src/synth/index.js';
import { loadBatches } from '../src/synth/load-authority.js';
import { systemClock } from '../src/web/clock.js';
import type { BenchEngine } from './engines.js';
import type { BenchContext, Column, Section, Suite, SuiteReport } from './suite.js';

const COLUMNS: Column[] = [
  { key: 'work', label: 'work', align: 'left' },
  { key: 'ms', label: 'ms', digits: 0 },
  { key: 'ratio', label: '÷ floor', digits: 1 },
  { key: 'peakMb', label: 'peak RSS above start, MB', digits: 0 },
  { key: 'size', label: 'size', align: 'left' },
];

const TABLES = ['contacts', 'cin_episodes', 'assessments', 's47_enquiries', 'initial_cp_conferences', 'cp_plans'];

function scaleFromEnv(): number {
  const raw = process.env.BENCH_RETURNS_SCALE;
  const n = raw ? Number(raw) : 1;
  if (!Number.isFinite(n) || n <= 0) throw new Error(`BENCH_RETURNS_SCALE must be a positive number, not "${raw}"`);
  return n;
}

/** Runs `work`, sampling resident memory every 20 ms: its time and the peak above the start. */
async function measured<T>(work: () => Promise<T>): Promise<{ ms: number; peakMb: number; value: T }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { ms: performance.now() - t, peakMb: (peak - start) / 1e6, value };
  } finally {
    clearInterval(timer);
  }
}

export const returns: Suite = {
  name: 'returns',
  description: 'the indicator set and the CIN census for a year at scale BENCH_RETURNS_SCALE (default 1), as ratios to a sequential read of their tables',
  async run(ctx: BenchContext): Promise<SuiteReport> {
    const sections: Section[] = [];
    for (const engine of ctx.engines) sections.push(await measureEngine(ctx, engine));
    return { suite: 'returns', sections };
  },
};

async function measureEngine(ctx: BenchContext, engine: BenchEngine): Promise<Section> {
  const scale = scaleFromEnv();
  const title = `Indicators and the CIN census on ${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}, scale ${scale}`;
  const opened = await ctx.databases.open(engine, 'returns');
  if (!opened.ok) return { title, engine, measured: false, notMeasured: opened.reason, columns: COLUMNS, rows: [], notes: [] };
  let handle: DatabaseHandle | null = null;
  try {
    handle = await openDatabase(opened.db.database);
    await migrate(handle);
    const today = londonDateOf(systemClock.now());
    ctx.log(`${engine}: loading the synthetic authority at scale ${scale}...`);
    await loadBatches(handle, generateAuthority({ scale, seed: 1, years: 5, today }));
    const db = handle.db;
    // The last complete collection year.
    const thisYear = reportingYearOf(today);
    const start = Number(thisYear.slice(0, 4)) - 1;
    const year = `${start}-${String((start + 1) % 100).padStart(2, '0')}` as ReportingYear;
    const { start: from, end: to } = yearBounds(year);

    const floorRuns: number[] = [];
    let rows = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      rows = 0;
      for (const table of TABLES) rows += Number((await handle.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);
      floorRuns.push(performance.now() - t);
    }
    const floor = Math.min(...floorRuns);
    ctx.log(`${engine}: floor ${floor.toFixed(0)} ms over ${rows.toLocaleString('en-GB')} rows`);

    const indicators = await measured(async () => {
      const children = await loadIndicatorChildren(db, { from, to });
      const input = { children, window: { from, to }, population0to17: Math.round(67000 * scale) };
      return { children: children.length, figures: INDICATORS.map((i) => i.compute(input)).length };
    });
    ctx.log(`${engine}: indicators ${indicators.ms.toFixed(0)} ms`);
    const census = await measured(() => produceCinCensus(db, { year, lea: '999', madeAt: new Date(), release: 'bench' }));
    ctx.log(`${engine}: CIN census ${census.ms.toFixed(0)} ms`);
    return {
      title,
      engine,
      measured: true,
      columns: COLUMNS,
      rows: [
        { work: `floor: count(*) of ${TABLES.length} tables`, ms: floor, ratio: 1, peakMb: null, size: `${rows.toLocaleString('en-GB')} rows` },
        { work: `indicator set, ${year}`, ms: indicators.ms, ratio: indicators.ms / floor, peakMb: indicators.peakMb, size: `${indicators.value.figures} indicators over ${indicators.value.children.toLocaleString('en-GB')} children` },
        { work: `CIN census ${year}, with the schema check`, ms: census.ms, ratio: census.ms / floor, peakMb: census.peakMb, size: `${census.value.childCount.toLocaleString('en-GB')} children, ${(census.value.xml.length / 1e6).toFixed(1)} MB` },
      ],
      notes: [`Year ${year}. Aims: the indicator set within 3x of the floor (issue 12); the census in seconds and under 200 MB (issue 13).`],
    };
  } catch (error) {
    ctx.log(`${engine}: failed: ${(error as Error).stack ?? String(error)}`);
    return { title, engine, measured: false, failed: true, notMeasured: error instanceof Error ? error.message : String(error), columns: COLUMNS, rows: [], notes: [] };
  } finally {
    await handle?.close();
    await opened.db.dispose();
  }
}
