import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { dateColumn, recordColumns } from './columns.js';
import { people } from './people.js';

/** A young person's care-leaver status as a timeline: eligible, relevant, former relevant, qualifying. */
export const careLeavers = pgTable(
  'care_leavers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    eligibility: text('eligibility').notNull(),
    startDate: dateColumn('start_date').notNull(),
    endDate: dateColumn('end_date'),
    personalAdviserId: uuid('personal_adviser_id'),
    /** The needs assessment (CPR 2010 reg 42): within 3 months of the 16th birthday or of becoming eligible. */
    needsAssessmentDate: dateColumn('needs_assessment_date'),
    ...recordColumns(),
  },
  (t) => [index('care_leavers_person').on(t.personId), check('care_leavers_eligibility', sql`${t.eligibility} in ('eligible', 'relevant', 'former_relevant', 'qualifying')`)],
);

/** Pathway plans, reviewed at least every 6 months. */
export const pathwayPlans = pgTable(
  'pathway_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    planDate: dateColumn('plan_date').notNull(),
    isReview: boolean('is_review').notNull().default(false),
    ...recordColumns(),
  },
  (t) => [index('pathway_plans_person').on(t.personId, t.planDate)],
);

/** Keeping in touch: each contact with a care leaver, with their activity (903 ACTIV) and accommodation (ACCOM). */
export const careLeaverContacts = pgTable(
  'care_leaver_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    contactDate: dateColumn('contact_date').notNull(),
    /** 903 IN_TOUCH: YES, NO, DIED, REFU, NREQ, RHOM */
    inTouch: text('in_touch').notNull(),
    activity: text('activity'),
    accommodation: text('accommodation'),
    accommodationSuitable: boolean('accommodation_suitable'),
    ...recordColumns(),
  },
  (t) => [index('care_leaver_contacts_person').on(t.personId, t.contactDate)],
);
