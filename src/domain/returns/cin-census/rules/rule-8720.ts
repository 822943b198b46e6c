import { SINCE_2022_23, after, allCpPlans, childRule } from './rule.js';

/**
 * DfE CIN census rule 8720 (ChildProtectionPlans; error, 2022-23 specification): No child protection plan starts after the reference date.
 */
export const rule8720 = childRule({
  code: '8720',
  type: 'error',
  message: 'Child Protection Plan Start Date missing or out of data collection period',
  fields: ['CPPstartDate', 'ReferenceDate'],
  years: SINCE_2022_23,
  fails: (c, ctx) => allCpPlans(c).some((p) => after(p.startDate, ctx.year.referenceDate)),
});
