import { SINCE_2022_23, allCpPlans, childRule, inYear } from './rule.js';

/**
 * DfE CIN census rule 8930 (ChildProtectionPlans; error, 2022-23 specification): A child protection plan's end date is in the census year.
 */
export const rule8930 = childRule({
  code: '8930',
  type: 'error',
  message: 'Child Protection Plan End Date must fall within the census year',
  fields: ['CPPendDate', 'ReferenceDate'],
  years: SINCE_2022_23,
  fails: (c, ctx) => allCpPlans(c).some((p) => p.endDate !== null && !inYear(p.endDate, ctx.year)),
});
