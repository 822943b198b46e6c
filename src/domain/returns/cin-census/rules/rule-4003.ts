import { SINCE_2022_23, allCinPlans, allCpPlans, before, childRule } from './rule.js';

/**
 * DfE CIN census rule 4003 (Reviews; error, 2022-23 specification): No child protection review is held while a child in need plan is open (after its start, before its end): a review on the day a plan steps down to a child in need plan is not one.
 */
export const rule4003 = childRule({
  code: '4003',
  type: 'error',
  message: 'A CPP review date is shown as being held at the same time as an open CIN Plan.',
  fields: ['CINPlanStartDate', 'CINPlanEndDate', 'CPPreviewDate'],
  years: SINCE_2022_23,
  fails: (c) => allCpPlans(c).some((p) => p.reviews.some((r) => allCinPlans(c).some((cin) => before(cin.startDate, r) && (cin.endDate === null || before(r, cin.endDate))))),
});
