import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { dateColumn } from './columns.js';
import { people } from './people.js';
import { teams, users } from './workforce.js';

/** A contact: any enquiry or concern about a child received at the front door. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** CIN census ReferralSource code (1A...10). */
    source: text('source').notNull(),
    referrerName: text('referrer_name'),
    referrerOrganisation: text('referrer_organisation'),
    referrerContact: text('referrer_contact'),
    concerns: text('concerns').notNull(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    assignedWorkerId: uuid('assigned_worker_id').references(() => users.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    /** The CIN episode this contact belongs to: the one it opened, or the open one it was linked to. */
    cinEpisodeId: uuid('cin_episode_id'),
    decision: text('decision'),
    decisionRationale: text('decision_rationale'),
    decidedBy: uuid('decided_by').references(() => users.id),
    /** When the MASH decision was made (what its clocks and the returns use); `decisionRecordedAt` is when it was keyed. */
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionRecordedAt: timestamp('decision_recorded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check(
      'contacts_decision',
      sql`${t.decision} is null or ${t.decision} in ('nfa', 'advice', 'early_help', 'referral', 'strategy_discussion')`,
    ),
    check('contacts_decided', sql`(${t.decision} is null) = (${t.decidedAt} is null)`),
    index('contacts_person').on(t.personId),
    index('contacts_awaiting').on(t.teamId).where(sql`${t.decision} is null`),
  ],
);

/** Every RAG rating given to a contact; the latest is the current one, the rest are its history. */
export const contactRagRatings = pgTable(
  'contact_rag_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    rating: text('rating').notNull(),
    reason: text('reason'),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull(),
    ratedBy: uuid('rated_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [check('contact_rag_rating', sql`${t.rating} in ('red', 'amber', 'green')`), index('contact_rag_ratings_contact').on(t.contactId, t.ratedAt)],
);

/** A child in need episode: from referral to closure (CIN census CINdetails). Episodes never overlap. */
export const cinEpisodes = pgTable(
  'cin_episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    referralDate: dateColumn('referral_date').notNull(),
    referralSource: text('referral_source').notNull(),
    primaryNeedCode: text('primary_need_code').notNull(),
    referralDecision: text('referral_decision'),
    referralDecisionRationale: text('referral_decision_rationale'),
    referralDecidedBy: uuid('referral_decided_by').references(() => users.id),
    referralDecidedOn: dateColumn('referral_decided_on'),
    /** When the referral decision was keyed (it may be a later day than `referralDecidedOn`). */
    referralDecisionRecordedAt: timestamp('referral_decision_recorded_at', { withTimezone: true }),
    closureDate: dateColumn('closure_date'),
    closureReason: text('closure_reason'),
    teamId: uuid('team_id').references(() => teams.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('cin_episodes_primary_need', sql`${t.primaryNeedCode} ~ '^N[0-9]$'`),
    check('cin_episodes_referral_decision', sql`${t.referralDecision} is null or ${t.referralDecision} in ('assessment', 'strategy_discussion', 'nfa')`),
    check('cin_episodes_closure', sql`(${t.closureDate} is null) = (${t.closureReason} is null)`),
    check('cin_episodes_closure_after_referral', sql`${t.closureDate} is null or ${t.closureDate} >= ${t.referralDate}`),
    uniqueIndex('cin_episodes_one_open').on(t.personId).where(sql`${t.closureDate} is null`),
    index('cin_episodes_open_team').on(t.teamId).where(sql`${t.closureDate} is null`),
    index('cin_episodes_person').on(t.personId, t.referralDate),
  ],
);

