import { SINCE_2022_23, allCinPlans, childRule } from './rule.js';

/**
 * DfE CIN census rule 4012Q (CINplanDates; query, 2022-23 specification): No child in need plan starts and ends on the same day.
 */
export const rule4012Q = childRule({
  code: '4012Q',
  type: 'query',
  message: 'Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day',
  fields: ['CINPlanStartDate', 'CINPlanEndDate'],
  years: SINCE_2022_23,
  fails: (c) => allCinPlans(c).some((p) => p.endDate === p.startDate),
});
