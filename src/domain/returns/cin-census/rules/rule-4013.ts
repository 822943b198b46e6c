import { SINCE_2022_23, allCinPlans, childRule, inYear } from './rule.js';

/**
 * DfE CIN census rule 4013 (CINplanDates; error, 2022-23 specification): A child in need plan's end date is in the census year.
 */
export const rule4013 = childRule({
  code: '4013',
  type: 'error',
  message: 'CIN Plan end date must fall within the census year',
  fields: ['CINPlanEndDate', 'ReferenceDate'],
  years: SINCE_2022_23,
  fails: (c, ctx) => allCinPlans(c).some((p) => p.endDate !== null && !inYear(p.endDate, ctx.year)),
});
