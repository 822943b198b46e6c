/**
 * Loading the synthetic authority (issue 3): the whole `hearth seed` load (generate, format, COPY
 * with the keys, indexes and foreign keys set aside and rebuilt, ANALYZE) at each scale, as a ratio
 * to a plain COPY of exactly the same rows into a fresh database on the same engine in the same run.
 *
 * Three timings per engine and scale, each on a fresh, migrated database:
 *   - seed: `loadBatches(generateAuthority(...))`, what `hearth seed` does before the demo users
 *     and the obligations (src/synth/load-authority.ts);
 *   - plain COPY (the floor the issue names): the same rows, already formatted as COPY text (the
 *     same texts the loader makes), copied table by table into the migrated schema with its keys,
 *     indexes and foreign keys in place, one statement at a time; no ANALYZE;
 *   - bulk COPY: the same texts through the loader's own bulk path (one transaction, keys, indexes
 *     and foreign keys set aside and rebuilt: src/db/bulk-load.ts); no ANALYZE. Seed minus bulk
 *     COPY is roughly what generating the rows and ANALYZE cost.
 * Generating and formatting the rows for the two floors is timed on its own ("generate s").
 *
 * BENCH_LOAD_SCALES (default "1") lists the scales; "1,10" adds scale 10 (about 10M rows: tens of
 * minutes per engine). The plain COPY stops after BENCH_LOAD_COPY_LIMIT_SECONDS (default 1800) and
 * reports the rows it copied by then: its time and ratio are then lower bounds ("≥").
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { DatabaseHandle } from '../src/db/database.js';
import { setAsideIndexes } from '../src/db/bulk-load.js';
import { migrate } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { generateAuthority } from '../src/synth/index.js';
import { copyChunks } from '../src/synth/copy-chunks.js';
import { loadBatches } from '../src/synth/load-authority.js';
import type { BenchContext, Column, Section, Suite, SuiteReport } from './suite.js';

const TODAY = '2026-11-20' as never;

function scales(): number[] {
  const raw = process.env.BENCH_LOAD_SCALES ?? '1';
  const list = raw.split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isFinite(n) || n <= 0)) throw new Error(`BENCH_LOAD_SCALES must be positive numbers, not "${raw}"`);
  return list;
}

function copyLimitSeconds(): number {
  const raw = process.env.BENCH_LOAD_COPY_LIMIT_SECONDS;
  if (raw === undefined || raw === '') return 1800;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`BENCH_LOAD_COPY_LIMIT_SECONDS must be a positive number, not "${raw}"`);
  return n;
}

interface Chunk {
  table: string;
  columns: string[];
  /** COPY text as UTF-8 outside the JavaScript heap: scale 10 is about 2 GB of it. */
  bytes: Buffer;
  rows: number;
}

/** The loader's own COPY texts (src/synth/copy-chunks.ts) for the scale, in order. */
function materialise(scale: number): { chunks: Chunk[]; rows: number; bytes: number; seconds: number } {
  const started = performance.now();
  const chunks: Chunk[] = [];
  let rows = 0;
  let bytes = 0;
  for (const group of copyChunks(generateAuthority({ scale, seed: 1, years: 5, today: TODAY }))) {
    for (const c of group) {
      const buffer = Buffer.from(c.text, 'utf8');
      chunks.push({ table: c.table, columns: c.columns, bytes: buffer, rows: c.rows });
      rows += c.rows;
      bytes += buffer.length;
    }
  }
  return { chunks, rows, bytes, seconds: (performance.now() - started) / 1000 };
}

async function fresh(ctx: BenchContext, engine: 'pglite' | 'postgres', label: string): Promise<{ handle: DatabaseHandle; dispose: () => Promise<void> } | string> {
  const opened = await ctx.databases.open(engine, label);
  if (!opened.ok) return opened.reason;
  const handle = await openDatabase(opened.db.database);
  await migrate(handle);
  return { handle, dispose: async () => (await handle.close(), await opened.db.dispose()) };
}

