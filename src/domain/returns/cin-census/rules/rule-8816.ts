import { SINCE_2022_23, after, episodeRule, isNfa } from './rule.js';

/**
 * DfE CIN census rule 8816 (CINdetails; error, 2022-23 specification): An open episode that is not a referral with no further action is the child's latest (no episode referred after it).
 */
export const rule8816 = episodeRule({
  code: '8816',
  type: 'error',
  message: 'An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.',
  fields: ['CINreferralDate', 'ReferralNFA'],
  years: SINCE_2022_23,
  fails: (e, c) => e.closureDate === null && !isNfa(e) && c.episodes.some((o) => after(o.referralDate, e.referralDate)),
});
