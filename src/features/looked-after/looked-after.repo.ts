/**
 * The looked-after area's SQL, writes included: periods of care, the legal status and placement
 * timelines, looked-after reviews, missing episodes, looked-after visits (in the one visits table),
 * health and PEPs, and the providers and foster carers a placement is chosen from. Each runs in the
 * caller's transaction; an edit of a versioned row says whether it found the version it was given.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/database.js';
import { carePlans, claReviews, fosterCarers, healthChecks, immunisations, legalStatuses, missingEpisodes, peps, periodsOfCare, placements, providers, sdqScores, visits } from '../../db/schema/index.js';
import type { PlainDate } from '../../domain/time/index.js';

type New<T extends { $inferInsert: unknown }> = T['$inferInsert'];

async function one(rows: Promise<{ id: string }[]>): Promise<string> {
  const [row] = await rows;
  return row!.id;
}

export const insertPeriod = (tx: Tx, values: New<typeof periodsOfCare>) => one(tx.insert(periodsOfCare).values(values).returning({ id: periodsOfCare.id }));
export const insertLegalStatus = (tx: Tx, values: New<typeof legalStatuses>) => one(tx.insert(legalStatuses).values(values).returning({ id: legalStatuses.id }));
export const insertPlacement = (tx: Tx, values: New<typeof placements>) => one(tx.insert(placements).values(values).returning({ id: placements.id }));
export const insertReview = (tx: Tx, values: New<typeof claReviews>) => one(tx.insert(claReviews).values(values).returning({ id: claReviews.id }));
export const insertMissing = (tx: Tx, values: New<typeof missingEpisodes>) => one(tx.insert(missingEpisodes).values(values).returning({ id: missingEpisodes.id }));
export const insertVisit = (tx: Tx, values: New<typeof visits>) => one(tx.insert(visits).values(values).returning({ id: visits.id }));
export const insertHealthCheck = (tx: Tx, values: New<typeof healthChecks>) => one(tx.insert(healthChecks).values(values).returning({ id: healthChecks.id }));
export const insertImmunisations = (tx: Tx, values: New<typeof immunisations>) => one(tx.insert(immunisations).values(values).returning({ id: immunisations.id }));
export const insertSdq = (tx: Tx, values: New<typeof sdqScores>) => one(tx.insert(sdqScores).values(values).returning({ id: sdqScores.id }));
export const insertCarePlan = (tx: Tx, values: New<typeof carePlans>) => one(tx.insert(carePlans).values(values).returning({ id: carePlans.id }));

/** Ends the period's open care plans the day the new one starts: one care plan at a time. */
export async function endCarePlans(tx: Tx, periodOfCareId: string, endDate: PlainDate): Promise<string[]> {
  const rows = await tx
    .update(carePlans)
    .set({ endDate, version: sql`${carePlans.version} + 1` })
    .where(and(eq(carePlans.periodOfCareId, periodOfCareId), isNull(carePlans.endDate)))
    .returning({ id: carePlans.id });
  return rows.map((r) => r.id);
}

/** Records when the placement plan was agreed; false when the placement is not at this version. */
export async function agreePlacementPlan(tx: Tx, id: string, version: number, placementPlanDate: PlainDate): Promise<boolean> {
  const rows = await tx
    .update(placements)
    .set({ placementPlanDate, version: sql`${placements.version} + 1` })
    .where(and(eq(placements.id, id), eq(placements.version, version)))
    .returning({ id: placements.id });
  return rows.length === 1;
}

export const insertPep = (tx: Tx, values: New<typeof peps>) => one(tx.insert(peps).values(values).returning({ id: peps.id }));

/**
 * A change to the period's timelines (a legal status, a placement) moves the period's version on:
 * a form opened before another change is stale. False when the period is not at this version.
 */
export async function touchPeriod(tx: Tx, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .update(periodsOfCare)
    .set({ version: sql`${periodsOfCare.version} + 1` })
    .where(and(eq(periodsOfCare.id, id), eq(periodsOfCare.version, version)))
    .returning({ id: periodsOfCare.id });
  return rows.length === 1;
}

