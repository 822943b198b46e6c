import { type PlainDate, addMonths, addWeeks, compareDates, formatLongDate, maxDate } from '../../time/index.js';
import type { ObligationRecord } from '../child-record.js';
import type { DueItem } from '../due-item.js';
import type { LocalNorms } from '../local-norms.js';
import { dateItem } from './item.js';
import { oneOff } from './one-off.js';
import { recurringDuty } from './recurring.js';

export const RULE_NEEDS_ASSESSMENT = 'cl-needs-assessment';
export const RULE_PATHWAY_PLAN = 'cl-pathway-plan';
export const RULE_PATHWAY_PLAN_REVIEW = 'cl-pathway-plan-review';
export const RULE_KEEPING_IN_TOUCH = 'cl-keeping-in-touch';
// domain.md §1.3 and §8 item 3: the regulation numbers are to be verified against the statutory instruments.
const PART7 = 'Care Planning, Placement and Case Review (England) Regulations 2010, Part 7, and the Care Leavers (England) Regulations 2010';
export const SOURCE_NEEDS_ASSESSMENT = `${PART7}: the needs assessment of an eligible or relevant child within 3 months of their 16th birthday or of becoming eligible, whichever is later`;
export const SOURCE_PATHWAY_PLAN = `${PART7}: the pathway plan prepared from the needs assessment; Local standard: by the same date, 3 months after the 16th birthday or becoming eligible`;
export const SOURCE_PATHWAY_PLAN_REVIEW = `${PART7}: the pathway plan reviewed at least every 6 months`;
export const SOURCE_KEEPING_IN_TOUCH = 'Children Act 1989 s23C(1): the authority keeps in touch with each former relevant young person; Local standard (configurable): contact at least every 8 weeks by default';

type Status = ObligationRecord['careLeaverStatuses'][number];
const sorted = (xs: readonly Status[]) => [...xs].sort((a, b) => compareDates(a.startDate, b.startDate));

/** When the authority's duties as a care leaver's end: the last status's end, or null while one is open. */
function dutiesEnd(statuses: readonly Status[]): PlainDate | null {
  if (statuses.length === 0 || statuses.some((s) => s.endDate === null)) return null;
  return statuses.map((s) => s.endDate!).sort(compareDates).at(-1)!;
}

/** The needs assessment and the pathway plan, each due 3 months after the later of the 16th birthday and becoming eligible (or relevant). */
export function needsAssessmentAndPathwayPlanDue(r: ObligationRecord): DueItem[] {
  const first = sorted(r.careLeaverStatuses.filter((s) => s.eligibility === 'eligible' || s.eligibility === 'relevant'))[0];
  if (!first) return [];
  const sixteenth = r.dateOfBirth ? addMonths(r.dateOfBirth, 12 * 16) : null;
  const from = sixteenth ? maxDate(sixteenth, first.startDate) : first.startDate;
  const why = sixteenth && compareDates(sixteenth, first.startDate) >= 0 ? `the 16th birthday on ${formatLongDate(from)}` : `becoming ${first.eligibility} on ${formatLongDate(from)}`;
  const end = dutiesEnd(r.careLeaverStatuses);
  const assessed = r.careLeaverStatuses.map((s) => s.needsAssessedOn).filter((d): d is PlainDate => d !== null).sort(compareDates)[0] ?? null;
  const planned = r.pathwayPlans.map((p) => p.date).sort(compareDates)[0] ?? null;
  const dueOn = addMonths(from, 3);
  const out: DueItem[] = [];
  const a = oneOff({ dueOn, metOn: assessed, end });
  if (a) out.push(dateItem({ rule: RULE_NEEDS_ASSESSMENT, personId: r.personId, subjectType: 'care_leaver', subjectId: first.id, ...a, basis: `3 months from ${why}`, source: SOURCE_NEEDS_ASSESSMENT }));
  const p = oneOff({ dueOn, metOn: planned, end });
  if (p) out.push(dateItem({ rule: RULE_PATHWAY_PLAN, personId: r.personId, subjectType: 'care_leaver', subjectId: first.id, ...p, basis: `3 months from ${why}`, source: SOURCE_PATHWAY_PLAN }));
  return out;
}

/** The pathway plan reviewed at least every 6 months from the first plan, while the authority owes the young person its duties. */
export function pathwayPlanReviewsDue(r: ObligationRecord): DueItem[] {
  const plans = r.pathwayPlans.map((p) => p.date).sort(compareDates);
  const first = plans[0];
  const status = sorted(r.careLeaverStatuses).filter((s) => s.eligibility !== 'qualifying')[0];
  if (!first || !status) return [];
  return recurringDuty({ start: first, end: dutiesEnd(r.careLeaverStatuses), events: plans.slice(1), first: (d) => addMonths(d, 6), next: (d) => addMonths(d, 6) }).map((o) =>
    dateItem({
      rule: RULE_PATHWAY_PLAN_REVIEW,
      personId: r.personId,
      subjectType: 'care_leaver',
      subjectId: status.id,
      dueOn: o.dueOn,
      metOn: o.metOn,
      lapsedOn: o.lapsedOn,
      basis: `6 months from the ${o.anchorIsStart ? 'pathway plan' : 'last review of the pathway plan'} on ${formatLongDate(o.anchor)}`,
      source: SOURCE_PATHWAY_PLAN_REVIEW,
    }),
  );
}

/** Keeping in touch with a former relevant young person: a contact (in touch) at least every 8 weeks by default. */
export function keepingInTouchDue(r: ObligationRecord, norms: LocalNorms): DueItem[] {
  const w = norms.keepingInTouchWeeks;
  const contacts = r.careLeaverContacts.filter((c) => c.inTouch === 'YES').map((c) => c.date);
  return r.careLeaverStatuses
    .filter((s) => s.eligibility === 'former_relevant')
    .flatMap((s) =>
      recurringDuty({ start: s.startDate, end: s.endDate, events: contacts, first: (d) => addWeeks(d, w), next: (d) => addWeeks(d, w) }).map((o) =>
        dateItem({
          rule: RULE_KEEPING_IN_TOUCH,
          personId: r.personId,
          subjectType: 'care_leaver',
          subjectId: s.id,
          dueOn: o.dueOn,
          metOn: o.metOn,
          lapsedOn: o.lapsedOn,
          basis: `${w} weeks from ${o.anchorIsStart ? 'becoming a former relevant young person' : 'the last contact'} on ${formatLongDate(o.anchor)}`,
          source: SOURCE_KEEPING_IN_TOUCH,
        }),
      ),
    );
}
