import { asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { auditChainHead, auditEvents } from '../../db/schema/index.js';
import { type AuditPayload, chainHash } from './hash-chain.js';

/** Rows sealed per transaction: one UPDATE of this many rows is a few milliseconds on PGlite. */
const SEAL_BATCH = 500;

export interface SealReport {
  sealed: number;
}

type AuditRow = typeof auditEvents.$inferSelect;

/** What is hashed: the row as stored (so what a later verification reads is what was sealed). */
function payloadOf(row: AuditRow): AuditPayload {
  return {
    at: row.at.toISOString(),
    userId: row.userId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    personId: row.personId,
    detail: row.detail ?? null,
  };
}

/**
 * Chains every committed audit row not yet sealed, in id order, after the chain's head: each gets
 * prev_hash, hash and its place (chain_seq), and the head moves on. The head's row lock is taken
 * only here, so concurrent sealers (two servers) take turns while requests never wait on it. A row
 * whose transaction commits after a later id was sealed is sealed in the next round, after it: the
 * chain's order is chain_seq, the order rows were sealed.
 */
export async function sealAuditChain(db: Database): Promise<SealReport> {
  let sealed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
      if (!head) throw new Error('audit chain head is missing: the database was not migrated');
      const rows = await tx.select().from(auditEvents).where(isNull(auditEvents.hash)).orderBy(asc(auditEvents.id)).limit(SEAL_BATCH);
      if (rows.length === 0) return 0;
      const [last] = await tx.select({ seq: sql<number>`coalesce(max(${auditEvents.chainSeq}), 0)::bigint` }).from(auditEvents).where(isNotNull(auditEvents.chainSeq));
      let seq = Number(last?.seq ?? 0);
      let prev = head.hash;
      const ids: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      const seqs: number[] = [];
      for (const row of rows) {
        const hash = chainHash(prev, payloadOf(row));
        ids.push(row.id);
        prevs.push(prev);
        hashes.push(hash);
        seqs.push(++seq);
        prev = hash;
      }
      await tx.execute(sql`
        update audit_events a set prev_hash = v.prev_hash, hash = v.hash, chain_seq = v.seq
          from (select unnest(${`{${ids.join(',')}}`}::bigint[]) as id, unnest(${`{${prevs.join(',')}}`}::text[]) as prev_hash,
                       unnest(${`{${hashes.join(',')}}`}::text[]) as hash, unnest(${`{${seqs.join(',')}}`}::bigint[]) as seq) v
         where a.id = v.id and a.hash is null`);
      await tx.update(auditChainHead).set({ lastId: ids.at(-1)!, hash: prev }).where(eq(auditChainHead.id, 1));
      return rows.length;
    });
    sealed += n;
    if (n < SEAL_BATCH) return { sealed };
  }
}

/** Re-walks the sealed chain in its order; every row whose link or hash does not follow is reported. */
export async function verifyAuditChain(db: Database): Promise<{ checked: number; brokenAt: number | null; broken: number[] }> {
  const rows = await db.select().from(auditEvents).where(isNotNull(auditEvents.chainSeq)).orderBy(asc(auditEvents.chainSeq));
  let prev = 'genesis';
  const broken: number[] = [];
  for (const row of rows) {
    if (row.prevHash !== prev || chainHash(prev, payloadOf(row)) !== row.hash) broken.push(row.id);
    // Walk on from what the row says, so one altered row is reported once, not with every row after it.
    prev = row.hash ?? prev;
  }
  return { checked: rows.length, brokenAt: broken[0] ?? null, broken };
}
