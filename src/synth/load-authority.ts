import type { BulkSession, DatabaseHandle } from '../db/database.js';
import { setAsideIndexes } from '../db/bulk-load.js';
import { fillSearchNames } from '../db/search-name.js';
import { AUTHORITY_TABLES, CHILD_TABLES } from './batches.js';
import { type CopyChunk, copyChunks } from './copy-chunks.js';

export interface Batch {
  table: string;
  rows: Record<string, unknown>[];
}

export interface LoadProgress {
  rowsLoaded: number;
  byTable: Record<string, number>;
}

export interface LoadOptions {
  /** Rows buffered (across tables) before they are copied; default 50,000. */
  flushRows?: number;
  /**
   * Set aside the keys, indexes and foreign keys of the tables being loaded while they are empty,
   * and rebuild them after the rows are in (src/db/bulk-load.ts); default true. False keeps them
   * in place (every row then updates every index and checks every foreign key as it lands):
   * slower, and there only to measure the difference.
   */
  setAsideIndexes?: boolean;
  onProgress?: (p: LoadProgress) => void;
  /** What the loader is doing once the rows are in (rebuilding each key and index, checking each foreign key, analysing). */
  onStep?: (what: string) => void;
}

/** The tables the generator writes (src/synth/batches.ts). */
const LOADED_TABLES = [...new Set<string>([...AUTHORITY_TABLES, ...CHILD_TABLES])];

/**
 * Bulk-loads the generator's batches: formats them as COPY texts (src/synth/copy-chunks.ts) and
 * copies them in (see `loadChunks`).
 */
export async function loadBatches(handle: DatabaseHandle, batches: Iterable<Batch>, options: LoadOptions = {}): Promise<LoadProgress> {
  return loadChunks(handle, copyChunks(batches, options.flushRows ?? 50_000), options);
}

/**
 * Copies groups of COPY texts in (PostgreSQL through COPY FROM STDIN, PGlite through COPY FROM a
 * blob), in one transaction: the authority lands whole or not at all. Tables that are empty at the
 * start are loaded with their keys, indexes and foreign keys set aside, rebuilt and checked once at
 * the end (src/db/bulk-load.ts). Then the child ID sequence moves past the loaded IDs and the
 * planner gets fresh statistics.
 */
async function loadChunks(handle: DatabaseHandle, groups: Iterable<CopyChunk[]>, options: LoadOptions): Promise<LoadProgress> {
  const progress = await handle.bulkTransaction(async (session) => {
    const setAside = options.setAsideIndexes === false ? null : await setAsideIndexes(session, LOADED_TABLES);
    const loaded = await copyGroups(session, groups, options);
    if (setAside) {
      options.onStep?.(`rebuilding ${setAside.keys} keys and ${setAside.indexes} indexes, checking ${setAside.foreignKeys} foreign keys`);
      await setAside.restore(options.onStep);
    }
    // Issue new child IDs after the loaded ones.
    await session.query(`select setval('la_child_id_seq', greatest(1, coalesce((select max(substring(la_child_id from 2)::bigint) from people where la_child_id ~ '^C[0-9]+$'), 1)))`);
    return loaded;
  });
  // Any person written without a search name (none from the generator) gets one.
  await fillSearchNames(handle.db);
  options.onStep?.('analysing');
  await handle.query('ANALYZE');
  return progress;
}

async function copyGroups(session: BulkSession, groups: Iterable<CopyChunk[]>, options: LoadOptions): Promise<LoadProgress> {
  const progress: LoadProgress = { rowsLoaded: 0, byTable: {} };
  for (const group of groups) {
    for (const chunk of group) {
      await session.copyFrom(chunk.table, chunk.columns, chunk.text);
      progress.rowsLoaded += chunk.rows;
      progress.byTable[chunk.table] = (progress.byTable[chunk.table] ?? 0) + chunk.rows;
    }
    options.onProgress?.(progress);
  }
  return progress;
}
