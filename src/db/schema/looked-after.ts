import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { dateColumn, recordColumns } from './columns.js';
import { people } from './people.js';
import { fosterCarers, providers } from './placements-market.js';

/**
 * A period of care: from becoming looked after to ceasing (SSD clae_cla_id). Legal statuses and
 * placements are separate timelines within it; SSDA903 episodes are derived, never stored.
 */
export const periodsOfCare = pgTable(
  'periods_of_care',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    startDate: dateColumn('start_date').notNull(),
    endDate: dateColumn('end_date'),
    /** SSDA903 REC of the last episode (E11 ... E8); never X1. */
    reasonEnded: text('reason_ended'),
    /** SSDA903 CIN category of need (N1-N8), fixed for the period (903 rule 504). */
    categoryOfNeed: text('category_of_need').notNull(),
    uasc: boolean('uasc').notNull().default(false),
    homePostcode: text('home_postcode'),
    ...recordColumns(),
  },
  (t) => [
    index('periods_of_care_person').on(t.personId, t.startDate),
    check('periods_of_care_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check('periods_of_care_ended', sql`(${t.endDate} is null) = (${t.reasonEnded} is null)`),
  ],
);

/** A legal status (903 LS: C1, C2, E1, V2, V3, V4, J1-J3, L1-L3...) as a timeline within a period of care. */
export const legalStatuses = pgTable(
  'legal_statuses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    periodOfCareId: uuid('period_of_care_id').notNull().references(() => periodsOfCare.id),
    code: text('code').notNull(),
    startDate: dateColumn('start_date').notNull(),
    endDate: dateColumn('end_date'),
    ...recordColumns(),
  },
  (t) => [index('legal_statuses_person').on(t.personId), index('legal_statuses_period').on(t.periodOfCareId, t.startDate)],
);

/** A placement (903 PLACE, PLACE_PROVIDER, PL_POST, URN) as a timeline within a period of care. */
export const placements = pgTable(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    periodOfCareId: uuid('period_of_care_id').notNull().references(() => periodsOfCare.id),
    placementType: text('placement_type').notNull(),
    provider: text('provider'),
    providerId: uuid('provider_id').references(() => providers.id),
    fosterCarerId: uuid('foster_carer_id').references(() => fosterCarers.id),
    postcode: text('postcode'),
    urn: text('urn'),
    startDate: dateColumn('start_date').notNull(),
    endDate: dateColumn('end_date'),
    /** 903 REASON_PLACE_CHANGE, recorded on the placement that ends. */
    changeReason: text('change_reason'),
    /** Why this placement was chosen for this child (the matching): required when a placement is recorded in Hearth. */
    matchingRationale: text('matching_rationale'),
    /** Intended to last until 18 (long-term): reg 28 visits may then be 3-monthly after the first year. */
    longTerm: boolean('long_term').notNull().default(false),
    /** When the placement plan was agreed with the carer (reg 9: before the placement, or within 5 working days of its start). */
    placementPlanDate: dateColumn('placement_plan_date'),
    /** Weekly cost in pounds at the start; changes are in placement_costs. */
    weeklyCost: numeric('weekly_cost', { precision: 10, scale: 2, mode: 'number' }),
    ...recordColumns(),
  },
  (t) => [index('placements_period').on(t.periodOfCareId, t.startDate), index('placements_person').on(t.personId), check('placements_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`)],
);

/** A looked-after child review (reg 33), with the 903 participation code PN0-PN7. */
export const claReviews = pgTable(
  'cla_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    periodOfCareId: uuid('period_of_care_id').notNull().references(() => periodsOfCare.id),
    dueDate: dateColumn('due_date'),
    reviewDate: dateColumn('review_date').notNull(),
    participation: text('participation'),
    iroId: uuid('iro_id'),
    /** The review's decisions and recommendations, as the IRO recorded them. */
    decisions: text('decisions'),
    /** The IRO's letter to the child about the review, written to them. */
    letterToChild: text('letter_to_child'),
    cancelled: boolean('cancelled').notNull().default(false),
    ...recordColumns(),
  },
  (t) => [index('cla_reviews_person').on(t.personId, t.reviewDate)],
);

/** Health assessments (initial and review) and dental checks (SSD ssd_cla_health). */
export const healthChecks = pgTable(
  'health_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    /** initial_health_assessment | review_health_assessment | dental_check | development_check */
    checkType: text('check_type').notNull(),
    checkDate: dateColumn('check_date').notNull(),
    /** completed | refused | cancelled | planned */
    status: text('status').notNull().default('completed'),
    ...recordColumns(),
  },
  (t) => [index('health_checks_person').on(t.personId, t.checkType, t.checkDate)],
);

export const immunisations = pgTable(
  'immunisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    upToDate: boolean('up_to_date').notNull(),
    statusDate: dateColumn('status_date').notNull(),
    ...recordColumns(),
  },
  (t) => [index('immunisations_person').on(t.personId, t.statusDate)],
);

