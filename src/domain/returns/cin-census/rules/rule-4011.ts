import { SINCE_2022_23, allCinPlans, before, childRule } from './rule.js';

/**
 * DfE CIN census rule 4011 (CINplanDates; error, 2022-23 specification): No child in need plan ends before it starts.
 */
export const rule4011 = childRule({
  code: '4011',
  type: 'error',
  message: 'CIN Plan End Date earlier than Start Date',
  fields: ['CINPlanEndDate', 'CINPlanStartDate'],
  years: SINCE_2022_23,
  fails: (c) => allCinPlans(c).some((p) => p.endDate !== null && before(p.endDate, p.startDate)),
});
