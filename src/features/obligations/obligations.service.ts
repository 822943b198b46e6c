import { asc, eq, sql } from 'drizzle-orm';
import type { Database, DatabaseHandle, Executor } from '../../db/database.js';
import { toCopyText } from '../../db/copy-text.js';
import { obligations, people } from '../../db/schema/index.js';
import { type DueItem, type LocalNorms, computeObligations } from '../../domain/obligations/index.js';
import type { Clock } from '../../web/clock.js';
import { loadObligationRecords } from './obligation-records.js';

export type ObligationsService = ReturnType<typeof createObligationsService>;

const COLUMNS = ['person_id', 'rule', 'subject_type', 'subject_id', 'due_on', 'due_at', 'met_on', 'lapsed_on', 'basis', 'source', 'computed_at'] as const;

function toRow(item: DueItem, computedAt: Date) {
  return {
    person_id: item.personId,
    rule: item.rule,
    subject_type: item.subjectType,
    subject_id: item.subjectId,
    due_on: item.dueOn,
    due_at: item.dueAt,
    met_on: item.metOn,
    lapsed_on: item.lapsedOn ?? null,
    basis: item.basis,
    source: item.source,
    computed_at: computedAt,
  };
}

export function createObligationsService({ db, clock, norms }: { db: Database; clock: Clock; norms: (on: Executor) => Promise<LocalNorms> }) {
  /** Recomputes and stores one child's obligations inside the caller's transaction. */
  async function recompute(tx: Executor, personId: string): Promise<DueItem[]> {
    const records = await loadObligationRecords(tx, [personId]);
    // Everything is read through the caller's transaction: on PGlite a read outside it would wait for it forever.
    const items = computeObligations(records.get(personId)!, await norms(tx));
    await tx.delete(obligations).where(eq(obligations.personId, personId));
    if (items.length) {
      const now = clock.now();
      await tx.insert(obligations).values(
        items.map((i) => ({ personId: i.personId, rule: i.rule, subjectType: i.subjectType, subjectId: i.subjectId, dueOn: i.dueOn, dueAt: i.dueAt, metOn: i.metOn, lapsedOn: i.lapsedOn ?? null, basis: i.basis, source: i.source, computedAt: now })),
      );
    }
    return items;
  }

  async function forChild(personId: string) {
    return db.select().from(obligations).where(eq(obligations.personId, personId)).orderBy(asc(obligations.dueOn));
  }

  return { recompute, forChild };
}

/**
 * Recomputes every child's obligations in chunks (after a bulk load or a change of a local norm),
 * reading each chunk's records with one query per table and writing with COPY.
 */
export async function recomputeAllObligations(handle: DatabaseHandle, norms: LocalNorms, computedAt: Date, options: { chunk?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<number> {
  const chunk = options.chunk ?? 2000;
  const all = await handle.db.select({ id: people.id }).from(people).where(eq(people.isChild, true)).orderBy(asc(people.id));
  let written = 0;
  await handle.db.execute(sql`delete from obligations`);
  for (let i = 0; i < all.length; i += chunk) {
    const ids = all.slice(i, i + chunk).map((p) => p.id);
    const records = await loadObligationRecords(handle.db, ids);
    const rows = [...records.values()].flatMap((r) => computeObligations(r, norms).map((item) => toRow(item, computedAt)));
    if (rows.length) await handle.copyFrom('obligations', COLUMNS, toCopyText(COLUMNS, rows));
    written += rows.length;
    options.onProgress?.(Math.min(i + chunk, all.length), all.length);
  }
  await handle.query('ANALYZE obligations');
  return written;
}