/** Strengths and Difficulties Questionnaire: a score 0-40, or the 903 reason SDQ1-SDQ5 it was not done. */
export const sdqScores = pgTable(
  'sdq_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    completedDate: dateColumn('completed_date').notNull(),
    score: integer('score'),
    reason: text('reason'),
    ...recordColumns(),
  },
  (t) => [index('sdq_scores_person').on(t.personId), check('sdq_score_or_reason', sql`(${t.score} is null) <> (${t.reason} is null) and (${t.score} is null or ${t.score} between 0 and 40)`)],
);

/** Personal education plans, reviewed each term. */
export const peps = pgTable(
  'peps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    pepDate: dateColumn('pep_date').notNull(),
    school: text('school'),
    quality: text('quality'),
    /** The PEP's targets, as agreed at the meeting. */
    targets: text('targets'),
    ...recordColumns(),
  },
  (t) => [index('peps_person').on(t.personId, t.pepDate)],
);

/** Missing (M) and away without authorisation (A) episodes, with the return home interview. */
export const missingEpisodes = pgTable(
  'missing_episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    missingType: text('missing_type').notNull(),
    startDate: dateColumn('start_date').notNull(),
    endDate: dateColumn('end_date'),
    rhiOffered: boolean('rhi_offered'),
    rhiOfferedDate: dateColumn('rhi_offered_date'),
    rhiAccepted: boolean('rhi_accepted'),
    /** When the child went missing or away (start_date is its London date, as the 903 returns it). */
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** When the child returned (end_date is its London date). */
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    reportedToPolice: boolean('reported_to_police'),
    /** When the return home interview was offered (rhi_offered_date is its London date). */
    rhiOfferedAt: timestamp('rhi_offered_at', { withTimezone: true }),
    /** Who holds (or held) the return home interview: an independent service, a worker. */
    rhiBy: text('rhi_by'),
    /** The strategy meeting held when the local triggers fired (absent too long, or missing repeatedly). */
    strategyMeetingDate: dateColumn('strategy_meeting_date'),
    /** Whether the senior manager was told of the strategy meeting (local missing protocol). */
    seniorManagerNotified: boolean('senior_manager_notified'),
    ...recordColumns(),
  },
  (t) => [index('missing_episodes_person').on(t.personId, t.startDate), check('missing_type', sql`${t.missingType} in ('M', 'A')`)],
);

/** The care plan and its permanence plan(s) (SSD ssd_cla_care_plan; Annex A list 8 values). */
export const carePlans = pgTable(
  'care_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    periodOfCareId: uuid('period_of_care_id').notNull().references(() => periodsOfCare.id),
    startDate: dateColumn('start_date').notNull(),
    endDate: dateColumn('end_date'),
    permanencePlans: text('permanence_plans').array().notNull().default(sql`'{}'::text[]`),
    ...recordColumns(),
  },
  (t) => [index('care_plans_person').on(t.personId)],
);

/** Adoption and other permanence decisions (SSD ssd_permanence; 903 AD1, PlacedAdoption). */
export const permanence = pgTable(
  'permanence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    periodOfCareId: uuid('period_of_care_id').references(() => periodsOfCare.id),
    admDecisionDate: dateColumn('adm_decision_date'),
    placementOrderDate: dateColumn('placement_order_date'),
    matchedDate: dateColumn('matched_date'),
    placedForAdoptionDate: dateColumn('placed_for_adoption_date'),
    decisionReversedDate: dateColumn('decision_reversed_date'),
    decisionReversedReason: text('decision_reversed_reason'),
    permanenceOrderDate: dateColumn('permanence_order_date'),
    /** adoption | sgo | cao */
    permanenceOrderType: text('permanence_order_type'),
    adoptedByCarer: boolean('adopted_by_carer'),
    adopters: jsonb('adopters').$type<{ number: number; sex: string; legalStatus: string }>(),
    ...recordColumns(),
  },
  (t) => [index('permanence_person').on(t.personId)],
);

/** 903 PrevPerm: a previous permanence order for a child starting care; the date may be partly unknown ('zz'). */
export const previousPermanence = pgTable('previous_permanence', {
  id: uuid('id').primaryKey().defaultRandom(),
  personId: uuid('person_id').notNull().references(() => people.id),
  option: text('option').notNull(),
  la: text('la'),
  orderDate: text('order_date'),
  ...recordColumns(),
});

/** 903 OC2 items kept as events: convictions and substance misuse. */
export const claOutcomeEvents = pgTable(
  'cla_outcome_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    /** conviction | substance_misuse | intervention_offered | intervention_received */
    kind: text('kind').notNull(),
    eventDate: dateColumn('event_date').notNull(),
    detail: text('detail'),
    ...recordColumns(),
  },
  (t) => [index('cla_outcome_events_person').on(t.personId)],
);
