import { SINCE_2022_23, allCpPlans, childRule } from './rule.js';

/**
 * DfE CIN census rule 8840 (ChildProtectionPlans; error, 2022-23 specification): No child protection plan starts and ends on the same day.
 */
export const rule8840 = childRule({
  code: '8840',
  type: 'error',
  message: 'Child Protection Plan cannot start and end on the same day',
  fields: ['ChildProtectionPlans', 'CPPstartDate', 'CPPendDate'],
  years: SINCE_2022_23,
  fails: (c) => allCpPlans(c).some((p) => p.endDate === p.startDate),
});
