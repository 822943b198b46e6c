import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { dateColumn, recordColumns } from './columns.js';
import { users } from './workforce.js';

/**
 * A child or a member of their family. Names align with the SSD's ssd_person. Children carry the
 * stable local-authority child ID used in the returns; adults need none.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The stable local-authority child ID used in the returns: at most 20 alphanumeric characters. */
    laChildId: text('la_child_id').unique(),
    isChild: boolean('is_child').notNull().default(true),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    dateOfBirth: dateColumn('date_of_birth'),
    expectedDateOfBirth: dateColumn('expected_date_of_birth'),
    sex: text('sex').notNull().default('U'),
    nhsNumber: text('nhs_number'),
    /** Unique pupil number (13 characters), or the reason it is unknown (UN1-UN7). */
    upn: text('upn'),
    upnUnknownReason: text('upn_unknown_reason'),
    /** 903/CIN ethnicity code (WBRI ... NOBT, REFU). */
    ethnicity: text('ethnicity'),
    deathDate: dateColumn('death_date'),
    /** Country of origin, recorded for unaccompanied asylum-seeking children. */
    nationality: text('nationality'),
    /** The school the child attends, as the front door was told (name; the DfE unique reference number, 6 digits, when known). */
    schoolName: text('school_name'),
    schoolUrn: text('school_urn'),
    /**
     * The name in its searchable form and its phonetic keys (src/db/search-name.ts), written with
     * the name. Null until computed: rows loaded in bulk or written by code that does not set them
     * are filled by fillSearchNames, and a change of name without them sets them back to null.
     */
    searchName: text('search_name'),
    searchKeys: text('search_keys').array(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('people_la_child_id', sql`${t.laChildId} is null or ${t.laChildId} ~ '^[A-Za-z0-9]{1,20}$'`),
    check('people_child_has_id', sql`not ${t.isChild} or ${t.laChildId} is not null`),
    check('people_upn', sql`${t.upn} is null or ${t.upn} ~ '^[A-Z][0-9]{11}[0-9A-Z]$'`),
    check('people_sex', sql`${t.sex} in ('M', 'F', 'U')`),
    check('people_nhs_number', sql`${t.nhsNumber} is null or ${t.nhsNumber} ~ '^[0-9]{10}$'`),
    check('people_school_urn', sql`${t.schoolUrn} is null or ${t.schoolUrn} ~ '^[0-9]{6}$'`),
    index('people_family_name').on(sql`lower(${t.familyName})`),
    index('people_dob').on(t.dateOfBirth),
    // An NHS number belongs to one person (issue 9): the duplicate check's backstop under concurrency.
    uniqueIndex('people_nhs_number').on(t.nhsNumber),
    index('people_upn').on(t.upn),
    index('people_expected_dob').on(t.expectedDateOfBirth).where(sql`${t.expectedDateOfBirth} is not null`),
    // Finding a child (src/features/search): trigram similarity on the name, phonetic keys, and
    // the rows whose search columns are still to be computed. No GIN pending list (fastupdate):
    // PGlite has no autovacuum to merge it, and every search would read it from end to end.
    index('people_search_name_trgm').using('gin', t.searchName.op('gin_trgm_ops')).with({ fastupdate: false }).where(sql`${t.isChild}`),
    index('people_search_keys').using('gin', t.searchKeys).with({ fastupdate: false }).where(sql`${t.isChild}`),
    index('people_search_name_missing').on(t.id).where(sql`${t.searchName} is null`),
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
    startDate: dateColumn('start_date').notNull(),
    endDate: dateColumn('end_date'),
    reason: text('reason'),
    /** SSDA903 SW_REASON for the change of worker (MANAGE, LEFTRL, ...). */
    changeReasonCode: text('change_reason_code'),
    /** 'CW' = allocated case worker (SSD involvements role); 'PA' = personal adviser. */
    role: text('role').notNull().default('CW'),
    createdBy: uuid('created_by'),
    /** When the allocation was keyed (its start date may be earlier); null for rows from before it was kept. */
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
  },
  (t) => [
    index('allocations_person').on(t.personId),
    index('allocations_worker').on(t.workerId),
    index('allocations_team').on(t.teamId),
    // Open allocations are a few hundred of tens of thousands: what every worktray and access check reads.
    index('allocations_open_person').on(t.personId).where(sql`${t.endDate} is null`),
    index('allocations_open_worker').on(t.workerId, t.personId).where(sql`${t.endDate} is null`),
    index('allocations_open_team').on(t.teamId, t.personId).where(sql`${t.endDate} is null`),
  ],
);

/** A family member or other person connected to the child, with parental responsibility where held. */
export const relationships = pgTable(
  'relationships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    relatedPersonId: uuid('related_person_id').notNull().references(() => people.id),
    /** How the related person stands to the child: mother, father, sibling, grandparent, step-parent, carer... */
    relationship: text('relationship').notNull(),
    parentalResponsibility: boolean('parental_responsibility').notNull().default(false),
    livesWithChild: boolean('lives_with_child').notNull().default(false),
    startDate: dateColumn('start_date'),
    endDate: dateColumn('end_date'),
    ...recordColumns(),
  },
  (t) => [index('relationships_person').on(t.personId), index('relationships_related').on(t.relatedPersonId)],
);

/** Where a person lives, as a timeline (SSD ssd_address). Postcodes are stored without the space. */
export const addresses = pgTable(
  'addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    addressType: text('address_type').notNull().default('home'),
    line1: text('line1').notNull(),
    line2: text('line2'),
    town: text('town').notNull(),
    postcode: text('postcode').notNull(),
    startDate: dateColumn('start_date').notNull(),
    endDate: dateColumn('end_date'),
    ...recordColumns(),
  },
  (t) => [index('addresses_person').on(t.personId), check('addresses_postcode', sql`${t.postcode} ~ '^[A-Z0-9]{5,7}$'`)],
);

/** CIN census disability codes, one row per code (SSD ssd_disability). */
export const disabilities = pgTable(
  'disabilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    code: text('code').notNull(),
    ...recordColumns(),
  },
  (t) => [uniqueIndex('disabilities_person_code').on(t.personId, t.code)],
);

/** Immigration status as a timeline; 'UASC' marks an unaccompanied asylum-seeking child (SSD ssd_immigration_status). */
export const immigrationStatuses = pgTable(
  'immigration_statuses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    status: text('status').notNull(),
    startDate: dateColumn('start_date').notNull(),
    endDate: dateColumn('end_date'),
    ...recordColumns(),
  },
  (t) => [index('immigration_statuses_person').on(t.personId)],
);

/** Case notes: append-only; a correction is a new note that supersedes, with its reason. */
export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    noteDate: dateColumn('note_date').notNull(),
    kind: text('kind').notNull().default('note'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    supersedesId: uuid('supersedes_id'),
    correctionReason: text('correction_reason'),
    ...recordColumns(),
  },
  (t) => [index('case_notes_person').on(t.personId, t.noteDate)],
);
