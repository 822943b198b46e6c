import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { dateColumn, recordColumns } from './columns.js';
import { cinEpisodes } from './front-door.js';
import { people } from './people.js';

/** Child and family (single) assessment within a CIN episode (SSD ssd_cin_assessments + ssd_assessment_factors). */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    cinEpisodeId: uuid('cin_episode_id').notNull().references(() => cinEpisodes.id),
    startDate: dateColumn('start_date').notNull(),
    childSeen: boolean('child_seen'),
    /** CIN census FactorsIdentifiedAtAssessment codes, e.g. ['1B', '3A']; '21' = no factors. */
    factors: text('factors').array().notNull().default(sql`'{}'::text[]`),
    authorisedDate: dateColumn('authorised_date'),
    authorisedBy: uuid('authorised_by'),
    /** nfa | cin_plan | strategy_discussion | looked_after | early_help | other */
    outcome: text('outcome'),
    outcomeNfa: boolean('outcome_nfa'),
    /** The social worker's analysis (what the assessment found and why the outcome), recorded when it is authorised. */
    analysis: text('analysis'),
    teamId: uuid('team_id'),
    workerId: uuid('worker_id'),
    ...recordColumns(),
  },
  (t) => [index('assessments_person').on(t.personId), index('assessments_episode').on(t.cinEpisodeId), check('assessments_authorised_after_start', sql`${t.authorisedDate} is null or ${t.authorisedDate} >= ${t.startDate}`)],
);

/** A child in need plan (SSD ssd_cin_plans); never overlaps a CP plan (CIN census rule 4001). */
export const cinPlans = pgTable(
  'cin_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    cinEpisodeId: uuid('cin_episode_id').notNull().references(() => cinEpisodes.id),
    startDate: dateColumn('start_date').notNull(),
    endDate: dateColumn('end_date'),
    teamId: uuid('team_id'),
    workerId: uuid('worker_id'),
    ...recordColumns(),
  },
  (t) => [index('cin_plans_person').on(t.personId), check('cin_plans_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`)],
);

/** CIN plan reviews (3-monthly by local standard). */
export const cinPlanReviews = pgTable(
  'cin_plan_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    cinPlanId: uuid('cin_plan_id').notNull().references(() => cinPlans.id),
    reviewDate: dateColumn('review_date').notNull(),
    outcome: text('outcome'),
    ...recordColumns(),
  },
  (t) => [index('cin_plan_reviews_person').on(t.personId), index('cin_plan_reviews_plan').on(t.cinPlanId)],
);

/**
 * A statutory visit to a child, whatever plan they are on (SSD ssd_cin_visits, ssd_cp_visits,
 * ssd_cla_visits are views of this table by `visit_type`). One routine form for social workers.
 */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    /** cin | cp | cla | care_leaver | other */
    visitType: text('visit_type').notNull(),
    visitDate: dateColumn('visit_date').notNull(),
    childSeen: boolean('child_seen').notNull(),
    childSeenAlone: boolean('child_seen_alone').notNull().default(false),
    bedroomSeen: boolean('bedroom_seen').notNull().default(false),
    /** When the visit was written up (recording standard: within 2 working days). */
    writtenUpOn: dateColumn('written_up_on'),
    notes: text('notes'),
    workerId: uuid('worker_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    ...recordColumns(),
  },
  (t) => [index('visits_person_date').on(t.personId, t.visitDate), check('visits_type', sql`${t.visitType} in ('cin', 'cp', 'cla', 'care_leaver', 'other')`)],
);
