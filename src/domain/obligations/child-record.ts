import type { PlainDate } from '../time/index.js';

/**
 * What the timescale rules read about one child: the record reduced to dates and links.
 * The service builds it from the database; tests build it by hand.
 */
export interface ObligationRecord {
  personId: string;
  episodes: readonly { id: string; referralDate: PlainDate; referralDecision: string | null; referralDecidedOn: PlainDate | null; closureDate: PlainDate | null }[];
  assessments: readonly { id: string; episodeId: string; startDate: PlainDate; authorisedDate: PlainDate | null; outcome: string | null }[];
  strategyDiscussions: readonly { id: string; episodeId: string; date: PlainDate; decision: 's47' | 'no_s47' }[];
  s47Enquiries: readonly { id: string; episodeId: string; strategyDiscussionId: string; startDate: PlainDate; endDate: PlainDate | null; icpcRequired: boolean | null }[];
  icpcs: readonly { id: string; episodeId: string; s47EnquiryId: string | null; transferIn: boolean; date: PlainDate; planRequired: boolean }[];
  cpPlans: readonly { id: string; icpcId: string | null; startDate: PlainDate; endDate: PlainDate | null }[];
  cpReviews: readonly { id: string; planId: string; date: PlainDate }[];
  coreGroups: readonly { id: string; planId: string; date: PlainDate }[];
  cinPlans: readonly { id: string; startDate: PlainDate; endDate: PlainDate | null }[];
  cinPlanReviews: readonly { id: string; planId: string; date: PlainDate }[];
  visits: readonly { id: string; date: PlainDate; seen: boolean; seenAlone: boolean; writtenUpOn: PlainDate | null }[];
  allocations: readonly { id: string; workerId: string | null; startDate: PlainDate; endDate: PlainDate | null }[];
  supervisionDiscussions: readonly { id: string; date: PlainDate }[];
  /** Ages decide the health assessments' interval, the SDQ's years and the care leaver's 16th birthday. */
  dateOfBirth: PlainDate | null;
  // The looked-after slice (src/db/schema/looked-after.ts); statutory visits are `visits` rows, one table for every plan.
  periodsOfCare: readonly { id: string; startDate: PlainDate; endDate: PlainDate | null }[];
  /** SSDA903 legal status codes (C1, C2, V2...) as a timeline. */
  legalStatuses: readonly { id: string; periodId: string; code: string; startDate: PlainDate; endDate: PlainDate | null }[];
  /** SSDA903 placement types (P1, U1...), with the placement plan agreed. */
  placements: readonly { id: string; periodId: string; type: string; startDate: PlainDate; endDate: PlainDate | null; longTerm: boolean; planAgreedOn: PlainDate | null }[];
  /** Looked-after reviews held (cancelled ones are not loaded). */
  claReviews: readonly { id: string; periodId: string; date: PlainDate }[];
  carePlans: readonly { id: string; periodId: string; startDate: PlainDate }[];
  /** Health assessments and dental checks completed (planned, refused or cancelled ones are not loaded). */
  healthChecks: readonly { id: string; type: 'initial_health_assessment' | 'review_health_assessment' | 'dental_check' | 'development_check'; date: PlainDate }[];
  sdqs: readonly { id: string; date: PlainDate }[];
  peps: readonly { id: string; date: PlainDate }[];
  /** Missing (M) and away (A) episodes; `returnedAt` is the instant of return where known. */
  missingEpisodes: readonly { id: string; type: 'M' | 'A'; startDate: PlainDate; endDate: PlainDate | null; returnedAt: Date | null; rhiOfferedOn: PlainDate | null; strategyMeetingOn: PlainDate | null }[];
  // The care-leaver slice (src/db/schema/care-leavers.ts).
  careLeaverStatuses: readonly { id: string; eligibility: 'eligible' | 'relevant' | 'former_relevant' | 'qualifying'; startDate: PlainDate; endDate: PlainDate | null; needsAssessedOn: PlainDate | null }[];
  pathwayPlans: readonly { id: string; date: PlainDate; isReview: boolean }[];
  /** Keeping in touch: contacts, with the SSDA903 IN_TOUCH code (YES when in touch). */
  careLeaverContacts: readonly { id: string; date: PlainDate; inTouch: string }[];
}

export const emptyRecord = (personId: string): ObligationRecord => ({
  personId,
  episodes: [],
  assessments: [],
  strategyDiscussions: [],
  s47Enquiries: [],
  icpcs: [],
  cpPlans: [],
  cpReviews: [],
  coreGroups: [],
  cinPlans: [],
  cinPlanReviews: [],
  visits: [],
  allocations: [],
  supervisionDiscussions: [],
  dateOfBirth: null,
  periodsOfCare: [],
  legalStatuses: [],
  placements: [],
  claReviews: [],
  carePlans: [],
  healthChecks: [],
  sdqs: [],
  peps: [],
  missingEpisodes: [],
  careLeaverStatuses: [],
  pathwayPlans: [],
  careLeaverContacts: [],
});
