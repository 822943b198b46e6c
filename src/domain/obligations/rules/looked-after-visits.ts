import { type PlainDate, addMonths, addWeeks, compareDates, formatLongDate } from '../../time/index.js';
import type { ObligationRecord } from '../child-record.js';
import type { DueItem } from '../due-item.js';
import { dateItem } from './item.js';
import { periodsWithPlacements } from './looked-after-plans.js';
import { firstReviewOf } from './looked-after-reviews.js';

export const RULE_LA_VISIT = 'la-visit';
export const SOURCE_LA_VISIT =
  'Care Planning, Placement and Case Review (England) Regulations 2010, reg 28: within 1 week of the start of any placement, then at least every 6 weeks in its first year and, after it, every 3 months if the placement is long-term or 6 weeks if not (28(2)); weekly until the first review, then every 6 weeks, for a child placed with a parent before the assessment is complete (28(3)); weekly until the first review, then every 4 weeks, with a connected person under temporary approval or with a parent under an interim care order (28(4)); every 6 weeks with a parent under a care order (28(5))';

/** SSDA903 placement types of foster care with a relative or friend (a connected person). */
const CONNECTED_PERSON_TYPES = ['U1', 'U2', 'U3'];
/** Temporary approval of a connected person lasts at most 16 weeks (reg 25(1); extendable by 8 weeks, 25(2)). */
const TEMPORARY_APPROVAL_WEEKS = 16;

type Placement = ObligationRecord['placements'][number];

/** What was in force on a date: the latest to start on or before it. */
function asAt<T extends { startDate: PlainDate }>(rows: readonly T[], d: PlainDate): T | undefined {
  return rows.filter((x) => compareDates(x.startDate, d) <= 0).sort((a, b) => compareDates(a.startDate, b.startDate)).at(-1);
}

/**
 * The next visit after one on `d`, by the variant of reg 28 that applied to the child on that day:
 * their placement, their legal status, and whether the first review has been held.
 */
export function nextVisitAfter(d: PlainDate, placement: Placement | undefined, legalStatus: string | undefined, firstReview: PlainDate | null): { dueOn: PlainDate; why: string } {
  const beforeFirstReview = firstReview === null || compareDates(d, firstReview) < 0;
  const weekly = (then: number, who: string) =>
    beforeFirstReview ? { dueOn: addWeeks(d, 1), why: `1 week from the last visit on ${formatLongDate(d)} (${who}: weekly until the first review)` } : { dueOn: addWeeks(d, then), why: `${then} weeks from the last visit on ${formatLongDate(d)} (${who}, after the first review)` };
  if (placement?.type === 'P1') {
    if (legalStatus === 'C1') return weekly(4, 'placed with a parent under an interim care order');
    if (legalStatus === 'C2') return { dueOn: addWeeks(d, 6), why: `6 weeks from the last visit on ${formatLongDate(d)} (placed with a parent under a care order)` };
    return weekly(6, 'placed with a parent before the assessment is complete');
  }
  if (placement && CONNECTED_PERSON_TYPES.includes(placement.type) && compareDates(d, addWeeks(placement.startDate, TEMPORARY_APPROVAL_WEEKS)) < 0) {
    return weekly(4, 'with a connected person under temporary approval');
  }
  if (placement && compareDates(d, addMonths(placement.startDate, 12)) >= 0 && placement.longTerm) {
    return { dueOn: addMonths(d, 3), why: `3 months from the last visit on ${formatLongDate(d)} (a long-term placement after its first year)` };
  }
  const firstYear = !placement || compareDates(d, addMonths(placement.startDate, 12)) < 0;
  return { dueOn: addWeeks(d, 6), why: `6 weeks from the last visit on ${formatLongDate(d)} (${firstYear ? 'the first year of the placement' : 'a placement not intended to last'})` };
}

/**
 * Statutory visits to a child in care (reg 28), one chain per period of care. Each visit is due from
 * the last one (the child seen) by the variant that applied on that day; the start of any placement
 * restarts the chain with a visit within a week, and a visit that fell due before the move and was not
 * made is missed.
 */
export function lookedAfterVisitsDue(r: ObligationRecord): DueItem[] {
  const out: DueItem[] = [];
  for (const { period, placements } of periodsWithPlacements(r)) {
    const end = period.endDate;
    const visits = r.visits.filter((v) => v.seen && compareDates(v.date, period.startDate) >= 0 && (end === null || compareDates(v.date, end) <= 0)).map((v) => v.date).sort(compareDates);
    const statuses = r.legalStatuses.filter((l) => l.periodId === period.id);
    const firstReview = firstReviewOf(r, period.id);
    const push = (dueOn: PlainDate, metOn: PlainDate | null, lapsedOn: PlainDate | null, basis: string) =>
      out.push(dateItem({ rule: RULE_LA_VISIT, personId: r.personId, subjectType: 'period_of_care', subjectId: period.id, dueOn, metOn, lapsedOn, basis, source: SOURCE_LA_VISIT }));
    let anchor = placements[0]?.startDate ?? period.startDate;
    let fromPlacement = true;
    for (let guard = 0; guard < 10_000; guard++) {
      const { dueOn, why } = fromPlacement ? { dueOn: addWeeks(anchor, 1), why: `1 week from the start of the placement on ${formatLongDate(anchor)}` } : nextVisitAfter(anchor, asAt(placements, anchor), asAt(statuses, anchor)?.code, firstReview);
      const a = anchor;
      const visit = visits.find((v) => (fromPlacement ? compareDates(v, a) >= 0 : compareDates(v, a) > 0));
      const move = placements.find((p) => compareDates(p.startDate, a) > 0 && (end === null || compareDates(p.startDate, end) <= 0));
      if (move && (visit === undefined || compareDates(move.startDate, visit) < 0)) {
        // A new placement: its own visit within a week. One due before the move and not made was missed.
        if (compareDates(dueOn, move.startDate) < 0) push(dueOn, null, move.startDate, why);
        anchor = move.startDate;
        fromPlacement = true;
        continue;
      }
      if (end !== null && (visit === undefined || compareDates(end, visit) < 0)) {
        if (compareDates(dueOn, end) <= 0) push(dueOn, null, end, why);
        break;
      }
      if (visit === undefined) {
        push(dueOn, null, null, why);
        break;
      }
      push(dueOn, visit, null, why);
      anchor = visit;
      fromPlacement = false;
    }
  }
  return out;
}
