import { SINCE_2022_23, episodeRule, isNfa } from './rule.js';

/**
 * DfE CIN census rule 4000 (CINplanDates; error, 2022-23 specification): A referral with no further action has no child in need plan.
 */
export const rule4000 = episodeRule({
  code: '4000',
  type: 'error',
  message: 'CIN Plan details provided for a referral with no further action',
  fields: ['ReferralNFA'],
  years: SINCE_2022_23,
  fails: (e) => isNfa(e) && e.cinPlans.length > 0,
});
