import { type PlainDate, compareDates } from '../time/index.js';

export interface EpisodeSpan {
  referralDate: PlainDate;
  closureDate: PlainDate | null;
}

export interface JourneyFacts {
  episodes: readonly EpisodeSpan[];
  contactsAwaitingDecision: number;
  /** Any contact at all, decided or not. */
  hasContacts?: boolean;
}

export type JourneyStatus = 'child-in-need' | 'at-front-door' | 'closed' | 'not-known';

export const journeyStatusLabels: Record<JourneyStatus, string> = {
  'child-in-need': 'Child in need (open episode)',
  'at-front-door': 'Contact awaiting a MASH decision',
  closed: 'Not open to children’s social care',
  'not-known': 'No involvement recorded',
};

/** A child's status as at a date, from their episodes: open on `date` if referred by then and not yet closed. */
export function journeyStatusOn(facts: JourneyFacts, date: PlainDate): JourneyStatus {
  const open = facts.episodes.some(
    (e) => compareDates(e.referralDate, date) <= 0 && (e.closureDate === null || compareDates(e.closureDate, date) > 0),
  );
  if (open) return 'child-in-need';
  if (facts.contactsAwaitingDecision > 0) return 'at-front-door';
  return facts.episodes.length > 0 || facts.hasContacts ? 'closed' : 'not-known';
}

/** Do two episodes overlap? An episode closed on day D and one referred on D do not (CIN census rule 8820). */
export function episodesOverlap(a: EpisodeSpan, b: EpisodeSpan): boolean {
  const endsBefore = (x: EpisodeSpan, y: EpisodeSpan) => x.closureDate !== null && compareDates(x.closureDate, y.referralDate) <= 0;
  return !(endsBefore(a, b) || endsBefore(b, a));
}
