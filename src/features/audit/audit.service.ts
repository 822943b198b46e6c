import { asc, eq, sql } from 'drizzle-orm';
import { type Database, type Executor, rowsOf } from '../../db/database.js';
import { auditEvents } from '../../db/schema/index.js';
import type { Clock } from '../../domain/time/index.js';
import { type SealReport, sealAuditChain, verifyAuditChain } from './audit-sealer.js';

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
 * action fails with it. The row is one INSERT with no lock: the sealer (audit-sealer.ts) chains
 * committed rows afterwards, so views no longer queue one behind another on the chain's head.
 */
export function createAuditService(db: Database, clock: Clock) {
  async function record(tx: Executor, entry: AuditEntry): Promise<void> {
    const detail = entry.detail ? JSON.stringify(entry.detail) : null;
    // Written only while the chain's head exists: a database whose chain is broken fails closed.
    const result = await tx.execute(sql`
      insert into ${auditEvents} (at, user_id, action, subject_type, subject_id, person_id, detail)
      select ${clock.now().toISOString()}::timestamptz, ${entry.userId}::uuid, ${entry.action}, ${entry.subjectType}, ${entry.subjectId ?? null},
             ${entry.personId ?? null}::uuid, ${detail}::jsonb
       where exists (select 1 from audit_chain_head where id = 1)
      returning id`);
    if (rowsOf(result).length !== 1) throw new Error('audit chain head is missing: the database was not migrated');
  }

  /** Chains every committed unsealed row (the server does this every second; see audit-sealer.ts). */
  async function seal(): Promise<SealReport> {
    return sealAuditChain(db);
  }

  /**
   * Seals what is waiting, then re-walks the chain. `brokenAt` is the first row whose hash does not
   * follow (null when whole); `broken` lists every such row.
   */
  async function verifyChain(): Promise<{ checked: number; brokenAt: number | null; broken: number[] }> {
    await seal();
    return verifyAuditChain(db);
  }

  async function eventsForPerson(personId: string) {
    return db.select().from(auditEvents).where(eq(auditEvents.personId, personId)).orderBy(asc(auditEvents.id));
  }

  async function count(): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    return row?.n ?? 0;
  }

  return { record, seal, verifyChain, eventsForPerson, count };
}
