import { SINCE_2022_23, before, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8630 (CINdetails; error, 2022-23 specification): An episode does not close before its referral date.
 */
export const rule8630 = episodeRule({
  code: '8630',
  type: 'error',
  message: 'CIN Closure Date is before CIN Referral Date for the same CIN episode',
  fields: ['CINreferralDate', 'CINclosureDate'],
  years: SINCE_2022_23,
  fails: (e) => e.closureDate !== null && before(e.closureDate, e.referralDate),
});
