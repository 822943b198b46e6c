import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';

/**
 * The synthetic authority's deliberate, labelled faults (a late visit, a missing date, an
 * overlapping episode): the answer key that validation and worktrays are tested against.
 * Empty in a real authority's database.
 */
export const syntheticFaults = pgTable(
  'synthetic_faults',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    tableName: text('table_name').notNull(),
    recordId: uuid('record_id'),
    fault: text('fault').notNull(),
    description: text('description').notNull(),
  },
  (t) => [index('synthetic_faults_person').on(t.personId)],
);
