import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import {
  allocations,
  assessments,
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
import { loadLookedAfter } from './looked-after-records.js';

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
