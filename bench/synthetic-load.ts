/**
 * Loading the synthetic authority (issue 3): the whole `hearth seed` path (generate + bulk load)
 * at each scale, as a ratio to a plain COPY of exactly the same rows into a fresh database on the
 * same engine in the same run. The floor excludes generation, so the ratio shows what the
 * generator and the loader's buffering add on top of the engine's own bulk load.
 *
 * BENCH_LOAD_SCALES (default "1") lists the scales; "1,10" adds scale 10 (about 10M rows: several
 * minutes per engine on PostgreSQL, much longer on PGlite).
 */
import { toCopyText } from '../src/db/copy-text.js';
import type { DatabaseHandle } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { generateAuthority } from '../src/synth/index.js';
import { type Batch, loadBatches } from '../src/synth/load-authority.js';
import type { BenchContext, Section, Suite, SuiteReport } from './suite.js';

const TODAY = '2026-11-20' as never;

function scales(): number[] {
  const raw = process.env.BENCH_LOAD_SCALES ?? '1';
  const list = raw.split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isFinite(n) || n <= 0)) throw new Error(`BENCH_LOAD_SCALES must be positive numbers, not "${raw}"`);
  return list;
}

/** The same rows as COPY texts, per table in first-appearance (foreign-key) order, in chunks of ~50k rows. */
function materialise(scale: number): { chunks: { table: string; columns: string[]; text: string }[]; rows: number } {
  const chunks: { table: string; columns: string[]; text: string }[] = [];
  const pending = new Map<string, { columns: string[]; rows: Record<string, unknown>[] }>();
  let rows = 0;
  let buffered = 0;
  const flush = () => {
    for (const [table, p] of pending) {
      if (p.rows.length) chunks.push({ table, columns: p.columns, text: toCopyText(p.columns, p.rows) });
      p.rows = [];
    }
    buffered = 0;
  };
  for (const batch of generateAuthority({ scale, seed: 1, years: 5, today: TODAY }) as Iterable<Batch>) {
    if (!batch.rows.length) continue;
    let p = pending.get(batch.table);
    if (!p) pending.set(batch.table, (p = { columns: Object.keys(batch.rows[0]!), rows: [] }));
    for (const r of batch.rows) p.rows.push(r);
    rows += batch.rows.length;
    buffered += batch.rows.length;
    if (buffered >= 50_000) flush();
  }
  flush();
  return { chunks, rows };
}

async function fresh(ctx: BenchContext, engine: 'pglite' | 'postgres', label: string): Promise<{ handle: DatabaseHandle; dispose: () => Promise<void> } | string> {
  const opened = await ctx.databases.open(engine, label);
  if (!opened.ok) return opened.reason;
  const handle = await openDatabase(opened.db.database);
  await migrate(handle);
  return { handle, dispose: async () => (await handle.close(), await opened.db.dispose()) };
}

export const syntheticLoad: Suite = {
  name: 'synthetic-load',
  description: 'hearth seed (generate + bulk load) at scale 1 (and 10) as a ratio to a plain COPY of the same rows',
  async run(ctx): Promise<SuiteReport> {
    const sections: Section[] = [];
    for (const engine of ctx.engines) {
      const section: Section = {
        title: `loading the synthetic authority on ${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}`,
        engine,
        measured: true,
        columns: [
          { key: 'scale', label: 'scale', digits: 2 },
          { key: 'rows', label: 'rows', digits: 0 },
          { key: 'seedSeconds', label: 'seed s', digits: 1 },
          { key: 'copySeconds', label: 'plain COPY s', digits: 1 },
          { key: 'ratio', label: 'seed ÷ COPY', digits: 2 },
          { key: 'rowsPerSecond', label: 'seed rows/s', digits: 0 },
        ],
        rows: [],
        notes: ['seed = generate + buffer + COPY + ANALYZE (what `hearth seed` does before computing obligations); plain COPY = the same rows, already formatted, copied table by table.'],
      };
      for (const scale of scales()) {
        ctx.log(`${engine}: formatting scale ${scale} for the plain COPY floor`);
        const { chunks, rows } = materialise(scale);
        const floorDb = await fresh(ctx, engine, `copy-${scale}`);
        if (typeof floorDb === 'string') {
          section.measured = false;
          section.notMeasured = floorDb;
          break;
        }
        ctx.log(`${engine}: plain COPY of ${rows.toLocaleString('en-GB')} rows`);
        let t0 = performance.now();
        for (const c of chunks) await floorDb.handle.copyFrom(c.table, c.columns, c.text);
        const copySeconds = (performance.now() - t0) / 1000;
        await floorDb.dispose();
        chunks.length = 0;

        const seedDb = await fresh(ctx, engine, `seed-${scale}`);
        if (typeof seedDb === 'string') throw new Error(seedDb);
        ctx.log(`${engine}: seeding scale ${scale}`);
        t0 = performance.now();
        const loaded = await loadBatches(seedDb.handle, generateAuthority({ scale, seed: 1, years: 5, today: TODAY }));
        const seedSeconds = (performance.now() - t0) / 1000;
        await seedDb.dispose();
        if (loaded.rowsLoaded !== rows) section.notes.push(`WARNING: scale ${scale} loaded ${loaded.rowsLoaded} rows, the floor ${rows}`);
        section.rows.push({ scale, rows, seedSeconds, copySeconds, ratio: seedSeconds / copySeconds, rowsPerSecond: rows / seedSeconds });
      }
      sections.push(section);
    }
    return { suite: 'synthetic-load', sections };
  },
};
