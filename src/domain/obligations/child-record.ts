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
  earlyHelpEpisodes: readonly { id: string; startDate: PlainDate; endDate: PlainDate | null }[];
  earlyHelpReviews: readonly { id: string; episodeId: string; date: PlainDate }[];
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
  earlyHelpEpisodes: [],
  earlyHelpReviews: [],
});
