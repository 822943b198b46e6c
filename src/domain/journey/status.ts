import { categoriesOfAbuse } from '../codes/category-of-abuse.js';
import { type PlainDate, compareDates, formatLongDate } from '../time/index.js';

export interface EpisodeSpan {
  referralDate: PlainDate;
  closureDate: PlainDate | null;
}

/**
 * A spell from its start date up to, not including, its end date (null = still open): a plan ended
 * on D, or a period of care that ceased on D, no longer applies on D (the SSDA903 and CIN census
 * convention).
 */
export interface Spell {
  startDate: PlainDate;
  endDate: PlainDate | null;
}

export type CareLeaverEligibility = 'eligible' | 'relevant' | 'former_relevant' | 'qualifying';

export interface JourneyFacts {
  episodes: readonly EpisodeSpan[];
  contactsAwaitingDecision: number;
  /** Any contact at all, decided or not. */
  hasContacts?: boolean;
  cinPlans?: readonly Spell[];
  /** Child protection plans with their latest category of abuse (NEG, PHY, SAB, EMO, MUL). */
  cpPlans?: readonly (Spell & { latestCategory: string })[];
  periodsOfCare?: readonly Spell[];
  /** SSDA903 legal statuses (LS) and placements (PLACE), as their own timelines. */
  legalStatuses?: readonly (Spell & { code: string })[];
  placements?: readonly (Spell & { placementType: string })[];
  /** Care-leaver status as a timeline. */
  careLeaver?: readonly (Spell & { eligibility: CareLeaverEligibility })[];
  deathDate?: PlainDate | null;
}

/** Where the child's journey stands on a date, the most significant first. */
export type JourneyStatus = 'died' | 'looked-after' | 'child-protection' | 'care-leaver' | 'child-in-need' | 'at-front-door' | 'closed' | 'not-known';

export const journeyStatusLabels: Record<JourneyStatus, string> = {
  died: 'Died',
  'looked-after': 'Looked after',
  'child-protection': 'On a child protection plan',
  'care-leaver': 'Care leaver',
  'child-in-need': 'Child in need (open episode)',
  'at-front-door': 'Contact awaiting a MASH decision',
  closed: 'Not open to children’s social care',
  'not-known': 'No involvement recorded',
};

/** The status in a list of children, in a word or two ("Child protection plan", "Looked after"). */
export const journeyStatusShortLabels: Record<JourneyStatus, string> = {
  died: 'Died',
  'looked-after': 'Looked after',
  'child-protection': 'Child protection plan',
  'care-leaver': 'Care leaver',
  'child-in-need': 'Child in need',
  'at-front-door': 'At the front door',
  closed: 'Closed',
  'not-known': 'No involvement',
};

/** The status, with the records in force that make it so (each null when none is). */
export interface ChildStatus {
  status: JourneyStatus;
  /** The day the status began, when one record marks it (the plan's or the period's start). */
  since: PlainDate | null;
  episode: EpisodeSpan | null;
  cinPlan: Spell | null;
  cpPlan: (Spell & { latestCategory: string }) | null;
  periodOfCare: Spell | null;
  legalStatus: (Spell & { code: string }) | null;
  placement: (Spell & { placementType: string }) | null;
  careLeaver: (Spell & { eligibility: CareLeaverEligibility }) | null;
}

const inForce = (s: Spell, date: PlainDate) => compareDates(s.startDate, date) <= 0 && (s.endDate === null || compareDates(s.endDate, date) > 0);

/** The spell in force on `date`; with overlapping spells (bad data) the latest-starting one. */
function spellOn<T extends Spell>(spells: readonly T[] | undefined, date: PlainDate): T | null {
  let found: T | null = null;
  for (const s of spells ?? []) if (inForce(s, date) && (found === null || compareDates(s.startDate, found.startDate) >= 0)) found = s;
  return found;
}

/**
 * A child's status on a date, from their record: a pure function of the facts and the date.
 * Looked after outranks a child protection plan (a child in care may still be on one: the alert
 * says so), which outranks being a care leaver, which outranks an open child in need episode (a
 * looked-after child or a relevant care leaver is also a child in need). A child who has died is
 * shown as such from the day of death.
 */
export function childStatusOn(facts: JourneyFacts, date: PlainDate): ChildStatus {
  const episode = facts.episodes.find((e) => inForce({ startDate: e.referralDate, endDate: e.closureDate }, date)) ?? null;
  const cinPlan = spellOn(facts.cinPlans, date);
  const cpPlan = spellOn(facts.cpPlans, date);
  const periodOfCare = spellOn(facts.periodsOfCare, date);
  const legalStatus = periodOfCare ? spellOn(facts.legalStatuses, date) : null;
  const placement = periodOfCare ? spellOn(facts.placements, date) : null;
  const careLeaver = spellOn(facts.careLeaver, date);
  const base = { episode, cinPlan, cpPlan, periodOfCare, legalStatus, placement, careLeaver };
  if (facts.deathDate && compareDates(facts.deathDate, date) <= 0) return { status: 'died', since: facts.deathDate, ...base };
  if (periodOfCare) return { status: 'looked-after', since: periodOfCare.startDate, ...base };
  if (cpPlan) return { status: 'child-protection', since: cpPlan.startDate, ...base };
  if (careLeaver) return { status: 'care-leaver', since: careLeaver.startDate, ...base };
  if (episode) return { status: 'child-in-need', since: cinPlan?.startDate ?? episode.referralDate, ...base };
  if (facts.contactsAwaitingDecision > 0) return { status: 'at-front-door', since: null, ...base };
  const anything = facts.episodes.length > 0 || facts.hasContacts || (facts.cpPlans?.length ?? 0) > 0 || (facts.periodsOfCare?.length ?? 0) > 0 || (facts.careLeaver?.length ?? 0) > 0;
  return { status: anything ? 'closed' : 'not-known', since: null, ...base };
}

