/**
 * The child in need area's SQL, writes included: assessments, visits, the child in need plan and
 * its reviews, and the episode's closure. Each runs in the caller's transaction; an edit of a
 * versioned row says whether it found the version it was given (false: a colleague got there first).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import type { PlainDate } from '../../domain/time/index.js';
import { assessments, cinEpisodes, cinPlanReviews, cinPlans, visits } from '../../db/schema/index.js';

type New<T extends { $inferInsert: unknown }> = T['$inferInsert'];

async function one(rows: Promise<{ id: string }[]>): Promise<string> {
  const [row] = await rows;
  return row!.id;
}

export const insertAssessment = (tx: Tx, values: New<typeof assessments>) => one(tx.insert(assessments).values(values).returning({ id: assessments.id }));

export async function authoriseAssessment(
  tx: Tx,
  id: string,
  version: number,
  set: Pick<New<typeof assessments>, 'authorisedDate' | 'authorisedBy' | 'factors' | 'childSeen' | 'outcome' | 'outcomeNfa' | 'analysis'>,
): Promise<boolean> {
  const updated = await tx
    .update(assessments)
    .set({ ...set, version: sql`${assessments.version} + 1` })
    .where(and(eq(assessments.id, id), eq(assessments.version, version)))
    .returning({ id: assessments.id });
  return updated.length > 0;
}

export const insertVisit = (tx: Tx, values: New<typeof visits>) => one(tx.insert(visits).values(values).returning({ id: visits.id }));

export async function writeUpVisit(tx: Tx, id: string, version: number, set: { notes: string | null; details: Record<string, unknown>; writtenUpOn: PlainDate }): Promise<boolean> {
  const updated = await tx
    .update(visits)
    .set({ ...set, version: sql`${visits.version} + 1` })
    .where(and(eq(visits.id, id), eq(visits.version, version)))
    .returning({ id: visits.id });
  return updated.length > 0;
}

export const insertCinPlan = (tx: Tx, values: New<typeof cinPlans>) => one(tx.insert(cinPlans).values(values).returning({ id: cinPlans.id }));

export async function endCinPlan(tx: Tx, id: string, version: number, endDate: PlainDate): Promise<boolean> {
  const updated = await tx
    .update(cinPlans)
    .set({ endDate, version: sql`${cinPlans.version} + 1` })
    .where(and(eq(cinPlans.id, id), eq(cinPlans.version, version)))
    .returning({ id: cinPlans.id });
  return updated.length > 0;
}

export const insertCinPlanReview = (tx: Tx, values: New<typeof cinPlanReviews>) => one(tx.insert(cinPlanReviews).values(values).returning({ id: cinPlanReviews.id }));

export async function closeEpisode(tx: Tx, id: string, version: number, set: { closureDate: PlainDate; closureReason: string }): Promise<boolean> {
  const updated = await tx
    .update(cinEpisodes)
    .set({ ...set, version: sql`${cinEpisodes.version} + 1` })
    .where(and(eq(cinEpisodes.id, id), eq(cinEpisodes.version, version)))
    .returning({ id: cinEpisodes.id });
  return updated.length > 0;
}
