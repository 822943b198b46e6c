import { SINCE_2022_23, allCinPlans, allCpPlans, childRule } from './rule.js';

/**
 * DfE CIN census rule 4001 (CINplanDates; error, 2022-23 specification): A child does not have a child in need plan and a child protection plan both open (no end date) on the reference date.
 */
export const rule4001 = childRule({
  code: '4001',
  type: 'error',
  message: 'A CIN Plan cannot run concurrently with a Child Protection Plan',
  fields: ['CINPlanEndDate', 'CPPendDate'],
  years: SINCE_2022_23,
  fails: (c) => allCinPlans(c).some((p) => p.endDate === null) && allCpPlans(c).some((p) => p.endDate === null),
});
