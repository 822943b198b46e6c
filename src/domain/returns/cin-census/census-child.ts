import type { PlainDate } from '../../time/index.js';

/**
 * One child as the CIN census reads them (DfE CIN census specification; domain.md §3.1): the
 * identifiers and characteristics, and every child in need episode with its assessments, plans,
 * section 47 enquiries and child protection plans. The whole history is passed in: the census for
 * a year keeps what touched that year (cohort.ts), and the number of previous plans looks back for ever.
 */
export interface CensusChild {
  laChildId: string;
  upn: string | null;
  upnUnknown: string | null;
  dateOfBirth: PlainDate | null;
  expectedDateOfBirth: PlainDate | null;
  /** M, F or U (people.sex). */
  sex: string;
  deathDate: PlainDate | null;
  ethnicity: string | null;
  /** CIN census disability codes recorded for the child; none recorded is not the same as NONE. */
  disabilities: readonly string[];
  episodes: readonly CensusEpisode[];
}

export interface CensusEpisode {
  id: string;
  referralDate: PlainDate;
  referralSource: string;
  primaryNeedCode: string | null;
  referralDecision: string | null;
  closureDate: PlainDate | null;
  closureReason: string | null;
  assessments: readonly { startDate: PlainDate; authorisedDate: PlainDate | null; factors: readonly string[] }[];
  cinPlans: readonly { startDate: PlainDate; endDate: PlainDate | null }[];
  s47s: readonly { id: string; startDate: PlainDate; icpcRequired: boolean | null }[];
  /** Initial conferences, linked to the enquiry that led to them, or not (a transfer in). */
  icpcs: readonly { s47Id: string | null; date: PlainDate; targetDate: PlainDate | null }[];
  cpPlans: readonly { id: string; startDate: PlainDate; endDate: PlainDate | null; initialCategory: string; latestCategory: string; reviews: readonly PlainDate[] }[];
}
