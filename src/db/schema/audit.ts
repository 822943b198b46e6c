import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every view and every change of a child's record, and every sign-in, in one append-only,
 * hash-chained log. A trigger (see the migration) refuses UPDATE and DELETE.
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
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_person').on(t.personId, t.at),
    index('audit_events_user').on(t.userId, t.at),
    // The latest of one kind of event (the administrator's home: recent changes to users and teams)
    // without walking back through every view of every child.
    index('audit_events_action').on(t.action, t.id),
  ],
);

/** One row: the head of the audit hash chain, locked by each writer so the chain stays linear. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  lastId: integer('last_id').notNull(),
  hash: text('hash').notNull(),
});
