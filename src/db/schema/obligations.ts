import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Each child's obligations as last computed by the rules in src/domain/obligations, replaced in
 * the same transaction as any write that touches the child. Worktrays, compliance and indicators
 * read these rows; whether an item is overdue is judged against today when read.
 */
export const obligations = pgTable(
  'obligations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    rule: text('rule').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    metOn: date('met_on', { mode: 'string' }),
    lapsedOn: date('lapsed_on', { mode: 'string' }),
    basis: text('basis').notNull(),
    source: text('source').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('obligations_person').on(t.personId),
    index('obligations_open_due').on(t.dueOn).where(sql`${t.metOn} is null and ${t.lapsedOn} is null`),
    index('obligations_open_person').on(t.personId).where(sql`${t.metOn} is null and ${t.lapsedOn} is null`),
    index('obligations_rule_due').on(t.rule, t.dueOn),
  ],
);

