import { asc, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/database.js';
import {
  assessments,
  cinEpisodes,
  cinPlanReviews,
  cinPlans,
  coreGroups,
  cpPlans,
  cpReviews,
  initialCpConferences,
  people,
  s47Enquiries,
  strategyDiscussions,
  visits,
} from '../../db/schema/index.js';
import { NotFound } from '../../domain/errors.js';
import type { ObligationRecord } from '../../domain/obligations/index.js';
import type { PlainDate } from '../../domain/time/index.js';

export type EpisodeRow = typeof cinEpisodes.$inferSelect;
export type AssessmentRow = typeof assessments.$inferSelect;
export type StrategyRow = typeof strategyDiscussions.$inferSelect;
export type S47Row = typeof s47Enquiries.$inferSelect;
export type IcpcRow = typeof initialCpConferences.$inferSelect;
export type CpPlanRow = typeof cpPlans.$inferSelect;
export type CpReviewRow = typeof cpReviews.$inferSelect;
export type CoreGroupRow = typeof coreGroups.$inferSelect;
export type CinPlanRow = typeof cinPlans.$inferSelect;
export type CinPlanReviewRow = typeof cinPlanReviews.$inferSelect;
export type VisitRow = typeof visits.$inferSelect;

/** One child's casework, whole: what the journey's gates and the date checks read. */
export interface CaseFile {
  person: { id: string; givenName: string; familyName: string; dateOfBirth: string | null; laChildId: string | null };
  episodes: EpisodeRow[];
  /** The open child in need episode, if any (at most one: CIN census 8815). */
  open: EpisodeRow | null;
  assessments: AssessmentRow[];
  strategyDiscussions: StrategyRow[];
  s47s: S47Row[];
  icpcs: IcpcRow[];
  cpPlans: CpPlanRow[];
  cpReviews: CpReviewRow[];
  coreGroups: CoreGroupRow[];
  cinPlans: CinPlanRow[];
  cinPlanReviews: CinPlanReviewRow[];
  visits: VisitRow[];
}

/**
 * Holds the child's row for the rest of the transaction: two writes about one child (two workers,
 * two tabs) run one after the other, so each sees what the other did before the journey's gates
 * are checked. A child that does not exist is NotFound.
 */
export async function lockChild(tx: Tx, personId: string): Promise<void> {
  const [row] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId)).for('no key update');
  if (!row) throw new NotFound('child');
}

export async function loadCase(tx: Executor, personId: string): Promise<CaseFile> {
  const [person] = await tx
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, dateOfBirth: people.dateOfBirth, laChildId: people.laChildId })
    .from(people)
    .where(eq(people.id, personId));
  if (!person) throw new NotFound('child');
  // One after another: inside a transaction they share one connection (node-postgres deprecates
  // overlapping queries on a client, and PGlite runs them in turn anyway).
  const eps = await tx.select().from(cinEpisodes).where(eq(cinEpisodes.personId, personId)).orderBy(asc(cinEpisodes.referralDate), asc(cinEpisodes.createdAt));
  const ass = await tx.select().from(assessments).where(eq(assessments.personId, personId)).orderBy(asc(assessments.startDate), asc(assessments.createdAt));
  const sds = await tx.select().from(strategyDiscussions).where(eq(strategyDiscussions.personId, personId)).orderBy(asc(strategyDiscussions.discussionDate), asc(strategyDiscussions.createdAt));
  const s47s = await tx.select().from(s47Enquiries).where(eq(s47Enquiries.personId, personId)).orderBy(asc(s47Enquiries.startDate), asc(s47Enquiries.createdAt));
  const icpcs = await tx.select().from(initialCpConferences).where(eq(initialCpConferences.personId, personId)).orderBy(asc(initialCpConferences.conferenceDate), asc(initialCpConferences.createdAt));
  const plans = await tx.select().from(cpPlans).where(eq(cpPlans.personId, personId)).orderBy(asc(cpPlans.startDate), asc(cpPlans.createdAt));
  const reviews = await tx.select().from(cpReviews).where(eq(cpReviews.personId, personId)).orderBy(asc(cpReviews.reviewDate), asc(cpReviews.createdAt));
  const groups = await tx.select().from(coreGroups).where(eq(coreGroups.personId, personId)).orderBy(asc(coreGroups.meetingDate), asc(coreGroups.createdAt));
  const cins = await tx.select().from(cinPlans).where(eq(cinPlans.personId, personId)).orderBy(asc(cinPlans.startDate), asc(cinPlans.createdAt));
  const cinReviews = await tx.select().from(cinPlanReviews).where(eq(cinPlanReviews.personId, personId)).orderBy(asc(cinPlanReviews.reviewDate), asc(cinPlanReviews.createdAt));
  const vs = await tx.select().from(visits).where(eq(visits.personId, personId)).orderBy(asc(visits.visitDate), asc(visits.createdAt));
  return {
    person,
    episodes: eps,
    open: eps.find((e) => e.closureDate === null) ?? null,
    assessments: ass,
    strategyDiscussions: sds,
    s47s,
    icpcs,
    cpPlans: plans,
    cpReviews: reviews,
    coreGroups: groups,
    cinPlans: cins,
    cinPlanReviews: cinReviews,
    visits: vs,
  };
}

