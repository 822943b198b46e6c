/**
 * Looked-after children: the independent timelines Hearth stores (period of care, legal statuses,
 * placements) and the SSDA903 episodes derived from them.
 *
 * Date convention (all dates are PlainDate, YYYY-MM-DD): a spell runs from its start date up to, but
 * not including, its end date, exactly as SSDA903 episodes do. An episode's DEC is the day the next
 * episode's DECOM falls on (rule 433), an episode with DECOM = DEC "lasted less than 24 hours" (355),
 * and a child whose period of care ended on 31 March was not looked after at 31 March. `null` end =
 * still open.
 *
 * Codes are plain strings checked against the lists in domain/codes (legalStatuses, placementTypes,
 * placementProviders, reasonsEpisodeCeased, reasonsForPlacementChange, categoriesOfNeed).
 */
import type { PlainDate } from '../time/index.js';

/** A period of care (the SSD's clae_cla_id): continuous time looked after, ending with an E* reason. */
export interface PeriodOfCare {
  id: string;
  startDate: PlainDate;
  /** The day the child ceased to be looked after (SSDA903 DEC of the last episode); null while open. */
  endDate: PlainDate | null;
  /** SSDA903 REC E* code for the end of the period; null while open. Never X1. */
  reasonEnded: string | null;
}

/** One legal status over time (the SSD's ssd_legal_status row). */
export interface LegalStatusSpell {
  startDate: PlainDate;
  endDate: PlainDate | null;
  /** SSDA903 LS code (C1, C2, E1, V2, J1 ... L3). */
  code: string;
}

/** One placement (the SSD's ssd_cla_placement row). */
export interface PlacementSpell {
  /** Hearth's placement id, carried onto the episodes for traceability (the SSD's clae_cla_placement_id). */
  id?: string;
  startDate: PlainDate;
  endDate: PlainDate | null;
  /** SSDA903 PLACE code. */
  placeType: string;
  /** SSDA903 PLACE_PROVIDER code; null where not required (T0-T4, Z1x: rule 213). */
  provider: string | null;
  /** Placement postcode (SSDA903 PL_POST). */
  postcode: string | null;
  /** Ofsted URN of the setting (SSDA903 URN, 'XXXXXXX' for CQC/ISI/RAA settings); null where not required. */
  urn: string | null;
  /**
   * The carer or carers (a foster household, a children's home...). Decides RNE P/B (carer changed)
   * versus T/U (same carer). When it is missing on either side of a change, Hearth assumes the carer
   * changed, which is what a new placement normally means.
   */
  carerId?: string | null;
  /** SSDA903 REASON_PLACE_CHANGE for the end of this placement, when it ends in a move. */
  reasonPlaceChange?: string | null;
}

/**
 * One SSDA903 episode (a row of the Episodes file, less HOME_POST, which the return layer adds from the
 * child's home address, and the DfE-derived PL_DISTANCE / PL_LA / PL_LOCATION). Field names are the
 * 903 column names in camelCase.
 */
export interface Episode {
  periodId: string;
  /** DECOM: the date the episode started. */
  decom: PlainDate;
  /** RNE: reason for new episode (S, L, P, T, U, B). */
  rne: string;
  /** LS: legal status. */
  ls: string;
  /** CIN: category of need, the same for every episode of the period (rule 504). */
  cin: string;
  /** PLACE: placement type. */
  place: string;
  placeProvider: string | null;
  plPost: string | null;
  urn: string | null;
  /** DEC: the date the episode ceased; null while open. */
  dec: PlainDate | null;
  /** REC: X1 when another episode of the period follows; the period's E* reason on its last episode. */
  rec: string | null;
  /** REASON_PLACE_CHANGE: only on an episode that ends in a (non-temporary) placement move (rules 225/226/233). */
  reasonPlaceChange: string | null;
  /** Not returned: the carer, as recorded on the placement. */
  carerId: string | null;
  /** Not returned: Hearth's placement id. */
  placementId: string | null;
}

export type ProblemSeverity = 'error' | 'warning';

type Timeline = 'legal-status' | 'placement';

export type ProblemCode =
  // the period itself
  | 'period-dates-invalid'
  | 'period-reason-missing'
  | 'period-reason-without-end-date'
  | 'period-reason-x1'
  | 'unknown-code'
  // either timeline
  | `${Timeline}-missing`
  | `${Timeline}-missing-at-start`
  | `${Timeline}-gap`
  | `${Timeline}-missing-at-end`
  | `${Timeline}-overlap`
  | `${Timeline}-ends-before-start`
  | `${Timeline}-zero-length`
  | `${Timeline}-starts-before-period`
  | `${Timeline}-continues-after-period`
  // placements and carers
  | 'placement-record-split'
  | 'carer-change-not-visible'
  | 'reason-for-placement-change-missing'
  | 'temporary-placement-at-start'
  | 'temporary-placement-at-end'
  | 'temporary-placement-rne'
  | 'temporary-placement-no-return'
  // a sequence of episodes (periodsOfCare)
  | 'episode-dates-invalid'
  | 'episode-open-not-last'
  | 'episode-overlap'
  | 'episode-reason-missing'
  | 'continuation-not-same-day'
  | 'x1-without-continuation'
  | 'continuation-without-x1'
  | 'rne-s-on-continuation'
  | 'rne-not-s-after-care-ceased'
  | 'first-episode-not-s'
  | 'rne-inconsistent'
  | 'category-of-need-changed';

/**
 * Something wrong with the timelines or the episodes. `error`: the SSDA903 return would fail
 * validation or Hearth cannot tell what happened; episodes derived alongside an error are not fit to
 * return. `warning`: the episodes are as the data says but someone should look (for example the DfE
 * validator will query them).
 */
export interface EpisodeProblem {
  code: ProblemCode;
  severity: ProblemSeverity;
  message: string;
  /** The date the problem is at, when there is one. */
  date?: PlainDate;
  /** The DfE SSDA903 validation rule this corresponds to, when there is one (e.g. '380'). */
  rule?: string;
}

export interface EpisodeDerivation {
  episodes: Episode[];
  problems: EpisodeProblem[];
}
