import { type PlainDate, addMonths, addWorkingDays, compareDates, formatLongDate } from '../../time/index.js';
import type { ObligationRecord } from '../child-record.js';
import type { DueItem } from '../due-item.js';
import type { LocalNorms } from '../local-norms.js';
import { dateItem } from './item.js';
import { recurringDuty } from './recurring.js';

export const RULE_CP_VISIT = 'cp-visit';
export const RULE_CP_VISIT_SEEN_ALONE = 'cp-visit-seen-alone';
export const RULE_CIN_VISIT = 'cin-visit';
export const RULE_CIN_PLAN_REVIEW = 'cin-plan-review';
export const RULE_VISIT_WRITE_UP = 'visit-write-up';
export const SOURCE_CP_VISIT = 'Local standard (configurable, 10 working days by default); the frequency is set in the child protection plan (Working Together 2023)';
export const SOURCE_CP_VISIT_SEEN_ALONE = 'London Child Protection Procedures: the child seen alone at least on alternate visits';
export const SOURCE_CIN_VISIT = 'Local standard (configurable): child in need visits at least every 20 working days';
export const SOURCE_CIN_PLAN_REVIEW = 'Local standard (configurable): child in need plans reviewed at least every 3 months';
export const SOURCE_VISIT_WRITE_UP = 'Local recording standard (configurable): visits written up within 2 working days';

const within = (d: PlainDate, start: PlainDate, end: PlainDate | null) => compareDates(d, start) >= 0 && (end === null || compareDates(d, end) <= 0);

function seenVisitsDuring(r: ObligationRecord, start: PlainDate, end: PlainDate | null) {
  return r.visits.filter((v) => v.seen && within(v.date, start, end)).sort((a, b) => compareDates(a.date, b.date));
}

/** CP statutory visits: every 10 working days by default, from the plan's start or the last visit when the child was seen. */
export function cpVisitsDue(r: ObligationRecord, norms: LocalNorms): DueItem[] {
  const n = norms.cpVisitWorkingDays;
  return r.cpPlans.flatMap((plan) => {
    const visits = seenVisitsDuring(r, plan.startDate, plan.endDate);
    const regular = recurringDuty({ start: plan.startDate, end: plan.endDate, events: visits.map((v) => v.date), first: (s) => addWorkingDays(s, n), next: (last) => addWorkingDays(last, n) }).map((o) =>
      dateItem({
        rule: RULE_CP_VISIT,
        personId: r.personId,
        subjectType: 'cp_plan',
        subjectId: plan.id,
        dueOn: o.dueOn,
        metOn: o.metOn,
        lapsedOn: o.lapsedOn,
        basis: `${n} working days from ${o.anchorIsStart ? 'the start of the plan' : 'the last visit'} on ${formatLongDate(o.anchor)}`,
        source: SOURCE_CP_VISIT,
      }),
    );
    // Seen alone at least on alternate visits (London Child Protection Procedures): after a visit
    // where the child was not seen alone, the next one must see them alone.
    const alone = visits.flatMap((v, i) => {
      if (v.seenAlone) return [];
      const next = visits[i + 1];
      // A plan that ended before the next visit was due owed no further visit: nothing was missed.
      if (!next && plan.endDate && compareDates(addWorkingDays(v.date, n), plan.endDate) > 0) return [];
      return [
        dateItem({
          rule: RULE_CP_VISIT_SEEN_ALONE,
          personId: r.personId,
          subjectType: 'cp_plan',
          subjectId: plan.id,
          dueOn: addWorkingDays(v.date, n),
          metOn: next?.seenAlone ? next.date : null,
          lapsedOn: next && !next.seenAlone ? next.date : !next && plan.endDate ? plan.endDate : null,
          basis: `The child was not seen alone at the visit on ${formatLongDate(v.date)}, so must be at the next`,
          source: SOURCE_CP_VISIT_SEEN_ALONE,
        }),
      ];
    });
    return [...regular, ...alone];
  });
}

/** CIN visits: every 20 working days by default during a child in need plan. */
export function cinVisitsDue(r: ObligationRecord, norms: LocalNorms): DueItem[] {
  const n = norms.cinVisitWorkingDays;
  return r.cinPlans.flatMap((plan) =>
    recurringDuty({ start: plan.startDate, end: plan.endDate, events: seenVisitsDuring(r, plan.startDate, plan.endDate).map((v) => v.date), first: (s) => addWorkingDays(s, n), next: (last) => addWorkingDays(last, n) }).map((o) =>
      dateItem({
        rule: RULE_CIN_VISIT,
        personId: r.personId,
        subjectType: 'cin_plan',
        subjectId: plan.id,
        dueOn: o.dueOn,
        metOn: o.metOn,
        lapsedOn: o.lapsedOn,
        basis: `${n} working days from ${o.anchorIsStart ? 'the start of the plan' : 'the last visit'} on ${formatLongDate(o.anchor)}`,
        source: SOURCE_CIN_VISIT,
      }),
    ),
  );
}

/** CIN plan reviews: at least every 3 months by default. */
export function cinPlanReviewsDue(r: ObligationRecord, norms: LocalNorms): DueItem[] {
  const m = norms.cinPlanReviewMonths;
  return r.cinPlans.flatMap((plan) =>
    recurringDuty({ start: plan.startDate, end: plan.endDate, events: r.cinPlanReviews.filter((v) => v.planId === plan.id).map((v) => v.date), first: (s) => addMonths(s, m), next: (last) => addMonths(last, m) }).map((o) =>
      dateItem({
        rule: RULE_CIN_PLAN_REVIEW,
        personId: r.personId,
        subjectType: 'cin_plan',
        subjectId: plan.id,
        dueOn: o.dueOn,
        metOn: o.metOn,
        lapsedOn: o.lapsedOn,
        basis: `${m} months from ${o.anchorIsStart ? 'the start of the plan' : 'the last review'} on ${formatLongDate(o.anchor)}`,
        source: SOURCE_CIN_PLAN_REVIEW,
      }),
    ),
  );
}

/** Every visit written up within 2 working days (a local recording standard). */
export function visitWriteUpsDue(r: ObligationRecord, norms: LocalNorms): DueItem[] {
  return r.visits.map((v) =>
    dateItem({
      rule: RULE_VISIT_WRITE_UP,
      personId: r.personId,
      subjectType: 'visit',
      subjectId: v.id,
      dueOn: addWorkingDays(v.date, norms.visitWriteUpWorkingDays),
      metOn: v.writtenUpOn,
      basis: `${norms.visitWriteUpWorkingDays} working days from the visit on ${formatLongDate(v.date)}`,
      source: SOURCE_VISIT_WRITE_UP,
    }),
  );
}
