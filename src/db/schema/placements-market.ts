import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { dateColumn, recordColumns } from './columns.js';

/** A placement provider: a children's home, an IFA, supported accommodation, the in-house fostering service... */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** children_home | secure_home | ifa | in_house_fostering | supported_accommodation | residential_school | other */
    providerType: text('provider_type').notNull(),
    /** 903 PLACE_PROVIDER: PR1 own LA, PR2 other LA, PR3 other public, PR4 private, PR5 voluntary. */
    ownership: text('ownership').notNull(),
    ofstedUrn: text('ofsted_urn'),
    postcode: text('postcode'),
    localAuthorityArea: text('local_authority_area'),
    beds: integer('beds'),
    ...recordColumns(),
  },
  (t) => [check('providers_ownership', sql`${t.ownership} in ('PR1', 'PR2', 'PR3', 'PR4', 'PR5')`)],
);

/** A foster carer household and its approval. */
export const fosterCarers = pgTable(
  'foster_carers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    providerId: uuid('provider_id').references(() => providers.id),
    /** mainstream | kinship (connected person) | ffa (fostering for adoption) */
    carerType: text('carer_type').notNull(),
    approvedDate: dateColumn('approved_date'),
    approvalEndDate: dateColumn('approval_end_date'),
    temporaryApproval: boolean('temporary_approval').notNull().default(false),
    places: integer('places').notNull().default(1),
    postcode: text('postcode'),
    ...recordColumns(),
  },
  (t) => [index('foster_carers_provider').on(t.providerId)],
);

/** The weekly cost of a placement from a date (a change of fee starts a new row). */
export const placementCosts = pgTable(
  'placement_costs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: uuid('placement_id').notNull(),
    fromDate: dateColumn('from_date').notNull(),
    weeklyCost: numeric('weekly_cost', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    ...recordColumns(),
  },
  (t) => [index('placement_costs_placement').on(t.placementId, t.fromDate)],
);
