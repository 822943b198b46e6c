import { asc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/database.js';
import { auditChainHead, auditEvents } from '../../db/schema/index.js';
import type { Clock } from '../../domain/time/index.js';
import { type AuditPayload, chainHash } from './hash-chain.js';

export interface AuditEntry {
  userId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  personId?: string | null;
  detail?: Record<string, unknown> | null;
}

export type AuditService = ReturnType<typeof createAuditService>;

/**
 * Writes the audit row inside the caller's transaction: if it cannot be written the caller's
 * action fails with it. The chain head row is locked so that writers append one after another.
 */
export function createAuditService(db: Database, clock: Clock) {
  async function record(tx: Executor, entry: AuditEntry): Promise<void> {
    const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
    if (!head) throw new Error('audit chain head is missing: the database was not migrated');
    const payload: AuditPayload = {
      at: clock.now().toISOString(),
      userId: entry.userId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      personId: entry.personId ?? null,
      detail: entry.detail ?? null,
    };
    const hash = chainHash(head.hash, payload);
    const [row] = await tx
      .insert(auditEvents)
      .values({ ...payload, at: new Date(payload.at), prevHash: head.hash, hash })
      .returning({ id: auditEvents.id });
    await tx.update(auditChainHead).set({ lastId: row!.id, hash }).where(eq(auditChainHead.id, 1));
  }

  /** Re-walks the chain; returns the id of the first row whose hash does not follow, or null. */
  async function verifyChain(): Promise<{ checked: number; brokenAt: number | null }> {
    const rows = await db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    let prev = 'genesis';
    for (const row of rows) {
      const payload: AuditPayload = {
        at: row.at.toISOString(),
        userId: row.userId,
        action: row.action,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        personId: row.personId,
        detail: row.detail ?? null,
      };
      if (row.prevHash !== prev || chainHash(prev, payload) !== row.hash) return { checked: rows.length, brokenAt: row.id };
      prev = row.hash;
    }
    return { checked: rows.length, brokenAt: null };
  }

  async function eventsForPerson(personId: string) {
    return db.select().from(auditEvents).where(eq(auditEvents.personId, personId)).orderBy(asc(auditEvents.id));
  }

  async function count(): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    return row?.n ?? 0;
  }

  return { record, verifyChain, eventsForPerson, count };
}
