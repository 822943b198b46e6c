import { SINCE_2022_23, allCpPlans, before, childRule } from './rule.js';

/**
 * DfE CIN census rule 8925 (ChildProtectionPlans; error, 2022-23 specification): No child protection plan ends before it starts.
 */
export const rule8925 = childRule({
  code: '8925',
  type: 'error',
  message: 'Child Protection Plan End Date earlier than Start Date',
  fields: ['CPPstartDate', 'CPPendDate'],
  years: SINCE_2022_23,
  fails: (c) => allCpPlans(c).some((p) => p.endDate !== null && before(p.endDate, p.startDate)),
});
