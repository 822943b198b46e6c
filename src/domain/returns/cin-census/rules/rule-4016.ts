import { SINCE_2022_23, allCinPlans, allCpPlans, before, childRule } from './rule.js';

/**
 * DfE CIN census rule 4016 (CINplanDates; error, 2022-23 specification): No child in need plan starts while a child protection plan is open (from its start, before its end).
 */
export const rule4016 = childRule({
  code: '4016',
  type: 'error',
  message: 'A CIN Plan has been reported as open at the same time as a Child Protection Plan.',
  fields: ['CINPlanStartDate', 'CPPstartDate', 'CPPendDate'],
  years: SINCE_2022_23,
  fails: (c) => allCinPlans(c).some((cin) => allCpPlans(c).some((cp) => !before(cin.startDate, cp.startDate) && (cp.endDate === null || before(cin.startDate, cp.endDate)))),
});
