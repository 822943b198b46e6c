import { SINCE_2022_23, childRule, isNfa } from './rule.js';

/**
 * DfE CIN census rule 8772 (ChildIdentifiers; error, 2022-23 specification): UN7 (referral with no further action) as the reason for no UPN only when every episode is a referral with no further action.
 */
export const rule8772 = childRule({
  code: '8772',
  type: 'error',
  message: 'UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action',
  fields: ['UPNunknown', 'ReferralNFA'],
  years: SINCE_2022_23,
  fails: (c) => c.upn === null && c.upnUnknown === 'UN7' && c.episodes.some((e) => !isNfa(e)),
});