const date = (s: string) => s as PlainDate;
const maybe = (s: string | null) => (s === null ? null : (s as PlainDate));

/** The casework as the journey's gates (and the timescale rules) read it. */
export function toJourneyRecord(c: CaseFile): ObligationRecord {
  return {
    personId: c.person.id,
    episodes: c.episodes.map((e) => ({ id: e.id, referralDate: date(e.referralDate), referralDecision: e.referralDecision, referralDecidedOn: maybe(e.referralDecidedOn), closureDate: maybe(e.closureDate) })),
    assessments: c.assessments.map((a) => ({ id: a.id, episodeId: a.cinEpisodeId, startDate: date(a.startDate), authorisedDate: maybe(a.authorisedDate), outcome: a.outcome })),
    strategyDiscussions: c.strategyDiscussions.map((s) => ({ id: s.id, episodeId: s.cinEpisodeId, date: date(s.discussionDate), decision: s.decision as 's47' | 'no_s47' })),
    s47Enquiries: c.s47s.map((s) => ({ id: s.id, episodeId: s.cinEpisodeId, strategyDiscussionId: s.strategyDiscussionId, startDate: date(s.startDate), endDate: maybe(s.endDate), icpcRequired: s.icpcRequired })),
    icpcs: c.icpcs.map((i) => ({ id: i.id, episodeId: i.cinEpisodeId, s47EnquiryId: i.s47EnquiryId, transferIn: i.transferIn, date: date(i.conferenceDate), planRequired: i.planRequired })),
    cpPlans: c.cpPlans.map((p) => ({ id: p.id, icpcId: p.icpcId, startDate: date(p.startDate), endDate: maybe(p.endDate) })),
    cpReviews: c.cpReviews.map((r) => ({ id: r.id, planId: r.cpPlanId, date: date(r.reviewDate) })),
    coreGroups: c.coreGroups.map((g) => ({ id: g.id, planId: g.cpPlanId, date: date(g.meetingDate) })),
    cinPlans: c.cinPlans.map((p) => ({ id: p.id, startDate: date(p.startDate), endDate: maybe(p.endDate) })),
    cinPlanReviews: c.cinPlanReviews.map((r) => ({ id: r.id, planId: r.cinPlanId, date: date(r.reviewDate) })),
    visits: c.visits.map((v) => ({ id: v.id, date: date(v.visitDate), seen: v.childSeen, seenAlone: v.childSeenAlone, writtenUpOn: maybe(v.writtenUpOn) })),
    // Not read by the journey's gates; the obligations service loads them for the timescale rules.
    allocations: [],
    supervisionDiscussions: [],
  };
}

/** Rows of the open episode only. */
export function inEpisode<T extends { cinEpisodeId: string }>(c: CaseFile, rows: readonly T[]): T[] {
  return c.open ? rows.filter((r) => r.cinEpisodeId === c.open!.id) : [];
}
