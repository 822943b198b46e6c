import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import {
  allocations,
  assessments,
  careLeaverContacts,
  careLeavers,
  carePlans,
  claReviews,
  healthChecks,
  legalStatuses,
  missingEpisodes,
  pathwayPlans,
  people,
  peps,
  periodsOfCare,
  placements,
  sdqScores,
  cinEpisodes,
  cinPlanReviews,
  cinPlans,
  coreGroups,
  cpPlans,
  cpReviews,
  initialCpConferences,
  s47Enquiries,
  strategyDiscussions,
  supervisionChildren,
  supervisions,
  visits,
} from '../../db/schema/index.js';
import { type ObligationRecord, emptyRecord } from '../../domain/obligations/index.js';

/**
 * Reads what the timescale rules need for many children at once (one query per table), so a
 * single child after a write and the whole authority after a load or a settings change use the same code.
 */
export async function loadObligationRecords(tx: Executor, personIds: readonly string[]): Promise<Map<string, ObligationRecord>> {
  const ids = [...new Set(personIds)];
  const out = new Map<string, ObligationRecord>(ids.map((id) => [id, emptyRecord(id)]));
  if (ids.length === 0) return out;
  const push = <K extends keyof ObligationRecord>(personId: string, key: K, value: ObligationRecord[K] extends readonly (infer T)[] ? T : never) => {
    const r = out.get(personId);
    if (r) (r[key] as unknown as unknown[]).push(value);
  };
  // One after another: a transaction is one connection, and node-postgres does not run queries on it concurrently.
  // Only the columns the rules read: over a whole authority, parsing the rest was a third of the reading.
  const eps = await tx
    .select({ id: cinEpisodes.id, personId: cinEpisodes.personId, referralDate: cinEpisodes.referralDate, referralDecision: cinEpisodes.referralDecision, referralDecidedOn: cinEpisodes.referralDecidedOn, closureDate: cinEpisodes.closureDate })
    .from(cinEpisodes).where(inArray(cinEpisodes.personId, ids));
  const ass = await tx
    .select({ id: assessments.id, personId: assessments.personId, cinEpisodeId: assessments.cinEpisodeId, startDate: assessments.startDate, authorisedDate: assessments.authorisedDate, outcome: assessments.outcome })
    .from(assessments).where(inArray(assessments.personId, ids));
  const sds = await tx
    .select({ id: strategyDiscussions.id, personId: strategyDiscussions.personId, cinEpisodeId: strategyDiscussions.cinEpisodeId, discussionDate: strategyDiscussions.discussionDate, decision: strategyDiscussions.decision })
    .from(strategyDiscussions).where(inArray(strategyDiscussions.personId, ids));
  const s47s = await tx
    .select({ id: s47Enquiries.id, personId: s47Enquiries.personId, cinEpisodeId: s47Enquiries.cinEpisodeId, strategyDiscussionId: s47Enquiries.strategyDiscussionId, startDate: s47Enquiries.startDate, endDate: s47Enquiries.endDate, icpcRequired: s47Enquiries.icpcRequired })
    .from(s47Enquiries).where(inArray(s47Enquiries.personId, ids));
  const icpcs = await tx
    .select({ id: initialCpConferences.id, personId: initialCpConferences.personId, cinEpisodeId: initialCpConferences.cinEpisodeId, s47EnquiryId: initialCpConferences.s47EnquiryId, transferIn: initialCpConferences.transferIn, conferenceDate: initialCpConferences.conferenceDate, planRequired: initialCpConferences.planRequired })
    .from(initialCpConferences).where(inArray(initialCpConferences.personId, ids));
  const plans = await tx.select({ id: cpPlans.id, personId: cpPlans.personId, icpcId: cpPlans.icpcId, startDate: cpPlans.startDate, endDate: cpPlans.endDate }).from(cpPlans).where(inArray(cpPlans.personId, ids));
  const reviews = await tx.select({ id: cpReviews.id, personId: cpReviews.personId, cpPlanId: cpReviews.cpPlanId, reviewDate: cpReviews.reviewDate }).from(cpReviews).where(inArray(cpReviews.personId, ids));
  const groups = await tx.select({ id: coreGroups.id, personId: coreGroups.personId, cpPlanId: coreGroups.cpPlanId, meetingDate: coreGroups.meetingDate }).from(coreGroups).where(inArray(coreGroups.personId, ids));
  const cins = await tx.select({ id: cinPlans.id, personId: cinPlans.personId, startDate: cinPlans.startDate, endDate: cinPlans.endDate }).from(cinPlans).where(inArray(cinPlans.personId, ids));
  const cinReviews = await tx.select({ id: cinPlanReviews.id, personId: cinPlanReviews.personId, cinPlanId: cinPlanReviews.cinPlanId, reviewDate: cinPlanReviews.reviewDate }).from(cinPlanReviews).where(inArray(cinPlanReviews.personId, ids));
  const vs = await tx
    .select({ id: visits.id, personId: visits.personId, visitDate: visits.visitDate, childSeen: visits.childSeen, childSeenAlone: visits.childSeenAlone, writtenUpOn: visits.writtenUpOn })
    .from(visits).where(inArray(visits.personId, ids));
  const allocs = await tx
    .select({ id: allocations.id, personId: allocations.personId, role: allocations.role, workerId: allocations.workerId, startDate: allocations.startDate, endDate: allocations.endDate })
    .from(allocations).where(inArray(allocations.personId, ids));
  const sups = await tx
    .select({ id: supervisionChildren.id, personId: supervisionChildren.personId, date: supervisions.supervisionDate })
    .from(supervisionChildren)
    .innerJoin(supervisions, eq(supervisions.id, supervisionChildren.supervisionId))
    .where(inArray(supervisionChildren.personId, ids));
  await loadLookedAfter(tx, ids, out, push);
  for (const e of eps) push(e.personId, 'episodes', { id: e.id, referralDate: e.referralDate, referralDecision: e.referralDecision, referralDecidedOn: e.referralDecidedOn, closureDate: e.closureDate });
  for (const a of ass) push(a.personId, 'assessments', { id: a.id, episodeId: a.cinEpisodeId, startDate: a.startDate, authorisedDate: a.authorisedDate, outcome: a.outcome });
  for (const s of sds) push(s.personId, 'strategyDiscussions', { id: s.id, episodeId: s.cinEpisodeId, date: s.discussionDate, decision: s.decision as 's47' | 'no_s47' });
  for (const s of s47s) push(s.personId, 's47Enquiries', { id: s.id, episodeId: s.cinEpisodeId, strategyDiscussionId: s.strategyDiscussionId, startDate: s.startDate, endDate: s.endDate, icpcRequired: s.icpcRequired });
  for (const c of icpcs) push(c.personId, 'icpcs', { id: c.id, episodeId: c.cinEpisodeId, s47EnquiryId: c.s47EnquiryId, transferIn: c.transferIn, date: c.conferenceDate, planRequired: c.planRequired });
  for (const p of plans) push(p.personId, 'cpPlans', { id: p.id, icpcId: p.icpcId, startDate: p.startDate, endDate: p.endDate });
  for (const v of reviews) push(v.personId, 'cpReviews', { id: v.id, planId: v.cpPlanId, date: v.reviewDate });
  for (const g of groups) push(g.personId, 'coreGroups', { id: g.id, planId: g.cpPlanId, date: g.meetingDate });
  for (const p of cins) push(p.personId, 'cinPlans', { id: p.id, startDate: p.startDate, endDate: p.endDate });
  for (const v of cinReviews) push(v.personId, 'cinPlanReviews', { id: v.id, planId: v.cinPlanId, date: v.reviewDate });
  for (const v of vs) push(v.personId, 'visits', { id: v.id, date: v.visitDate, seen: v.childSeen, seenAlone: v.childSeenAlone, writtenUpOn: v.writtenUpOn });
  for (const a of allocs) if (a.role === 'CW') push(a.personId, 'allocations', { id: a.id, workerId: a.workerId, startDate: a.startDate, endDate: a.endDate });
  for (const s of sups) push(s.personId, 'supervisionDiscussions', { id: s.id, date: s.date });
  return out;
}

type Push = <K extends keyof ObligationRecord>(personId: string, key: K, value: ObligationRecord[K] extends readonly (infer T)[] ? T : never) => void;
type HealthType = ObligationRecord['healthChecks'][number]['type'];
type Eligibility = ObligationRecord['careLeaverStatuses'][number]['eligibility'];

/** The looked-after and care-leaver slices, and the date of birth: one query per table. */
async function loadLookedAfter(tx: Executor, ids: string[], out: Map<string, ObligationRecord>, push: Push): Promise<void> {
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
