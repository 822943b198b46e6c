import { type PlainDate, addMonths, addWorkingDays, compareDates, formatLongDate, sortedTerms } from '../../time/index.js';
import type { ObligationRecord } from '../child-record.js';
import type { DueItem } from '../due-item.js';
import type { LocalNorms } from '../local-norms.js';
import { dateItem } from './item.js';
import { firstOnOrAfter, oneOff } from './one-off.js';

export const RULE_PEP = 'la-pep';
export const SOURCE_PEP =
  'Promoting the education of looked-after and previously looked-after children (DfE 2018): the personal education plan part of the care plan, within 10 working days of becoming looked after in an emergency, then reviewed each school term (term dates a local setting)';

/**
 * Personal education plans for a child of school age (4 or over: Reception to Year 13): the first
 * within 10 working days of the start of each period of care, then one in each school term that
 * starts after it, due by the term's last day. Terms come from the local setting; none is owed for a
 * term the setting does not list.
 */
export function pepsDue(r: ObligationRecord, norms: LocalNorms): DueItem[] {
  const dob = r.dateOfBirth;
  const schoolAge = (d: PlainDate) => dob === null || compareDates(d, addMonths(dob, 48)) >= 0;
  const peps = r.peps.map((p) => p.date);
  const terms = sortedTerms(norms.schoolTerms);
  return r.periodsOfCare.flatMap((period) => {
    const items: DueItem[] = [];
    const item = (o: { dueOn: PlainDate; metOn: PlainDate | null; lapsedOn: PlainDate | null }, basis: string) => dateItem({ rule: RULE_PEP, personId: r.personId, subjectType: 'period_of_care', subjectId: period.id, ...o, basis, source: SOURCE_PEP });
    if (schoolAge(period.startDate)) {
      const o = oneOff({ dueOn: addWorkingDays(period.startDate, 10), metOn: firstOnOrAfter(peps, period.startDate, period.endDate), end: period.endDate });
      if (o) items.push(item(o, `10 working days from becoming looked after on ${formatLongDate(period.startDate)}`));
    }
    for (const term of terms) {
      if (compareDates(term.start, period.startDate) <= 0 || (period.endDate !== null && compareDates(term.start, period.endDate) > 0) || !schoolAge(term.start)) continue;
      const o = oneOff({ dueOn: term.end, metOn: firstOnOrAfter(peps, term.start, term.end), end: period.endDate });
      if (o) items.push(item(o, `A review in the ${term.name.charAt(0).toLowerCase() + term.name.slice(1)} (${formatLongDate(term.start)} to ${formatLongDate(term.end)})`));
    }
    return items;
  });
}
