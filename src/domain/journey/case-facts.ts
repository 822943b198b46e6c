import type { ObligationRecord } from '../obligations/child-record.js';
import type { PlainDate } from '../time/index.js';

/**
 * The looked-after timelines the journey's gates read (the period of care, missing episodes): kept
 * beside the obligations record, under its own name, so the timescale rules' slice of the record
 * can grow without the gates depending on it.
 */
export interface LookedAfterJourney {
  periodsOfCare: readonly { id: string; startDate: PlainDate; endDate: PlainDate | null }[];
  missingEpisodes: readonly { id: string; endDate: PlainDate | null; rhiOffered: boolean | null }[];
}

/** The record the journey's gates read: the obligations record, and the looked-after timelines when loaded. */
export type JourneyRecord = ObligationRecord & { lookedAfter?: LookedAfterJourney };

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
  /** The open period of care, if the child is looked after now. */
  periodOfCare: LookedAfterJourney['periodsOfCare'][number] | null;
  /** Missing or away episodes the child has not yet returned from (any period, or none). */
  openMissing: number;
}

export function caseFactsOf(r: JourneyRecord): CaseFacts {
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
    periodOfCare: r.lookedAfter?.periodsOfCare.find((p) => p.endDate === null) ?? null,
    openMissing: r.lookedAfter?.missingEpisodes.filter((m) => m.endDate === null).length ?? 0,
  };
}

/** The refusal every episode-bound action gives when there is no open episode. */
export const NO_OPEN_EPISODE = 'The child has no open child in need episode. Record a contact and a referral first.';
