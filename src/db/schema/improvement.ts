import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { dateColumn, recordColumns } from './columns.js';
import { users } from './workforce.js';

/** What Ofsted (or the council's own review) said must improve: dated and sourced (issue 12). */
export const improvementRecommendations = pgTable(
  'improvement_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** "Ofsted focused visit", "Ofsted inspection (ILACS)", "Annual engagement meeting", "Self-assessment". */
    source: text('source').notNull(),
    madeOn: dateColumn('made_on').notNull(),
    /** The recommendation in the words it was made. */
    text: text('text').notNull(),
    ...recordColumns(),
  },
  (t) => [index('improvement_recommendations_made_on').on(t.madeOn)],
);

/** What the service is doing about a recommendation: owner, due date, status, RAG and the evidence that it is done. */
export const improvementActions = pgTable(
  'improvement_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => improvementRecommendations.id),
    action: text('action').notNull(),
    /** Who answers for it: a user, or a named post when the owner does not sign in to Hearth. */
    ownerId: uuid('owner_id').references(() => users.id),
    ownerName: text('owner_name').notNull(),
    dueOn: dateColumn('due_on').notNull(),
    status: text('status').notNull().default('not_started'),
    rag: text('rag').notNull().default('amber'),
    /** What has been done, in the committee's words: the second column of its table. */
    progress: text('progress'),
    /** The indicator (src/domain/indicators) that shows whether it worked, if one does. */
    indicatorId: text('indicator_id'),
    completedOn: dateColumn('completed_on'),
    ...recordColumns(),
  },
  (t) => [
    check('improvement_actions_status', sql`${t.status} in ('not_started', 'in_progress', 'done')`),
    check('improvement_actions_rag', sql`${t.rag} in ('red', 'amber', 'green')`),
    check('improvement_actions_completed', sql`(${t.status} = 'done') = (${t.completedOn} is not null)`),
    index('improvement_actions_recommendation').on(t.recommendationId),
  ],
);

/** Every change of an action's status, RAG or progress: its progress over time. */
export const improvementActionUpdates = pgTable(
  'improvement_action_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => improvementActions.id),
    updatedOn: dateColumn('updated_on').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
    status: text('status').notNull(),
    rag: text('rag').notNull(),
    progress: text('progress'),
  },
  (t) => [index('improvement_action_updates_action').on(t.actionId, t.updatedAt)],
);
