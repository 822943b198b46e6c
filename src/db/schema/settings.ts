import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './workforce.js';

/** Local norms that an administrator may change (RAG clock hours, visit frequencies...). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/**
 * One row per submitted create form (its hidden token), written in the same transaction as the
 * record: a second submission of the same form finds the row and goes to what the first created.
 */
export const formSubmissions = pgTable('form_submissions', {
  token: uuid('token').primaryKey(),
  userId: uuid('user_id').notNull(),
  resultPath: text('result_path').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
