import { addMonths, formatLongDate } from '../../time/index.js';
import type { ObligationRecord } from '../child-record.js';
import type { DueItem } from '../due-item.js';
import type { LocalNorms } from '../local-norms.js';
import { dateItem } from './item.js';
import { recurringDuty } from './recurring.js';

export const RULE_CASE_SUPERVISION = 'case-supervision';
export const SOURCE_CASE_SUPERVISION = 'Local management standard (configurable): each allocated child discussed in supervision monthly';

/** Each allocated child is discussed in supervision at least monthly (a local management standard). */
export function caseSupervisionDue(r: ObligationRecord, norms: LocalNorms): DueItem[] {
  const m = norms.supervisionMonths;
  return r.allocations
    .filter((a) => a.workerId !== null)
    .flatMap((a) =>
      recurringDuty({ start: a.startDate, end: a.endDate, events: r.supervisionDiscussions.map((s) => s.date), first: (s) => addMonths(s, m), next: (last) => addMonths(last, m) }).map((o) =>
        dateItem({
          rule: RULE_CASE_SUPERVISION,
          personId: r.personId,
          subjectType: 'allocation',
          subjectId: a.id,
          dueOn: o.dueOn,
          metOn: o.metOn,
          lapsedOn: o.lapsedOn,
          basis: `${m} month${m === 1 ? '' : 's'} from ${o.anchorIsStart ? 'allocation' : 'the last supervision discussion'} on ${formatLongDate(o.anchor)}`,
          source: SOURCE_CASE_SUPERVISION,
        }),
      ),
    );
}
