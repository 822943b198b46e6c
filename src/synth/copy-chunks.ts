/**
 * The generator's batches as COPY texts, grouped the way the loader copies them: rows are buffered
 * per table and, every `flushRows` rows (across tables), turned into one COPY text per table, in
 * the order the tables first appeared (foreign-key order, since the generator yields parents
 * before children). Pure: the same batches give the same texts, in this thread or in a worker.
 */
import { toCopyText } from '../db/copy-text.js';
import { nameKeys, searchNameOf } from '../db/search-name.js';
import type { Batch } from './batches.js';

export interface CopyChunk {
  table: string;
  columns: string[];
  /** The rows in PostgreSQL's COPY text format. */
  text: string;
  rows: number;
}

export function* copyChunks(batches: Iterable<Batch>, flushRows = 50_000): Generator<CopyChunk[]> {
  const buffers = new Map<string, { columns: string[]; rows: Record<string, unknown>[] }>();
  let buffered = 0;
  const flush = (): CopyChunk[] => {
    const group: CopyChunk[] = [];
    for (const [table, buffer] of buffers) {
      if (buffer.rows.length === 0) continue;
      group.push({ table, columns: buffer.columns, text: toCopyText(buffer.columns, buffer.rows), rows: buffer.rows.length });
      buffer.rows = [];
    }
    buffered = 0;
    return group;
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
    if (buffered >= flushRows) yield flush();
  }
  const last = flush();
  if (last.length) yield last;
}

function withSearchColumns(row: Record<string, unknown>): Record<string, unknown> {
  if (typeof row.given_name !== 'string' || typeof row.family_name !== 'string') return row;
  const searchName = searchNameOf(row.given_name, row.family_name);
  return { ...row, search_name: searchName, search_keys: nameKeys(searchName) };
}
