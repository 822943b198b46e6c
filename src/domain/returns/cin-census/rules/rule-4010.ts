import { SINCE_2022_23, after, allCinPlans, childRule } from './rule.js';

/**
 * DfE CIN census rule 4010 (CINplanDates; error, 2022-23 specification): No child in need plan starts after the reference date.
 */
export const rule4010 = childRule({
  code: '4010',
  type: 'error',
  message: 'CIN Plan start date is missing or out of data collection period',
  fields: ['CINPlanStartDate'],
  years: SINCE_2022_23,
  fails: (c, ctx) => allCinPlans(c).some((p) => after(p.startDate, ctx.year.referenceDate)),
});
