import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { careLeaverContacts, careLeavers, carePlans, claReviews, healthChecks, legalStatuses, missingEpisodes, pathwayPlans, people, peps, periodsOfCare, placements, sdqScores } from '../../db/schema/index.js';
import type { ObligationRecord } from '../../domain/obligations/index.js';

export type Push = <K extends keyof ObligationRecord>(personId: string, key: K, value: ObligationRecord[K] extends readonly (infer T)[] ? T : never) => void;
type HealthType = ObligationRecord['healthChecks'][number]['type'];
type Eligibility = ObligationRecord['careLeaverStatuses'][number]['eligibility'];

/** The looked-after and care-leaver slices, and the date of birth: one query per table. */
export async function loadLookedAfter(tx: Executor, ids: string[], out: Map<string, ObligationRecord>, push: Push): Promise<void> {
  const born = await tx.select({ id: people.id, dateOfBirth: people.dateOfBirth }).from(people).where(inArray(people.id, ids));
  for (const p of born) {
    const r = out.get(p.id);
    if (r) out.set(p.id, { ...r, dateOfBirth: p.dateOfBirth });
  }
  const periods = await tx.select({ id: periodsOfCare.id, personId: periodsOfCare.personId, startDate: periodsOfCare.startDate, endDate: periodsOfCare.endDate }).from(periodsOfCare).where(inArray(periodsOfCare.personId, ids));
  // No period of care, no looked-after rows to read (most children): skip their tables.
  const inCare = [...new Set(periods.map((p) => p.personId))];
  if (inCare.length > 0) {
    const statuses = await tx
      .select({ id: legalStatuses.id, personId: legalStatuses.personId, periodId: legalStatuses.periodOfCareId, code: legalStatuses.code, startDate: legalStatuses.startDate, endDate: legalStatuses.endDate })
      .from(legalStatuses).where(inArray(legalStatuses.personId, inCare));
    const pls = await tx
      .select({ id: placements.id, personId: placements.personId, periodId: placements.periodOfCareId, type: placements.placementType, startDate: placements.startDate, endDate: placements.endDate, longTerm: placements.longTerm, planAgreedOn: placements.placementPlanDate })
      .from(placements).where(inArray(placements.personId, inCare));
    const reviews = await tx
      .select({ id: claReviews.id, personId: claReviews.personId, periodId: claReviews.periodOfCareId, date: claReviews.reviewDate })
      .from(claReviews).where(and(inArray(claReviews.personId, inCare), eq(claReviews.cancelled, false)));
    const plans = await tx.select({ id: carePlans.id, personId: carePlans.personId, periodId: carePlans.periodOfCareId, startDate: carePlans.startDate }).from(carePlans).where(inArray(carePlans.personId, inCare));
    const health = await tx
      .select({ id: healthChecks.id, personId: healthChecks.personId, type: healthChecks.checkType, date: healthChecks.checkDate })
      .from(healthChecks).where(and(inArray(healthChecks.personId, inCare), eq(healthChecks.status, 'completed')));
    const sdqs = await tx.select({ id: sdqScores.id, personId: sdqScores.personId, date: sdqScores.completedDate }).from(sdqScores).where(inArray(sdqScores.personId, inCare));
    const pepRows = await tx.select({ id: peps.id, personId: peps.personId, date: peps.pepDate }).from(peps).where(inArray(peps.personId, inCare));
    for (const p of periods) push(p.personId, 'periodsOfCare', { id: p.id, startDate: p.startDate, endDate: p.endDate });
    for (const l of statuses) push(l.personId, 'legalStatuses', { id: l.id, periodId: l.periodId, code: l.code, startDate: l.startDate, endDate: l.endDate });
    for (const p of pls) push(p.personId, 'placements', { id: p.id, periodId: p.periodId, type: p.type, startDate: p.startDate, endDate: p.endDate, longTerm: p.longTerm, planAgreedOn: p.planAgreedOn });
    for (const v of reviews) push(v.personId, 'claReviews', { id: v.id, periodId: v.periodId, date: v.date });
    for (const p of plans) push(p.personId, 'carePlans', { id: p.id, periodId: p.periodId, startDate: p.startDate });
    for (const h of health) push(h.personId, 'healthChecks', { id: h.id, type: h.type as HealthType, date: h.date });
    for (const q of sdqs) push(q.personId, 'sdqs', { id: q.id, date: q.date });
    for (const p of pepRows) push(p.personId, 'peps', { id: p.id, date: p.date });
  }
  // Children missing from home are not only children in care: every child's episodes are read.
  const missing = await tx
    .select({ id: missingEpisodes.id, personId: missingEpisodes.personId, type: missingEpisodes.missingType, startDate: missingEpisodes.startDate, endDate: missingEpisodes.endDate, returnedAt: missingEpisodes.returnedAt, rhiOffered: missingEpisodes.rhiOffered, rhiOfferedOn: missingEpisodes.rhiOfferedDate, strategyMeetingOn: missingEpisodes.strategyMeetingDate })
    .from(missingEpisodes).where(inArray(missingEpisodes.personId, ids));
  for (const m of missing) {
    push(m.personId, 'missingEpisodes', { id: m.id, type: m.type as 'M' | 'A', startDate: m.startDate, endDate: m.endDate, returnedAt: m.returnedAt, rhiOfferedOn: m.rhiOffered === false ? null : m.rhiOfferedOn, strategyMeetingOn: m.strategyMeetingOn });
  }
  const leavers = await tx
    .select({ id: careLeavers.id, personId: careLeavers.personId, eligibility: careLeavers.eligibility, startDate: careLeavers.startDate, endDate: careLeavers.endDate, needsAssessedOn: careLeavers.needsAssessmentDate })
    .from(careLeavers).where(inArray(careLeavers.personId, ids));
  const leaving = [...new Set(leavers.map((l) => l.personId))];
  for (const l of leavers) push(l.personId, 'careLeaverStatuses', { id: l.id, eligibility: l.eligibility as Eligibility, startDate: l.startDate, endDate: l.endDate, needsAssessedOn: l.needsAssessedOn });
  if (leaving.length === 0) return;
  const pathway = await tx.select({ id: pathwayPlans.id, personId: pathwayPlans.personId, date: pathwayPlans.planDate, isReview: pathwayPlans.isReview }).from(pathwayPlans).where(inArray(pathwayPlans.personId, leaving));
  const contacts = await tx.select({ id: careLeaverContacts.id, personId: careLeaverContacts.personId, date: careLeaverContacts.contactDate, inTouch: careLeaverContacts.inTouch }).from(careLeaverContacts).where(inArray(careLeaverContacts.personId, leaving));
  for (const p of pathway) push(p.personId, 'pathwayPlans', { id: p.id, date: p.date, isReview: p.isReview });
  for (const c of contacts) push(c.personId, 'careLeaverContacts', { id: c.id, date: c.date, inTouch: c.inTouch });
}
