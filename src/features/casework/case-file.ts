import type {
  assessments,
  cinEpisodes,
  cinPlanReviews,
  cinPlans,
  claReviews,
  coreGroups,
  legalStatuses,
  missingEpisodes,
  periodsOfCare,
  placements,
  cpPlans,
  cpReviews,
  initialCpConferences,
  s47Enquiries,
  strategyDiscussions,
  visits,
} from '../../db/schema/index.js';
import type { JourneyRecord } from '../../domain/journey/case-facts.js';
import { emptyRecord } from '../../domain/obligations/index.js';
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
export type PeriodRow = typeof periodsOfCare.$inferSelect;
export type LegalStatusRow = typeof legalStatuses.$inferSelect;
export type PlacementRow = typeof placements.$inferSelect;
export type ClaReviewRow = typeof claReviews.$inferSelect;
export type MissingRow = typeof missingEpisodes.$inferSelect;

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
  /** Looked after: periods of care, and the legal status and placement timelines within them. */
  periodsOfCare: PeriodRow[];
  /** The open period of care, if the child is looked after now. */
  period: PeriodRow | null;
  legalStatuses: LegalStatusRow[];
  placements: PlacementRow[];
  claReviews: ClaReviewRow[];
  missingEpisodes: MissingRow[];
}

/** The rows of a child's casework as any loader returns them (the casework repo, or the child's page's record), in any order. */
export interface CaseRows {
  person: CaseFile['person'];
  episodes: readonly (EpisodeRow | { episode: EpisodeRow })[];
  assessments: readonly AssessmentRow[];
  strategyDiscussions: readonly StrategyRow[];
  s47Enquiries: readonly S47Row[];
  icpcs: readonly IcpcRow[];
  cpPlans: readonly CpPlanRow[];
  cpReviews: readonly CpReviewRow[];
  coreGroups: readonly CoreGroupRow[];
  cinPlans: readonly CinPlanRow[];
  cinPlanReviews: readonly CinPlanReviewRow[];
  visits: readonly VisitRow[];
  periodsOfCare: readonly PeriodRow[];
  legalStatuses: readonly LegalStatusRow[];
  placements: readonly (PlacementRow | { placement: PlacementRow })[];
  claReviews: readonly ClaReviewRow[];
  missingEpisodes: readonly MissingRow[];
}

/** Oldest first by the given date, then by when recorded: the order the gates and checks read. */
const byDate = <T extends { createdAt: Date }>(rows: readonly T[], date: (x: T) => string): T[] =>
  [...rows].sort((a, b) => date(a).localeCompare(date(b)) || a.createdAt.getTime() - b.createdAt.getTime());

/**
 * One child's casework from rows already loaded: the child's page builds it from its own record,
 * so its actions need no second read.
 */
export function caseFileOf(rows: CaseRows): CaseFile {
  const episodes = byDate(
    rows.episodes.map((e) => ('episode' in e ? e.episode : e)),
    (e) => e.referralDate,
  );
  return {
    person: rows.person,
    episodes,
    open: episodes.find((e) => e.closureDate === null) ?? null,
    assessments: byDate(rows.assessments, (a) => a.startDate),
    strategyDiscussions: byDate(rows.strategyDiscussions, (s) => s.discussionDate),
    s47s: byDate(rows.s47Enquiries, (s) => s.startDate),
    icpcs: byDate(rows.icpcs, (c) => c.conferenceDate),
    cpPlans: byDate(rows.cpPlans, (p) => p.startDate),
    cpReviews: byDate(rows.cpReviews, (r) => r.reviewDate),
    coreGroups: byDate(rows.coreGroups, (g) => g.meetingDate),
    cinPlans: byDate(rows.cinPlans, (p) => p.startDate),
    cinPlanReviews: byDate(rows.cinPlanReviews, (r) => r.reviewDate),
    visits: byDate(rows.visits, (v) => v.visitDate),
    ...lookedAfterOf(rows),
  };
}

/** The looked-after part of the case file, oldest first. */
export function lookedAfterOf(rows: Pick<CaseRows, 'periodsOfCare' | 'legalStatuses' | 'placements' | 'claReviews' | 'missingEpisodes'>) {
  const periods = byDate(rows.periodsOfCare, (p) => p.startDate);
  return {
    periodsOfCare: periods,
    period: periods.find((p) => p.endDate === null) ?? null,
    legalStatuses: byDate(rows.legalStatuses, (l) => l.startDate),
    placements: byDate(
      rows.placements.map((x) => ('placement' in x ? x.placement : x)),
      (p) => p.startDate,
    ),
    claReviews: byDate(rows.claReviews, (r) => r.reviewDate),
    missingEpisodes: byDate(rows.missingEpisodes, (m) => m.startDate),
  };
}

const date = (s: string) => s as PlainDate;
const maybe = (s: string | null) => (s === null ? null : (s as PlainDate));

/** The casework as the journey's gates (and the timescale rules) read it. */
export function toJourneyRecord(c: CaseFile): JourneyRecord {
  return {
    // The slices the journey's gates do not read (allocations, supervision, looked after, care leavers) stay empty: the obligations service loads them for the timescale rules.
    ...emptyRecord(c.person.id),
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
    lookedAfter: {
      periodsOfCare: c.periodsOfCare.map((p) => ({ id: p.id, startDate: p.startDate, endDate: p.endDate })),
      missingEpisodes: c.missingEpisodes.map((m) => ({ id: m.id, endDate: m.endDate, rhiOffered: m.rhiOffered })),
    },
  };
}

/** Rows of the open episode only. */
export function inEpisode<T extends { cinEpisodeId: string }>(c: CaseFile, rows: readonly T[]): T[] {
  return c.open ? rows.filter((r) => r.cinEpisodeId === c.open!.id) : [];
}
