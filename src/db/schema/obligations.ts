import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { dateColumn } from './columns.js';

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
    dueOn: dateColumn('due_on'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    metOn: dateColumn('met_on'),
    lapsedOn: dateColumn('lapsed_on'),
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