export async function endLegalStatus(tx: Tx, id: string, endDate: PlainDate): Promise<void> {
  await tx.update(legalStatuses).set({ endDate, version: sql`${legalStatuses.version} + 1` }).where(eq(legalStatuses.id, id));
}

/** Ends the placement on `endDate` with the SSDA903 reason for the change (REASON_PLACE_CHANGE). */
export async function endPlacement(tx: Tx, id: string, endDate: PlainDate, changeReason: string): Promise<void> {
  await tx.update(placements).set({ endDate, changeReason, version: sql`${placements.version} + 1` }).where(eq(placements.id, id));
}

export async function updateMissing(
  tx: Tx,
  id: string,
  version: number,
  set: { endDate?: PlainDate; returnedAt?: Date; strategyMeetingDate?: PlainDate; seniorManagerNotified?: boolean | null },
): Promise<boolean> {
  const rows = await tx
    .update(missingEpisodes)
    .set({ ...set, version: sql`${missingEpisodes.version} + 1` })
    .where(and(eq(missingEpisodes.id, id), eq(missingEpisodes.version, version)))
    .returning({ id: missingEpisodes.id });
  return rows.length === 1;
}

export async function recordReturnInterview(
  tx: Tx,
  id: string,
  version: number,
  set: { rhiOffered: boolean; rhiOfferedDate: PlainDate | null; rhiOfferedAt: Date | null; rhiAccepted: boolean | null; rhiBy: string | null },
): Promise<boolean> {
  const rows = await tx
    .update(missingEpisodes)
    .set({ ...set, version: sql`${missingEpisodes.version} + 1` })
    .where(and(eq(missingEpisodes.id, id), eq(missingEpisodes.version, version)))
    .returning({ id: missingEpisodes.id });
  return rows.length === 1;
}

/** A provider or foster carer a placement may be made with, and the SSDA903 PLACE_PROVIDER it implies. */
export interface PlacementOption {
  kind: 'provider' | 'carer';
  id: string;
  name: string;
  /** SSDA903 PLACE_PROVIDER (PR1-PR5): the provider's ownership, or the carer's agency's (own LA when none). */
  ownership: string;
  postcode: string | null;
  urn: string | null;
  detail: string | null;
}

/** Every provider and every approved foster carer, by name: the placement forms' choices. */
export async function placementOptions(tx: Executor): Promise<PlacementOption[]> {
  const ps = await tx.select().from(providers).orderBy(asc(providers.name));
  const carers = await tx.select({ carer: fosterCarers, agency: providers.name, ownership: providers.ownership }).from(fosterCarers).leftJoin(providers, eq(providers.id, fosterCarers.providerId)).orderBy(asc(fosterCarers.name));
  return [
    ...carers.map(({ carer, agency, ownership }) => ({ kind: 'carer' as const, id: carer.id, name: carer.name, ownership: ownership ?? 'PR1', postcode: carer.postcode, urn: null, detail: agency })),
    ...ps.map((p) => ({ kind: 'provider' as const, id: p.id, name: p.name, ownership: p.ownership, postcode: p.postcode, urn: p.ofstedUrn, detail: p.localAuthorityArea })),
  ];
}

/** One provider or carer by id (null if there is none). */
export async function placementOption(tx: Executor, kind: 'provider' | 'carer', id: string): Promise<PlacementOption | null> {
  if (kind === 'provider') {
    const [p] = await tx.select().from(providers).where(inArray(providers.id, [id]));
    return p ? { kind, id: p.id, name: p.name, ownership: p.ownership, postcode: p.postcode, urn: p.ofstedUrn, detail: p.localAuthorityArea } : null;
  }
  const [c] = await tx.select({ carer: fosterCarers, agency: providers.name, ownership: providers.ownership }).from(fosterCarers).leftJoin(providers, eq(providers.id, fosterCarers.providerId)).where(eq(fosterCarers.id, id));
  return c ? { kind, id: c.carer.id, name: c.carer.name, ownership: c.ownership ?? 'PR1', postcode: c.carer.postcode, urn: null, detail: c.agency } : null;
}
