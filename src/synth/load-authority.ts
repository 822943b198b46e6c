import type { DatabaseHandle } from '../db/database.js';
import { toCopyText } from '../db/copy-text.js';
import { fillSearchNames, nameKeys, searchNameOf } from '../db/search-name.js';

export interface Batch {
  table: string;
  rows: Record<string, unknown>[];
}

export interface LoadProgress {
  rowsLoaded: number;
  byTable: Record<string, number>;
}

/**
 * Bulk-loads the generator's batches with COPY (PostgreSQL through COPY FROM STDIN, PGlite through
 * COPY FROM a blob). Rows are buffered and flushed in the order tables first appear, which is
 * foreign-key order because the generator yields parents before children.
 */
export async function loadBatches(
  handle: DatabaseHandle,
  batches: Iterable<Batch>,
  options: { flushRows?: number; onProgress?: (p: LoadProgress) => void } = {},
): Promise<LoadProgress> {
  const flushRows = options.flushRows ?? 50_000;
  const buffers = new Map<string, { columns: string[]; rows: Record<string, unknown>[] }>();
  const progress: LoadProgress = { rowsLoaded: 0, byTable: {} };
  let buffered = 0;

  const flush = async () => {
    for (const [table, buffer] of buffers) {
      if (buffer.rows.length === 0) continue;
      await handle.copyFrom(table, buffer.columns, toCopyText(buffer.columns, buffer.rows));
      progress.rowsLoaded += buffer.rows.length;
      progress.byTable[table] = (progress.byTable[table] ?? 0) + buffer.rows.length;
      buffer.rows = [];
    }
    buffered = 0;
    options.onProgress?.(progress);
  };

  for (const batch of batches) {
    if (batch.rows.length === 0) continue;
    let buffer = buffers.get(batch.table);
    if (!buffer) {
      const first = batch.table === 'people' ? withSearchColumns(batch.rows[0]!) : batch.rows[0]!;
      buffer = { columns: Object.keys(first), rows: [] };
      buffers.set(batch.table, buffer);
    }
    if (batch.table === 'people') {
      // The searchable form of each name (src/db/search-name.ts), computed here rather than by a
      // million-row UPDATE after the load.
      for (const row of batch.rows) buffer.rows.push(withSearchColumns(row));
    } else {
      for (const row of batch.rows) buffer.rows.push(row);
    }
    buffered += batch.rows.length;
    if (buffered >= flushRows) await flush();
  }
  await flush();
  // Any person written without a search name (none from the generator) gets one.
  await fillSearchNames(handle.db);
  // Issue new child IDs after the loaded ones, and give the planner fresh statistics.
  await handle.query(`select setval('la_child_id_seq', greatest(1, coalesce((select max(substring(la_child_id from 2)::bigint) from people where la_child_id ~ '^C[0-9]+$'), 1)))`);
  await handle.query('ANALYZE');
  return progress;
}

function withSearchColumns(row: Record<string, unknown>): Record<string, unknown> {
  if (typeof row.given_name !== 'string' || typeof row.family_name !== 'string') return row;
  const searchName = searchNameOf(row.given_name, row.family_name);
  return { ...row, search_name: searchName, search_keys: nameKeys(searchName) };
}
