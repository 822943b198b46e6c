import { SINCE_2022_23, episodeRule, isNfa } from './rule.js';

/**
 * DfE CIN census rule 8832 (ChildProtectionPlans; error, 2022-23 specification): A referral with no further action has no child protection plan.
 */
export const rule8832 = episodeRule({
  code: '8832',
  type: 'error',
  message: 'Child Protection details provided for a referral with no further action.',
  fields: ['CINdetailsID', 'ReferralNFA'],
  years: SINCE_2022_23,
  fails: (e) => isNfa(e) && e.cpPlans.length > 0,
});
