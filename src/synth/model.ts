/**
 * The in-memory journey of each family, before it becomes rows. Dates are day numbers and run past
 * `today` when the simulation says so; emission cuts everything at `today` (a record that ends
 * after today is open; one that starts after today does not exist yet).
 */
import type { NameOrigin } from './pools.js';
import type { Rng } from './prng.js';
import type { ServiceKey } from './workforce.js';

export type Sex = 'M' | 'F' | 'U';

export interface PersonSim {
  id: string;
  given: string;
  family: string;
  sex: Sex;
  dob: number;
  ethnicity: string;
  origin: NameOrigin;
}

export interface AdultSim extends PersonSim {
  relationship: 'mother' | 'father' | 'step-parent' | 'grandparent' | 'aunt' | 'uncle';
  pr: boolean;
  livesWith: boolean;
  nhs: boolean;
}

export interface AddressSim {
  line1: string;
  line2: string | null;
  town: string;
  postcode: string;
  start: number;
  end: number | null;
}

export interface ChildSim extends PersonSim {
  idx: number;
  disabled: boolean;
  disabilityCodes: string[];
  uasc: boolean;
  nationality: string | null;
  /** Day until which the child's current episode is open (exclusive), or -Infinity. */
  busyUntil: number;
  contacts: ContactSim[];
  episodes: EpisodeSim[];
  earlyHelp: EarlyHelpSim[];
  /** Set at emission. */
  laChildNumber: number;
}

export interface FamilySim {
  idx: number;
  rng: Rng;
  uasc: boolean;
  legacy: boolean;
  origin: NameOrigin;
  familyName: string;
  ethnicity: string;
  addresses: AddressSim[];
  otherParentAddress: AddressSim | null;
  adults: AdultSim[];
  children: ChildSim[];
  kinship: KinshipCarerSim | null;
}

export interface KinshipCarerSim {
  id: string;
  adult: AdultSim;
  postcode: string;
  approved: number;
  emitted: boolean;
}

export type Rag = 'red' | 'amber' | 'green';
export type ContactDecision = 'nfa' | 'advice' | 'early_help' | 'referral' | 'strategy_discussion';

export interface ContactSim {
  id: string;
  receivedMs: number;
  source: string;
  concerns: string;
  referrerName: string | null;
  referrerOrg: string | null;
  rag: { rating: Rag; atMs: number; reason: string | null }[];
  decision: ContactDecision | null;
  decidedMs: number | null;
  rationale: string | null;
  mashSeat: number;
  episode: EpisodeSim | null;
}

export interface EarlyHelpSim {
  id: string;
  start: number;
  end: number | null;
  reason: string;
  endReason: string | null;
}

export type Route = 'police' | 'epo' | 'proceedings' | 's20' | 'uasc' | 'remand';

export interface AssessmentSim {
  id: string;
  start: number;
  end: number;
  outcome: string;
  factors: string[];
  childSeen: boolean;
  /** Fault: authorisation date withheld. */
  noAuthorisation?: boolean;
}

export interface StrategySim {
  id: string;
  day: number;
  s47: { id: string; end: number; outcome: string; icpcRequired: boolean } | null;
  icpc: { id: string; day: number; target: number; plan: boolean } | null;
  attendees: { agency: string; name: string | null }[];
}

export interface ReviewSim {
  id: string;
  due: number;
  day: number;
}

export interface CpSim {
  id: string;
  icpcId: string | null;
  start: number;
  end: number;
  reviews: ReviewSim[];
  initialCategory: string;
  latestCategory: string;
}

export interface CinPlanSim {
  id: string;
  start: number;
  end: number;
  reviews: ReviewSim[];
}

export interface Phase {
  day: number;
  service: ServiceKey;
}

export interface EpisodeSim {
  id: string;
  refDay: number;
  source: string;
  need: string;
  referralDecision: 'assessment' | 'strategy_discussion' | 'nfa';
  decidedOn: number;
  closure: number;
  closureReason: string;
  openingContact: ContactSim;
  assessments: AssessmentSim[];
  strategies: StrategySim[];
  cps: CpSim[];
  cins: CinPlanSim[];
  period: PeriodSim | null;
  phases: Phase[];
  cwd: boolean;
  /** Fault: closure date moved to overlap the next episode. */
  overlapFault?: boolean;
}

export interface SegmentSim {
  id: string;
  code: string;
  start: number;
  end: number;
}

export interface PlacementSim {
  id: string;
  type: string;
  /** PR0-PR5, or null for temporary placements. */
  provider: string | null;
  providerId: string | null;
  carerId: string | null;
  postcode: string | null;
  urn: string | null;
  start: number;
  end: number;
  changeReason: string | null;
  longTerm: boolean;
  weeklyCost: number | null;
}

export type ExitKind = 'return' | 'sgo' | 'adopt' | 'longterm' | 'ageout' | 'indep' | 'remand' | 'other' | 'uasc';

export interface PeriodSim {
  id: string;
  start: number;
  /** Full end (may be after today). */
  end: number;
  rec: string;
  category: string;
  uasc: boolean;
  homePostcode: string | null;
  legal: SegmentSim[];
  placements: PlacementSim[];
  route: Route;
  exit: ExitKind;
  permanencePlans: { start: number; codes: string[] }[];
  adoption: {
    adm: number;
    placementOrder: number;
    matched: number;
    placed: number;
    reversed: number | null;
    reversedReason: string | null;
    byCarer: boolean;
  } | null;
}