/** A child's status as at a date, from their episodes: open on `date` if referred by then and not yet closed. */
export function journeyStatusOn(facts: JourneyFacts, date: PlainDate): JourneyStatus {
  return childStatusOn(facts, date).status;
}

/** SSDA903 legal statuses as a practitioner says them in a sentence. */
const LEGAL_STATUS_WORDS: Record<string, string> = {
  C1: 'interim care order',
  C2: 'full care order',
  D1: 'freeing order',
  E1: 'placement order',
  V2: 'accommodated under section 20',
  V3: 'short breaks under section 20',
  V4: 'short breaks under section 20',
  J1: 'remanded to local authority accommodation',
  J2: 'in local authority accommodation under PACE',
  J3: 'youth rehabilitation order with a residence requirement',
  L1: 'police protection',
  L2: 'emergency protection order',
  L3: 'child assessment order',
};

/** Where a looked-after child is placed, by SSDA903 placement type, as a practitioner says it. */
export function placementWords(placementType: string): string {
  const t = placementType.toUpperCase();
  if (t === 'U2' || t === 'U5') return 'placed with foster carers for adoption (fostering for adoption)';
  if (/^U[13]$/.test(t)) return 'placed with family or friends as foster carers';
  if (/^U[46]$/.test(t)) return 'placed with foster carers';
  if (/^A[3-6]$/.test(t)) return 'placed for adoption';
  if (/^T[0-4]$/.test(t)) return 'in a temporary placement';
  if (/^Z/.test(t)) return 'in another placement';
  const words: Record<string, string> = {
    H5: 'in semi-independent accommodation',
    K1: 'in a secure children’s home',
    K2: 'in a children’s home',
    K3: 'in supported accommodation',
    P1: 'placed with parents',
    P2: 'in independent living',
    P3: 'in residential employment',
    R1: 'in a residential care home',
    R2: 'in hospital or NHS care',
    R3: 'in a family centre or mother and baby unit',
    R5: 'in a young offender institution or prison',
    S1: 'at a residential school',
  };
  return words[t] ?? `in a placement (${placementType})`;
}

export const careLeaverEligibilityLabels: Record<CareLeaverEligibility, string> = {
  eligible: 'Eligible',
  relevant: 'Relevant',
  former_relevant: 'Former relevant',
  qualifying: 'Qualifying',
};

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The status in the words the child's page opens with: "On a child protection plan (neglect) since
 * 3 March 2026", "Looked after since 1 May 2024: full care order (C2), placed with foster carers",
 * "Care leaver: former relevant".
 */
export function describeChildStatus(s: ChildStatus): string {
  const since = s.since ? ` since ${formatLongDate(s.since)}` : '';
  switch (s.status) {
    case 'died':
      return `Died on ${formatLongDate(s.since!)}`;
    case 'looked-after': {
      const parts = [
        s.legalStatus ? `${LEGAL_STATUS_WORDS[s.legalStatus.code] ?? 'legal status'} (${s.legalStatus.code})` : 'no legal status recorded',
        s.placement ? placementWords(s.placement.placementType) : 'no placement recorded',
      ];
      if (s.careLeaver?.eligibility === 'eligible') parts.push('eligible for care leaver support');
      return `Looked after${since}: ${parts.join(', ')}`;
    }
    case 'child-protection':
      return `On a child protection plan (${lowerFirst(categoriesOfAbuse.label(s.cpPlan!.latestCategory)).replace(/ \(not recommended\)$/, ' categories')})${since}`;
    case 'care-leaver':
      return `Care leaver: ${lowerFirst(careLeaverEligibilityLabels[s.careLeaver!.eligibility])}`;
    case 'child-in-need':
      return s.cinPlan ? `Child in need: on a child in need plan${since}` : journeyStatusLabels['child-in-need'];
    default:
      return journeyStatusLabels[s.status];
  }
}

/** Do two episodes overlap? An episode closed on day D and one referred on D do not (CIN census rule 8820). */
export function episodesOverlap(a: EpisodeSpan, b: EpisodeSpan): boolean {
  const endsBefore = (x: EpisodeSpan, y: EpisodeSpan) => x.closureDate !== null && compareDates(x.closureDate, y.referralDate) <= 0;
  return !(endsBefore(a, b) || endsBefore(b, a));
}
