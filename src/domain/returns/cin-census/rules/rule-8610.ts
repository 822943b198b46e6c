import { SINCE_2022_23, episodeRule, isNfa } from './rule.js';

/**
 * DfE CIN census rule 8610 (CINdetails; error, 2022-23 specification): A referral that went on to further action has a primary need code.
 */
export const rule8610 = episodeRule({
  code: '8610',
  type: 'error',
  message: 'Primary Need code is missing for a referral which led to further action.',
  fields: ['ReferralNFA', 'PrimaryNeedCode'],
  years: SINCE_2022_23,
  fails: (e) => !isNfa(e) && e.primaryNeedCode === null,
});
