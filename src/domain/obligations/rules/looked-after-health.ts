import { type PlainDate, addMonths, addWorkingDays, compareDates, formatLongDate, maxDate } from '../../time/index.js';
import type { ObligationRecord } from '../child-record.js';
import type { DueItem } from '../due-item.js';
import { dateItem } from './item.js';
import { oneOff } from './one-off.js';
import { recurringDuty } from './recurring.js';

export const RULE_IHA = 'la-initial-health-assessment';
export const RULE_RHA = 'la-review-health-assessment';
export const RULE_DENTAL = 'la-dental-check';
export const RULE_SDQ = 'la-sdq';
export const SOURCE_IHA = 'Care Planning, Placement and Case Review (England) Regulations 2010, reg 7; Promoting the health and well-being of looked-after children (2015): the initial health assessment before the first review, within 20 working days of becoming looked after (one in the 3 months before counts)';
export const SOURCE_RHA = 'Care Planning, Placement and Case Review (England) Regulations 2010, reg 7 and Schedule 1; Promoting the health and well-being of looked-after children (2015): review health assessments at least every 6 months before the 5th birthday and every 12 months from it';
export const SOURCE_DENTAL = 'DfE SSDA903 OC2 TEETH_CHECK: a dental check within the last 12 months for each child looked after for 12 months or more';
export const SOURCE_SDQ = 'DfE SSDA903 OC2 (rules 157, 185-198); Promoting the health and well-being of looked-after children (2015): a Strengths and Difficulties Questionnaire each year for a child looked after for 12 months or more, aged 4 to 16';

const ofType = (r: ObligationRecord, type: ObligationRecord['healthChecks'][number]['type']) => r.healthChecks.filter((h) => h.type === type).map((h) => h.date).sort(compareDates);
const birthday = (dob: PlainDate, age: number) => addMonths(dob, 12 * age);

/** The initial health assessment within 20 working days of the start of each period of care. */
export function initialHealthAssessmentDue(r: ObligationRecord): DueItem[] {
  const ihas = ofType(r, 'initial_health_assessment');
  return r.periodsOfCare.flatMap((period) => {
    const metOn = ihas.find((d) => compareDates(d, addMonths(period.startDate, -3)) >= 0) ?? null;
    const o = oneOff({ dueOn: addWorkingDays(period.startDate, 20), metOn, end: period.endDate });
    if (!o) return [];
    return [dateItem({ rule: RULE_IHA, personId: r.personId, subjectType: 'period_of_care', subjectId: period.id, ...o, basis: `20 working days from becoming looked after on ${formatLongDate(period.startDate)}`, source: SOURCE_IHA })];
  });
}

/**
 * Review health assessments from the initial one, each from the last: 6 months while the child is
 * under 5 on the day of the last assessment, 12 months from their 5th birthday. None before the
 * initial assessment is done (that one is on the worktray instead).
 */
export function reviewHealthAssessmentsDue(r: ObligationRecord): DueItem[] {
  const ihas = ofType(r, 'initial_health_assessment');
  const rhas = ofType(r, 'review_health_assessment');
  const dob = r.dateOfBirth;
  const months = (d: PlainDate) => (dob !== null && compareDates(d, birthday(dob, 5)) < 0 ? 6 : 12);
  return r.periodsOfCare.flatMap((period) => {
    const iha = ihas.find((d) => compareDates(d, addMonths(period.startDate, -3)) >= 0 && (period.endDate === null || compareDates(d, period.endDate) <= 0));
    if (!iha) return [];
    return recurringDuty({ start: iha, end: period.endDate, events: rhas.filter((d) => compareDates(d, iha) > 0), first: (d) => addMonths(d, months(d)), next: (d) => addMonths(d, months(d)) }).map((o) =>
      dateItem({
        rule: RULE_RHA,
        personId: r.personId,
        subjectType: 'period_of_care',
        subjectId: period.id,
        dueOn: o.dueOn,
        metOn: o.metOn,
        lapsedOn: o.lapsedOn,
        basis: `${months(o.anchor)} months from the ${o.anchorIsStart ? 'initial' : 'last review'} health assessment on ${formatLongDate(o.anchor)}${months(o.anchor) === 6 ? ' (under 5 then)' : ''}`,
        source: SOURCE_RHA,
      }),
    );
  });
}

/** A dental check by the time a child has been looked after 12 months, then within 12 months of the last. */
export function dentalChecksDue(r: ObligationRecord): DueItem[] {
  const checks = ofType(r, 'dental_check');
  return r.periodsOfCare.flatMap((period) =>
    recurringDuty({ start: period.startDate, end: period.endDate, events: checks, first: (d) => addMonths(d, 12), next: (d) => addMonths(d, 12) }).map((o) =>
      dateItem({
        rule: RULE_DENTAL,
        personId: r.personId,
        subjectType: 'period_of_care',
        subjectId: period.id,
        dueOn: o.dueOn,
        metOn: o.metOn,
        lapsedOn: o.lapsedOn,
        basis: o.anchorIsStart ? `12 months looked after from ${formatLongDate(o.anchor)}` : `12 months from the last dental check on ${formatLongDate(o.anchor)}`,
        source: SOURCE_DENTAL,
      }),
    ),
  );
}

/**
 * A Strengths and Difficulties Questionnaire (a score, or the SSDA903 reason it was not done) once a
 * child has been looked after 12 months and is 4, then every 12 months while they are under 17.
 */
export function sdqDue(r: ObligationRecord): DueItem[] {
  const dob = r.dateOfBirth;
  const done = r.sdqs.map((q) => q.date);
  return r.periodsOfCare.flatMap((period) => {
    const yearIn = addMonths(period.startDate, 12);
    const from = dob ? maxDate(period.startDate, addMonths(birthday(dob, 4), -12)) : period.startDate;
    // None is owed once the child is 17 (no end passed to the chain: a future birthday is not a lapse).
    const ageEnd = dob ? birthday(dob, 17) : null;
    if (ageEnd !== null && compareDates(ageEnd, from) <= 0) return [];
    return recurringDuty({ start: from, end: period.endDate, events: done, first: (d) => maxDate(addMonths(d, 12), yearIn), next: (d) => addMonths(d, 12) })
      .filter((o) => ageEnd === null || compareDates(o.dueOn, ageEnd) < 0)
      .map((o) =>
        dateItem({
          rule: RULE_SDQ,
          personId: r.personId,
          subjectType: 'period_of_care',
          subjectId: period.id,
          dueOn: o.dueOn,
          metOn: o.metOn,
          lapsedOn: o.lapsedOn,
          basis: o.anchorIsStart ? `12 months looked after${dob && compareDates(from, period.startDate) > 0 ? ', and aged 4,' : ''} from ${formatLongDate(period.startDate)}` : `12 months from the last questionnaire on ${formatLongDate(o.anchor)}`,
          source: SOURCE_SDQ,
        }),
      );
  });
}
