import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { dateColumn, recordColumns } from './columns.js';
import { cinEpisodes } from './front-door.js';
import { people } from './people.js';

/** A strategy discussion or meeting: reasonable cause to suspect significant harm. */
export const strategyDiscussions = pgTable(
  'strategy_discussions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    cinEpisodeId: uuid('cin_episode_id').notNull().references(() => cinEpisodes.id),
    discussionDate: dateColumn('discussion_date').notNull(),
    /** [{ agency: 'police', name: '...' }, ...] */
    attendees: jsonb('attendees').$type<{ agency: string; name: string | null }[]>().notNull().default(sql`'[]'::jsonb`),
    /** s47 | no_s47 */
    decision: text('decision').notNull(),
    rationale: text('rationale'),
    ...recordColumns(),
  },
  (t) => [index('strategy_discussions_person').on(t.personId), check('strategy_decision', sql`${t.decision} in ('s47', 'no_s47')`)],
);

/** A section 47 enquiry; it starts on the date of the strategy discussion that initiated it (CIN census S47ActualStartDate). */
export const s47Enquiries = pgTable(
  's47_enquiries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    cinEpisodeId: uuid('cin_episode_id').notNull().references(() => cinEpisodes.id),
    strategyDiscussionId: uuid('strategy_discussion_id').notNull().references(() => strategyDiscussions.id),
    startDate: dateColumn('start_date').notNull(),
    endDate: dateColumn('end_date'),
    /** substantiated_conference | substantiated_no_conference | not_substantiated */
    outcome: text('outcome'),
    icpcRequired: boolean('icpc_required'),
    ...recordColumns(),
  },
  (t) => [index('s47_enquiries_person').on(t.personId), check('s47_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`)],
);

/** The initial child protection conference; target date = strategy discussion + 15 working days. */
export const initialCpConferences = pgTable(
  'initial_cp_conferences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    cinEpisodeId: uuid('cin_episode_id').notNull().references(() => cinEpisodes.id),
    s47EnquiryId: uuid('s47_enquiry_id').references(() => s47Enquiries.id),
    transferIn: boolean('transfer_in').notNull().default(false),
    targetDate: dateColumn('target_date'),
    conferenceDate: dateColumn('conference_date').notNull(),
    planRequired: boolean('plan_required').notNull(),
    chairId: uuid('chair_id'),
    ...recordColumns(),
  },
  (t) => [index('icpc_person').on(t.personId), check('icpc_has_s47_or_transfer', sql`${t.s47EnquiryId} is not null or ${t.transferIn}`)],
);

/** A child protection plan, with its initial and latest category of abuse (NEG, PHY, SAB, EMO, MUL). */
export const cpPlans = pgTable(
  'cp_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    cinEpisodeId: uuid('cin_episode_id').notNull().references(() => cinEpisodes.id),
    icpcId: uuid('icpc_id').references(() => initialCpConferences.id),
    startDate: dateColumn('start_date').notNull(),
    endDate: dateColumn('end_date'),
    initialCategory: text('initial_category').notNull(),
    latestCategory: text('latest_category').notNull(),
    /** Plan held by another local authority (SSD cppl_cp_plan_ola). */
    otherLa: boolean('other_la').notNull().default(false),
    ...recordColumns(),
  },
  (t) => [
    index('cp_plans_person').on(t.personId),
    check('cp_plans_dates', sql`${t.endDate} is null or ${t.endDate} > ${t.startDate}`),
    check('cp_plans_category', sql`${t.initialCategory} in ('NEG', 'PHY', 'SAB', 'EMO', 'MUL') and ${t.latestCategory} in ('NEG', 'PHY', 'SAB', 'EMO', 'MUL')`),
  ],
);

/** A review child protection conference (SSD ssd_cp_reviews). */
export const cpReviews = pgTable(
  'cp_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    cpPlanId: uuid('cp_plan_id').notNull().references(() => cpPlans.id),
    dueDate: dateColumn('due_date'),
    reviewDate: dateColumn('review_date').notNull(),
    continuePlan: boolean('continue_plan').notNull(),
    quorate: boolean('quorate'),
    participation: text('participation'),
    ...recordColumns(),
  },
  (t) => [index('cp_reviews_person').on(t.personId), index('cp_reviews_plan').on(t.cpPlanId)],
);

/** A core group meeting of a CP plan. */
export const coreGroups = pgTable(
  'core_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    cpPlanId: uuid('cp_plan_id').notNull().references(() => cpPlans.id),
    meetingDate: dateColumn('meeting_date').notNull(),
    notes: text('notes'),
    ...recordColumns(),
  },
  (t) => [index('core_groups_person').on(t.personId), index('core_groups_plan').on(t.cpPlanId, t.meetingDate)],
);
