import { DEFAULT_RAG_CLOCK_HOURS, type RagClockHours, type RagRating } from '../front-door/rag.js';
import { addHours, addWorkingDays, formatLongDate, formatLondonDateTime, londonDateOf, type PlainDate } from '../time/index.js';
import type { ObligationRecord } from './child-record.js';
import type { DueItem } from './due-item.js';

export const RULE_MASH_DECISION = 'mash-decision';
export const RULE_REFERRAL_DECISION = 'referral-decision';
export const SOURCE_MASH_DECISION = 'Local MASH RAG standard (configurable): red 4, amber 24, green 72 hours by default';
export const SOURCE_REFERRAL_DECISION = 'Working Together to Safeguard Children 2023, chapter 2: decision on the type of response within 1 working day';

export interface ContactForClock {
  id: string;
  personId: string;
  receivedAt: Date;
  decidedAt: Date | null;
  /** Ratings oldest first. */
  ratings: readonly { rating: RagRating; ratedAt: Date }[];
}

/**
 * The MASH decision clock (domain.md §1.1 row 1; a local standard, configurable).
 * The first rating's clock runs from receipt. A re-rating as information arrives starts the new
 * rating's clock from the moment of re-rating. A contact not yet rated runs on the red clock:
 * until somebody has looked at it, it could be red.
 */
export function mashDecisionDue(contact: ContactForClock, hours: RagClockHours = DEFAULT_RAG_CLOCK_HOURS): DueItem {
  const ratings = contact.ratings;
  const current = ratings.at(-1);
  let dueAt: Date;
  let basis: string;
  if (!current) {
    dueAt = addHours(contact.receivedAt, hours.red);
    basis = `Not yet RAG rated: the red clock (${hours.red} hours) runs from receipt on ${formatLondonDateTime(contact.receivedAt)}`;
  } else if (ratings.length === 1) {
    dueAt = addHours(contact.receivedAt, hours[current.rating]);
    basis = `Rated ${current.rating}: ${hours[current.rating]} hours from receipt on ${formatLondonDateTime(contact.receivedAt)}`;
  } else {
    dueAt = addHours(current.ratedAt, hours[current.rating]);
    basis = `Re-rated ${current.rating} on ${formatLondonDateTime(current.ratedAt)}: ${hours[current.rating]} hours from the re-rating`;
  }
  return {
    rule: RULE_MASH_DECISION,
    personId: contact.personId,
    subjectType: 'contact',
    subjectId: contact.id,
    dueOn: null,
    dueAt,
    metOn: contact.decidedAt ? londonDateOf(contact.decidedAt) : null,
    metAt: contact.decidedAt,
    basis,
    source: SOURCE_MASH_DECISION,
  };
}

export interface EpisodeForReferralDecision {
  id: string;
  personId: string;
  referralDate: PlainDate;
  referralDecidedOn: PlainDate | null;
}

/**
 * Working Together to Safeguard Children 2023: within one working day of a referral being received,
 * a local authority social worker should decide the type of response required.
 */
export function referralDecisionDue(episode: EpisodeForReferralDecision): DueItem {
  const dueOn = addWorkingDays(episode.referralDate, 1);
  return {
    rule: RULE_REFERRAL_DECISION,
    personId: episode.personId,
    subjectType: 'cin_episode',
    subjectId: episode.id,
    dueOn,
    dueAt: null,
    metOn: episode.referralDecidedOn,
    metAt: null,
    basis: `1 working day from the referral on ${formatLongDate(episode.referralDate)}`,
    source: SOURCE_REFERRAL_DECISION,
  };
}

/** The referral decision of every episode in a child's record; an episode closed undecided lapses it. */
export function referralDecisionsDue(record: ObligationRecord): DueItem[] {
  return record.episodes.map((e) => {
    const item = referralDecisionDue({ id: e.id, personId: record.personId, referralDate: e.referralDate, referralDecidedOn: e.referralDecidedOn });
    return { ...item, lapsedOn: !item.metOn && e.closureDate ? e.closureDate : null };
  });
}
