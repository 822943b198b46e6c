import { type PlainDate, addMonths, addWorkingDays, compareDates, formatLongDate } from '../../time/index.js';
import type { ObligationRecord } from '../child-record.js';
import type { DueItem } from '../due-item.js';
import { dateItem } from './item.js';
import { recurringDuty } from './recurring.js';

export const RULE_FIRST_LA_REVIEW = 'la-review-first';
export const RULE_SECOND_LA_REVIEW = 'la-review-second';
export const RULE_LA_REVIEW = 'la-review';
const REG33 = 'Care Planning, Placement and Case Review (England) Regulations 2010, reg 33';
export const SOURCE_FIRST_LA_REVIEW = `${REG33}: the first review within 20 working days of the child becoming looked after`;
export const SOURCE_SECOND_LA_REVIEW = `${REG33}: the second review within 3 months of the first`;
export const SOURCE_LA_REVIEW = `${REG33}: later reviews at intervals of no more than 6 months`;

/** The date of the first review held in a period of care, if any: it ends the weekly visits of reg 28(3) and (4). */
export function firstReviewOf(r: ObligationRecord, periodId: string): PlainDate | null {
  return r.claReviews.filter((v) => v.periodId === periodId).map((v) => v.date).sort(compareDates)[0] ?? null;
}

/**
 * Looked-after reviews (reg 33): the first within 20 working days of the start of the period of care,
 * the second within 3 months of the first, then no more than 6 months apart. One chain per period;
 * each review is due from the one before it, however late that was held.
 */
export function lookedAfterReviewsDue(r: ObligationRecord): DueItem[] {
  return r.periodsOfCare.flatMap((period) => {
    const events = r.claReviews.filter((v) => v.periodId === period.id).map((v) => v.date);
    const first = events.filter((d) => compareDates(d, period.startDate) >= 0).sort(compareDates)[0] ?? null;
    const isFirst = (d: PlainDate) => first !== null && compareDates(d, first) === 0;
    return recurringDuty({
      start: period.startDate,
      end: period.endDate,
      events,
      first: (s) => addWorkingDays(s, 20),
      next: (last) => addMonths(last, isFirst(last) ? 3 : 6),
    }).map((o) => {
      const [rule, source, basis] = o.anchorIsStart
        ? [RULE_FIRST_LA_REVIEW, SOURCE_FIRST_LA_REVIEW, `20 working days from becoming looked after on ${formatLongDate(o.anchor)}`]
        : isFirst(o.anchor)
          ? [RULE_SECOND_LA_REVIEW, SOURCE_SECOND_LA_REVIEW, `3 months from the first review on ${formatLongDate(o.anchor)}`]
          : [RULE_LA_REVIEW, SOURCE_LA_REVIEW, `6 months from the last review on ${formatLongDate(o.anchor)}`];
      return dateItem({ rule, personId: r.personId, subjectType: 'period_of_care', subjectId: period.id, dueOn: o.dueOn, metOn: o.metOn, lapsedOn: o.lapsedOn, basis, source });
    });
  });
}