const COLUMNS: Column[] = [
  { key: 'scale', label: 'scale', digits: 2 },
  { key: 'rows', label: 'rows', digits: 0 },
  { key: 'seedSeconds', label: 'seed s', digits: 1 },
  { key: 'copySeconds', label: 'plain COPY s', align: 'right' },
  { key: 'ratio', label: 'seed ÷ plain COPY', align: 'right' },
  { key: 'bulkSeconds', label: 'bulk COPY s', digits: 1 },
  { key: 'bulkRatio', label: 'seed ÷ bulk COPY', digits: 2 },
  { key: 'rowsPerSecond', label: 'seed rows/s', digits: 0 },
  { key: 'copyRowsPerSecond', label: 'plain COPY rows/s', digits: 0 },
  { key: 'generateSeconds', label: 'generate s', digits: 1 },
  { key: 'rebuildSeconds', label: 'seed: rebuild s', digits: 1 },
  { key: 'analyseSeconds', label: 'seed: ANALYZE s', digits: 1 },
  { key: 'load', label: 'load avg', align: 'right' },
];

const fixed = (n: number, digits: number) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const syntheticLoad: Suite = {
  name: 'synthetic-load',
  description: 'hearth seed (generate + bulk load) at each of BENCH_LOAD_SCALES (default 1; "1,10" for both) as a ratio to a plain COPY of the same rows, on each engine',
  async run(ctx): Promise<SuiteReport> {
    const sections: Section[] = [];
    const limit = copyLimitSeconds();
    for (const engine of ctx.engines) {
      const name = engine === 'pglite' ? 'PGlite' : 'PostgreSQL';
      const section: Section = {
        title: `loading the synthetic authority on ${name}`,
        engine,
        measured: true,
        columns: COLUMNS,
        rows: [],
        notes: [
          'seed = `hearth seed`\'s load: generate + format + COPY in one transaction with the keys, indexes and foreign keys set aside, rebuild them, ANALYZE (before the demo users and the obligations).',
          'plain COPY = the same COPY texts, copied table by table into the migrated schema with its keys, indexes and foreign keys in place (the floor the issue names); bulk COPY = the same texts through the loader\'s set-aside path. Neither includes generating the rows ("generate s", timed separately) or ANALYZE.',
          `load avg = the machine's 1-minute load average when the scale's runs began and ended (${os.cpus().length} cores): other work on the machine slows every absolute figure.`,
        ],
        detail: { copyLimitSeconds: limit, scales: [] as unknown[] },
      };
      for (const scale of scales()) {
        const loadBefore = os.loadavg()[0]!;
        ctx.log(`${engine}: generating and formatting scale ${scale} for the floors...`);
        const made = materialise(scale);
        ctx.log(`${engine}: ${made.rows.toLocaleString('en-GB')} rows, ${(made.bytes / 1e6).toFixed(0)} MB of COPY text in ${made.seconds.toFixed(1)} s`);

        // Floor 1: plain COPY, indexes in place, one statement at a time (stopped at the limit).
        const plainDb = await fresh(ctx, engine, `copy-${scale}`);
        if (typeof plainDb === 'string') {
          section.measured = false;
          section.notMeasured = plainDb;
          break;
        }
        ctx.log(`${engine}: plain COPY of ${made.rows.toLocaleString('en-GB')} rows (indexes in place; stops after ${limit} s)...`);
        let copySeconds = 0;
        let copiedRows = 0;
        let lastLog = performance.now();
        for (const c of made.chunks) {
          const text = c.bytes.toString('utf8');
          const t0 = performance.now();
          await plainDb.handle.copyFrom(c.table, c.columns, text);
          copySeconds += (performance.now() - t0) / 1000;
          copiedRows += c.rows;
          if (performance.now() - lastLog > 30_000) {
            lastLog = performance.now();
            ctx.log(`${engine}: plain COPY: ${copiedRows.toLocaleString('en-GB')} rows in ${copySeconds.toFixed(0)} s (${(copiedRows / copySeconds).toFixed(0)} rows/s)`);
          }
          if (copySeconds > limit) break;
        }
        await plainDb.dispose();
        const plainFinished = copiedRows === made.rows;
        if (!plainFinished) ctx.log(`${engine}: plain COPY stopped at the limit: ${copiedRows.toLocaleString('en-GB')} of ${made.rows.toLocaleString('en-GB')} rows in ${copySeconds.toFixed(0)} s`);

        // Floor 2: bulk COPY, the loader's path without the generator.
        const bulkDb = await fresh(ctx, engine, `bulk-${scale}`);
        if (typeof bulkDb === 'string') throw new Error(bulkDb);
        ctx.log(`${engine}: bulk COPY (keys, indexes and foreign keys set aside)...`);
        let t0 = performance.now();
        await bulkDb.handle.bulkTransaction(async (session) => {
          const setAside = await setAsideIndexes(session, [...new Set(made.chunks.map((c) => c.table))]);
          for (const c of made.chunks) await session.copyFrom(c.table, c.columns, c.bytes.toString('utf8'));
          await setAside.restore();
        });
        const bulkSeconds = (performance.now() - t0) / 1000;
        await bulkDb.dispose();
        made.chunks.length = 0;

        // The seed itself.
        const seedDb = await fresh(ctx, engine, `seed-${scale}`);
        if (typeof seedDb === 'string') throw new Error(seedDb);
        ctx.log(`${engine}: seeding scale ${scale}...`);
        const marks: { step: string; at: number }[] = [];
        lastLog = performance.now();
        t0 = performance.now();
        const loaded = await loadBatches(seedDb.handle, generateAuthority({ scale, seed: 1, years: 5, today: TODAY }), {
          onStep: (step) => marks.push({ step, at: performance.now() }),
          onProgress: (p) => {
            if (performance.now() - lastLog > 30_000) {
              lastLog = performance.now();
              ctx.log(`${engine}: seed: ${p.rowsLoaded.toLocaleString('en-GB')} rows in ${((lastLog - t0) / 1000).toFixed(0)} s`);
            }
          },
        });
        const ended = performance.now();
        const seedSeconds = (ended - t0) / 1000;
        await seedDb.dispose();
        const rebuildFrom = marks.find((m) => m.step.startsWith('rebuilding'))?.at;
        const analyseFrom = marks.find((m) => m.step === 'analysing')?.at;
        const rebuildSeconds = rebuildFrom !== undefined && analyseFrom !== undefined ? (analyseFrom - rebuildFrom) / 1000 : null;
        const analyseSeconds = analyseFrom !== undefined ? (ended - analyseFrom) / 1000 : null;
        if (loaded.rowsLoaded !== made.rows) section.notes.push(`WARNING: scale ${scale} loaded ${loaded.rowsLoaded} rows, the floors ${made.rows}`);
        ctx.log(`${engine}: scale ${scale}: seed ${seedSeconds.toFixed(1)} s, plain COPY ${plainFinished ? '' : '≥ '}${copySeconds.toFixed(1)} s, bulk COPY ${bulkSeconds.toFixed(1)} s`);

        // A plain COPY stopped at the limit: its rate so far gives a lower bound for the whole (index upkeep only slows as tables grow).
        const copyEstimate = plainFinished ? copySeconds : copySeconds * (made.rows / Math.max(1, copiedRows));
        const bound = plainFinished ? '' : '≥ ';
        section.rows.push({
          scale,
          rows: made.rows,
          seedSeconds,
          copySeconds: `${bound}${fixed(copyEstimate, 1)}`,
          ratio: `${plainFinished ? '' : '≤ '}${fixed(seedSeconds / copyEstimate, 2)}`,
          bulkSeconds,
          bulkRatio: seedSeconds / bulkSeconds,
          rowsPerSecond: made.rows / seedSeconds,
          copyRowsPerSecond: copiedRows / copySeconds,
          generateSeconds: made.seconds,
          rebuildSeconds,
          analyseSeconds,
          load: `${loadBefore.toFixed(1)}–${os.loadavg()[0]!.toFixed(1)}`,
        });
        if (!plainFinished) {
          section.notes.push(
            `Scale ${scale}: the plain COPY was stopped at BENCH_LOAD_COPY_LIMIT_SECONDS after ${copiedRows.toLocaleString('en-GB')} of ${made.rows.toLocaleString('en-GB')} rows in ${copySeconds.toFixed(0)} s (${(copiedRows / copySeconds).toFixed(0)} rows/s); its time is extrapolated at that rate, a lower bound since keeping indexes up slows as the tables grow, so the ratio is an upper bound.`,
          );
        }
        (section.detail as { scales: unknown[] }).scales.push({ scale, rows: made.rows, copyTextBytes: made.bytes, plainCopy: { finished: plainFinished, rows: copiedRows, seconds: copySeconds }, bulkSeconds, seedSeconds, seedSteps: marks.map((m) => ({ step: m.step, atSeconds: (m.at - t0) / 1000 })) });
      }
      sections.push(section);
    }
    return { suite: 'synthetic-load', sections };
  },
};
