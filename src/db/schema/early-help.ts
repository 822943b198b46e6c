import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { dateColumn, recordColumns } from './columns.js';
import { contacts } from './front-door.js';
import { people } from './people.js';
import { teams, users } from './workforce.js';

/**
 * Early help: voluntary support below the statutory threshold (SSD ssd_early_help_episodes; Annex A
 * list 2). Opened by the MASH decision "early help" or by a step down from children's social care;
 * ended by closure with an outcome or by a step up (docs/early-help.md).
 */
export const earlyHelpEpisodes = pgTable(
  'early_help_episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    startDate: dateColumn('start_date').notNull(),
    endDate: dateColumn('end_date'),
    reason: text('reason'),
    /** The closure outcome (src/domain/early-help/codes.ts: outcomes met, step up, no further action...). */
    endReason: text('end_reason'),
    organisation: text('organisation'),
    /** The lead practitioner. */
    workerId: uuid('worker_id'),
    assessmentStartDate: dateColumn('assessment_start_date'),
    assessmentCompletedDate: dateColumn('assessment_completed_date'),
    /** The early help team holding the episode. */
    teamId: uuid('team_id').references(() => teams.id),
    /** The service offered (src/domain/early-help/codes.ts: targeted family support, family hub...). */
    service: text('service'),
    /** How it began: the MASH decision on this contact, or a step down from this child in need episode. */
    fromContactId: uuid('from_contact_id').references(() => contacts.id),
    steppedDownFromEpisodeId: uuid('stepped_down_from_episode_id'),
    /** A step up: the contact made to the front door for children's social care. */
    stepUpContactId: uuid('step_up_contact_id').references(() => contacts.id),
    closureSummary: text('closure_summary'),
    ...recordColumns(),
  },
  (t) => [
    index('early_help_episodes_person').on(t.personId),
    uniqueIndex('early_help_episodes_one_open').on(t.personId).where(sql`${t.endDate} is null`),
    index('early_help_episodes_open_team').on(t.teamId).where(sql`${t.endDate} is null`),
    index('early_help_episodes_open_worker').on(t.workerId).where(sql`${t.endDate} is null`),
    check('early_help_episodes_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check('early_help_episodes_ended', sql`(${t.endDate} is null) = (${t.endReason} is null)`),
  ],
);

/** A review of an early help plan with the family (a local standard: every 6 weeks by default). */
export const earlyHelpReviews = pgTable(
  'early_help_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    episodeId: uuid('episode_id').notNull().references(() => earlyHelpEpisodes.id),
    reviewDate: dateColumn('review_date').notNull(),
    /** continue | step_down_universal | step_up | close */
    outcome: text('outcome').notNull(),
    notes: text('notes').notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    ...recordColumns(),
  },
  (t) => [index('early_help_reviews_person').on(t.personId), index('early_help_reviews_episode').on(t.episodeId)],
);
