import { date, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every editable record: who made it, when, and its version for refusing stale edits. */
export const recordColumns = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
});

export const dateColumn = (name: string) => date(name, { mode: 'string' });
