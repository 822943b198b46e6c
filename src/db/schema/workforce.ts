import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { dateColumn } from './columns.js';

/** A service (e.g. "Children's Social Care") or a team within it; managers see down their line. */
export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull().unique(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    isFrontDoor: boolean('is_front_door').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (t) => [check('teams_kind', sql`${t.kind} in ('service', 'team')`)],
);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  passwordHash: text('password_hash').notNull(),
  teamId: uuid('team_id').references(() => teams.id),
  socialWorkEnglandNumber: text('social_work_england_number'),
  jobTitle: text('job_title'),
  agency: boolean('agency').notNull().default(false),
  /** Full-time equivalent, e.g. 1.0 or 0.6. */
  fte: numeric('fte', { precision: 3, scale: 2, mode: 'number' }).notNull().default(1),
  /** Case-holding worker: counted in caseloads. */
  caseHolding: boolean('case_holding').notNull().default(false),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie's token: a stolen database does not yield live session cookies. */
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    succeeded: boolean('succeeded').notNull(),
  },
  (t) => [index('sign_in_attempts_username_at').on(t.username, t.at), index('sign_in_attempts_ip_at').on(t.ip, t.at)],
);

/** A supervision of a worker by their manager. */
export const supervisions = pgTable(
  'supervisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => users.id),
    supervisorId: uuid('supervisor_id')
      .notNull()
      .references(() => users.id),
    supervisionDate: dateColumn('supervision_date').notNull(),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('supervisions_worker').on(t.workerId, t.supervisionDate)],
);

/** A child discussed in a supervision, with the decision and its rationale (it goes on the child's chronology). */
export const supervisionChildren = pgTable(
  'supervision_children',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    supervisionId: uuid('supervision_id')
      .notNull()
      .references(() => supervisions.id),
    personId: uuid('person_id').notNull(),
    decision: text('decision').notNull(),
    rationale: text('rationale'),
  },
  (t) => [index('supervision_children_person').on(t.personId), index('supervision_children_supervision').on(t.supervisionId)],
);

/**
 * A child's case moving from one team to another (assessment to child in need, to children in care,
 * to leaving care...), with its reason: the history of the responsible team. The allocations show
 * who held the case; this says why it moved.
 */
export const teamTransfers = pgTable(
  'team_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    fromTeamId: uuid('from_team_id').references(() => teams.id),
    toTeamId: uuid('to_team_id')
      .notNull()
      .references(() => teams.id),
    transferDate: dateColumn('transfer_date').notNull(),
    reasonCode: text('reason_code').notNull(),
    notes: text('notes'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('team_transfers_reason', sql`${t.reasonCode} in ('cin', 'looked-after', 'leaving-care', 'child-protection', 'other')`),
    index('team_transfers_person').on(t.personId, t.transferDate),
  ],
);
