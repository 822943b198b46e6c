import { date, integer, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PlainDate } from '../../domain/time/index.js';

/** Every editable record: who made it, when, and its version for refusing stale edits. */
export const recordColumns = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
});

/**
 * A statutory or calendar date (DESIGN.md: `date` columns are `PlainDate` in code). Both drivers
 * return 'YYYY-MM-DD' strings in mode 'string' (src/db/type-parsers.ts keeps raw SQL the same),
 * so selects come back typed as PlainDate and writes must pass one.
 */
export const dateColumn = (name: string) => date(name, { mode: 'string' }).$type<PlainDate>();
