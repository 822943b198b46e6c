/**
 * The child protection area's SQL, writes included: strategy discussions, section 47 enquiries,
 * conferences, the plan, its reviews and core groups. Each runs in the caller's transaction; an
 * edit of a versioned row says whether it found the version it was given.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import type { PlainDate } from '../../domain/time/index.js';
import { cinPlans, coreGroups, cpPlans, cpReviews, initialCpConferences, s47Enquiries, strategyDiscussions } from '../../db/schema/index.js';

type New<T extends { $inferInsert: unknown }> = T['$inferInsert'];

async function one(rows: Promise<{ id: string }[]>): Promise<string> {
  const [row] = await rows;
  return row!.id;
}

export const insertStrategyDiscussion = (tx: Tx, values: New<typeof strategyDiscussions>) => one(tx.insert(strategyDiscussions).values(values).returning({ id: strategyDiscussions.id }));

export const insertS47 = (tx: Tx, values: New<typeof s47Enquiries>) => one(tx.insert(s47Enquiries).values(values).returning({ id: s47Enquiries.id }));

export async function recordS47Outcome(tx: Tx, id: string, version: number, set: Pick<New<typeof s47Enquiries>, 'endDate' | 'outcome' | 'icpcRequired'>): Promise<boolean> {
  const updated = await tx
    .update(s47Enquiries)
    .set({ ...set, version: sql`${s47Enquiries.version} + 1` })
    .where(and(eq(s47Enquiries.id, id), eq(s47Enquiries.version, version)))
    .returning({ id: s47Enquiries.id });
  return updated.length > 0;
}

export const insertInitialConference = (tx: Tx, values: New<typeof initialCpConferences>) => one(tx.insert(initialCpConferences).values(values).returning({ id: initialCpConferences.id }));

/** A child protection plan replaces a child in need plan (CIN census 4001: they never overlap): the CIN plan ends the day the CP plan starts. */
export async function endCinPlanForProtection(tx: Tx, cinPlanId: string, endDate: PlainDate): Promise<void> {
  await tx.update(cinPlans).set({ endDate, version: sql`${cinPlans.version} + 1` }).where(eq(cinPlans.id, cinPlanId));
}

export const insertCpPlan = (tx: Tx, values: New<typeof cpPlans>) => one(tx.insert(cpPlans).values(values).returning({ id: cpPlans.id }));

export const insertCpReview = (tx: Tx, values: New<typeof cpReviews>) => one(tx.insert(cpReviews).values(values).returning({ id: cpReviews.id }));

/** After a review conference: the plan's latest category, and its end if it does not continue. */
export async function updateCpPlan(tx: Tx, id: string, version: number, set: { latestCategory: string; endDate: PlainDate | null }): Promise<boolean> {
  const updated = await tx
    .update(cpPlans)
    .set({ ...set, version: sql`${cpPlans.version} + 1` })
    .where(and(eq(cpPlans.id, id), eq(cpPlans.version, version)))
    .returning({ id: cpPlans.id });
  return updated.length > 0;
}

export const insertCoreGroup = (tx: Tx, values: New<typeof coreGroups>) => one(tx.insert(coreGroups).values(values).returning({ id: coreGroups.id }));
