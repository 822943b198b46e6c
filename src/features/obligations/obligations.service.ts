import { randomBytes } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, DatabaseHandle, Executor } from '../../db/database.js';
import { toCopyText } from '../../db/copy-text.js';
import { obligations, people } from '../../db/schema/index.js';
import { type DueItem, type LocalNorms, computeObligations } from '../../domain/obligations/index.js';
import type { Clock } from '../../domain/time/index.js';
import { loadObligationRecords } from './obligation-records.js';

export type ObligationsService = ReturnType<typeof createObligationsService>;

const COLUMNS = ['id', 'person_id', 'rule', 'subject_type', 'subject_id', 'due_on', 'due_at', 'met_on', 'lapsed_on', 'basis', 'source', 'computed_at'] as const;

function toRow(item: DueItem, computedAt: Date, id: string) {
  return {
    id,
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

/**
 * Time-ordered UUIDs (version 7, RFC 9562) for the rows of one bulk write: the time the run started
 * in milliseconds, a counter, and random bits. Rows given them in order append to the primary key's
 * index, where gen_random_uuid() would send each to a random leaf page: at scale 1 on PGlite, COPY
 * into obligations took 40% less time (docs/benchmarks.md). They never equal a random (version 4) one.
 */
export function orderedUuids(startedAtMs: number): () => string {
  const time = Math.max(0, Math.floor(startedAtMs)).toString(16).padStart(12, '0').slice(-12);
  const tail = randomBytes(4).toString('hex');
  let counter = 0;
  return () => {
    const c = (counter++).toString(16).padStart(10, '0');
    return `${time.slice(0, 8)}-${time.slice(8)}-7${c.slice(0, 3)}-8${c.slice(3, 6)}-${c.slice(6)}${tail}`;
  };
}

/** Rows per INSERT: 11 columns each, under PostgreSQL's 65,535 parameters a statement. */
const INSERT_BATCH = 4000;

/**
 * Recomputes and stores these children's obligations inside the caller's transaction. Their
 * people rows are locked first (in id order, so two writers never deadlock), so that two
 * transactions touching one child at once replace its rows in turn rather than both inserting.
 */
export async function replaceObligations(tx: Executor, personIds: readonly string[], norms: LocalNorms, computedAt: Date): Promise<DueItem[]> {
  const ids = [...new Set(personIds)].sort();
  if (ids.length === 0) return [];
  await tx.execute(sql`select id from people where id = any(${sql.param(ids)}::uuid[]) order by id for no key update`);
  const records = await loadObligationRecords(tx, ids);
  const items = [...records.values()].flatMap((r) => computeObligations(r, norms));
  await tx.delete(obligations).where(inArray(obligations.personId, ids));
  for (let i = 0; i < items.length; i += INSERT_BATCH) {
    await tx.insert(obligations).values(
      items.slice(i, i + INSERT_BATCH).map((i) => ({ personId: i.personId, rule: i.rule, subjectType: i.subjectType, subjectId: i.subjectId, dueOn: i.dueOn, dueAt: i.dueAt, metOn: i.metOn, lapsedOn: i.lapsedOn ?? null, basis: i.basis, source: i.source, computedAt })),
    );
  }
  return items;
}

export function createObligationsService({ db, clock, norms }: { db: Database; clock: Clock; norms: (on: Executor) => Promise<LocalNorms> }) {
  /** Recomputes and stores one child's obligations inside the caller's transaction. */
  async function recompute(tx: Executor, personId: string): Promise<DueItem[]> {
    // Everything is read through the caller's transaction: on PGlite a read outside it would wait for it forever.
    return replaceObligations(tx, [personId], await norms(tx), clock.now());
  }

  /** Recomputes several children's obligations inside the caller's transaction, together. */
  async function recomputeMany(tx: Executor, personIds: readonly string[]): Promise<DueItem[]> {
    return replaceObligations(tx, personIds, await norms(tx), clock.now());
  }

  async function forChild(personId: string) {
    return db.select().from(obligations).where(eq(obligations.personId, personId)).orderBy(asc(obligations.dueOn));
  }

  return { recompute, recomputeMany, forChild };
}

/**
 * Recomputes every child's obligations in chunks, after a bulk load or a change of a local norm.
 *
 * - `fresh` (straight after a bulk load, before anyone uses the database): delete everything, then
 *   each chunk's records read with one query per table and written with COPY. Fastest.
 * - otherwise (a change of setting while people work): see `refreshChunk`. Each chunk is small and
 *   the run yields to waiting requests between steps, so on PGlite (one thread for the server and
 *   the database) no request waits behind it for long; a worktray read meanwhile sees every child's
 *   items, old or new, never none.
 */
export async function recomputeAllObligations(
  handle: DatabaseHandle,
  norms: LocalNorms,
  computedAt: Date,
  options: {
    chunk?: number;
    fresh?: boolean;
    onProgress?: (done: number, total: number) => void;
    /** Runs between a live chunk's reads and its write (tests use it to write to a child meanwhile). */
    beforeWrite?: (personIds: readonly string[]) => Promise<void>;
  } = {},
): Promise<number> {
  const fresh = options.fresh ?? false;
  const chunk = options.chunk ?? (fresh ? 2000 : 100);
  const all = await handle.db.select({ id: people.id }).from(people).where(eq(people.isChild, true)).orderBy(asc(people.id));
  let written = 0;
  if (fresh) await handle.db.execute(sql`delete from obligations`);
  const nextId = orderedUuids(computedAt.getTime());
  for (let i = 0; i < all.length; i += chunk) {
    const ids = all.slice(i, i + chunk).map((p) => p.id);
    if (fresh) {
      const records = await loadObligationRecords(handle.db, ids);
      const rows = [...records.values()].flatMap((r) => computeObligations(r, norms).map((item) => toRow(item, computedAt, nextId())));
      if (rows.length) await handle.copyFrom('obligations', COLUMNS, toCopyText(COLUMNS, rows));
      written += rows.length;
    } else {
      written += await refreshChunk(handle.db, ids, norms, computedAt, nextId, options.beforeWrite);
    }
    options.onProgress?.(Math.min(i + chunk, all.length), all.length);
  }
  await handle.query('ANALYZE obligations');
  return written;
}

/** What makes two stored items the same obligation in the same state. */
function itemKey(i: { rule: string; subjectType: string; subjectId: string; dueOn: string | null; dueAt: Date | null; metOn: string | null; lapsedOn: string | null; basis: string; source: string }): string {
  return JSON.stringify([i.rule, i.subjectType, i.subjectId, i.dueOn, i.dueAt ? i.dueAt.getTime() : null, i.metOn, i.lapsedOn, i.basis, i.source]);
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One chunk of a live recompute, written as a difference: the chunk's stored items and records
 * are read outside any transaction (short queries that interleave with requests), the items
 * worked out, and then one short transaction deletes the items that no longer hold and inserts
 * the new ones; items that did not change are left alone. A child recomputed by someone else
 * since its items were read (a write to the child: its items have new ids) is left as they left
 * it, since they worked from the current record with the current norms. Returns items stored.
 */
async function refreshChunk(
  db: Database,
  ids: readonly string[],
  norms: LocalNorms,
  computedAt: Date,
  nextId: () => string,
  beforeWrite?: (personIds: readonly string[]) => Promise<void>,
): Promise<number> {
  const before = await db.select().from(obligations).where(inArray(obligations.personId, [...ids]));
  await yieldToRequests();
  const records = await loadObligationRecords(db, ids);
  await yieldToRequests();
  const items = [...records.values()].flatMap((r) => computeObligations(r, norms));
  await yieldToRequests();
  const idsBefore = new Map<string, Set<string>>();
  for (const row of before) idsBefore.set(row.personId, (idsBefore.get(row.personId) ?? new Set()).add(row.id));
  await beforeWrite?.(ids);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from people where id = any(${sql.param([...ids])}::uuid[]) order by id for no key update`);
    const now = await tx.select({ id: obligations.id, personId: obligations.personId }).from(obligations).where(inArray(obligations.personId, [...ids]));
    const idsNow = new Map<string, Set<string>>();
    for (const row of now) idsNow.set(row.personId, (idsNow.get(row.personId) ?? new Set()).add(row.id));
    const untouched = (personId: string) => {
      const a = idsBefore.get(personId) ?? new Set<string>();
      const b = idsNow.get(personId) ?? new Set<string>();
      return a.size === b.size && [...a].every((id) => b.has(id));
    };
    const stored = new Map<string, string[]>();
    for (const row of before) {
      if (!untouched(row.personId)) continue;
      const key = itemKey(row);
      stored.set(key, [...(stored.get(key) ?? []), row.id]);
    }
    const inserts: (typeof obligations.$inferInsert)[] = [];
    let kept = 0;
    for (const item of items) {
      if (!untouched(item.personId)) continue;
      const same = stored.get(itemKey({ ...item, lapsedOn: item.lapsedOn ?? null }));
      if (same?.length) {
        same.pop();
        kept++;
        continue;
      }
      inserts.push({ id: nextId(), personId: item.personId, rule: item.rule, subjectType: item.subjectType, subjectId: item.subjectId, dueOn: item.dueOn, dueAt: item.dueAt, metOn: item.metOn, lapsedOn: item.lapsedOn ?? null, basis: item.basis, source: item.source, computedAt });
    }
    const stale = [...stored.values()].flat();
    for (let i = 0; i < stale.length; i += INSERT_BATCH) await tx.delete(obligations).where(inArray(obligations.id, stale.slice(i, i + INSERT_BATCH)));
    for (let i = 0; i < inserts.length; i += INSERT_BATCH) await tx.insert(obligations).values(inserts.slice(i, i + INSERT_BATCH));
    return kept + inserts.length;
  });
}
