import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Every view and every change of a child's record, and every sign-in, in one append-only,
 * hash-chained log. A trigger (see migrations 0001 and 0009) refuses UPDATE and DELETE, but for
 * sealing: a row is written in its own transaction without a hash, and the sealer
 * (features/audit/audit-sealer.ts) chains committed rows in order, setting prev_hash, hash and
 * chain_seq once.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: uuid('user_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    personId: uuid('person_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    /** Null until sealed. */
    prevHash: text('prev_hash'),
    hash: text('hash'),
    /** The row's place in the chain (sealing order), null until sealed. */
    chainSeq: bigint('chain_seq', { mode: 'number' }),
  },
  (t) => [
    index('audit_events_person').on(t.personId, t.at),
    index('audit_events_user').on(t.userId, t.at),
    uniqueIndex('audit_events_chain_seq').on(t.chainSeq),
    index('audit_events_unsealed').on(t.id).where(sql`${t.hash} is null`),
    // The latest of one kind of event (the administrator's home: recent changes to users and teams)
    // without walking back through every view of every child.
    index('audit_events_action').on(t.action, t.id),
  ],
);

/** One row: the head of the audit hash chain (the last sealed row), locked by the sealer so the chain stays linear. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  lastId: integer('last_id').notNull(),
  hash: text('hash').notNull(),
});
