import { SINCE_2022_23, allCpPlans, childRule } from './rule.js';

/**
 * DfE CIN census rule 8935 (ChildProtectionPlans; error, 2022-23 specification): A child has at most one child protection plan with no end date.
 */
export const rule8935 = childRule({
  code: '8935',
  type: 'error',
  message: 'This child is showing more than one open Child Protection plan, i.e. with no End Date',
  fields: ['CPPendDate'],
  years: SINCE_2022_23,
  fails: (c) => allCpPlans(c).filter((p) => p.endDate === null).length > 1,
});
