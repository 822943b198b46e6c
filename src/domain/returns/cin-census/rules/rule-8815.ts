import { SINCE_2022_23, childRule, isNfa } from './rule.js';

/**
 * DfE CIN census rule 8815 (CINdetails; error, 2022-23 specification): A child has at most one open episode (no closure date) that is not a referral with no further action.
 */
export const rule8815 = childRule({
  code: '8815',
  type: 'error',
  message: 'More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.',
  fields: ['ReferralNFA', 'CINclosureDate'],
  years: SINCE_2022_23,
  fails: (c) => c.episodes.filter((e) => e.closureDate === null && !isNfa(e)).length > 1,
});
