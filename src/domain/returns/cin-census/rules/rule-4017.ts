import { SINCE_2022_23, allCinPlans, allCpPlans, before, childRule } from './rule.js';

/**
 * DfE CIN census rule 4017 (CINplanDates; error, 2022-23 specification): No child protection plan starts while a child in need plan is open (from its start, before its end).
 */
export const rule4017 = childRule({
  code: '4017',
  type: 'error',
  message: 'A CIN Plan has been reported as open at the same time as a Child Protection Plan.',
  fields: ['CINPlanStartDate', 'CINPlanEndDate', 'CPPstartDate'],
  years: SINCE_2022_23,
  fails: (c) => allCpPlans(c).some((cp) => allCinPlans(c).some((cin) => !before(cp.startDate, cin.startDate) && (cin.endDate === null || before(cp.startDate, cin.endDate)))),
});
