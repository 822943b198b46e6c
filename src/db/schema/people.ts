import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './workforce.js';

/** A child (or, later, a family member). Names align with the SSD's ssd_person. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The stable local-authority child ID used in the returns: at most 20 alphanumeric characters. */
    laChildId: text('la_child_id').notNull().unique(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    expectedDateOfBirth: date('expected_date_of_birth', { mode: 'string' }),
    sex: text('sex').notNull().default('U'),
    nhsNumber: text('nhs_number'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('people_la_child_id', sql`${t.laChildId} ~ '^[A-Za-z0-9]{1,20}$'`),
    check('people_sex', sql`${t.sex} in ('M', 'F', 'U')`),
    check('people_nhs_number', sql`${t.nhsNumber} is null or ${t.nhsNumber} ~ '^[0-9]{10}$'`),
    index('people_family_name').on(sql`lower(${t.familyName})`),
    index('people_dob').on(t.dateOfBirth),
    index('people_nhs_number').on(t.nhsNumber),
  ],
);

/** Which worker and team hold a child's case, and since when; a reallocation ends one row and starts another. */
export const allocations = pgTable(
  'allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    workerId: uuid('worker_id').references(() => users.id),
    teamId: uuid('team_id').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    reason: text('reason'),
  },
  (t) => [index('allocations_person').on(t.personId), index('allocations_worker').on(t.workerId), index('allocations_team').on(t.teamId)],
);
