import type { ObligationRecord } from '../obligations/child-record.js';

/**
 * Where a child's casework stands, worked out once from the record: what the areas' allowed-actions
 * tables read (src/domain/areas). Rows are those of the open episode unless said otherwise.
 */
export interface CaseFacts {
  /** The open child in need episode, if any (at most one: CIN census 8815). */
  open: ObligationRecord['episodes'][number] | null;
  openAssessment: boolean;
  openS47: boolean;
  /** Strategy discussions that decided on a section 47 enquiry with none yet started from them. */
  awaitingS47: number;
  /** Section 47 enquiries that concluded a conference was needed, with no conference recorded. */
  needingConference: number;
  /** Any episode: a plan outlives the episode's record in old data. */
  openCp: boolean;
  openCin: boolean;
}

export function caseFactsOf(r: ObligationRecord): CaseFacts {
  const open = r.episodes.find((e) => e.closureDate === null) ?? null;
  const inOpen = <T extends { episodeId: string }>(xs: readonly T[]) => (open ? xs.filter((x) => x.episodeId === open.id) : []);
  const strategies = inOpen(r.strategyDiscussions);
  const s47s = inOpen(r.s47Enquiries);
  const icpcs = inOpen(r.icpcs);
  return {
    open,
    openAssessment: inOpen(r.assessments).some((a) => a.authorisedDate === null),
    openS47: s47s.some((s) => s.endDate === null),
    awaitingS47: strategies.filter((d) => d.decision === 's47' && !r.s47Enquiries.some((s) => s.strategyDiscussionId === d.id)).length,
    needingConference: s47s.filter((s) => s.icpcRequired === true && !icpcs.some((c) => c.s47EnquiryId === s.id)).length,
    openCp: r.cpPlans.some((p) => p.endDate === null),
    openCin: r.cinPlans.some((p) => p.endDate === null),
  };
}

/** The refusal every episode-bound action gives when there is no open episode. */
export const NO_OPEN_EPISODE = 'The child has no open child in need episode. Record a contact and a referral first.';
