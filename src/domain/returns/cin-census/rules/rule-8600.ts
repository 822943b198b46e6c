import { SINCE_2022_23, after, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8600 (CINdetails; error, 2022-23 specification): A referral date is on or before the reference date.
 */
export const rule8600 = episodeRule({
  code: '8600',
  type: 'error',
  message: 'Child referral date missing or after data collection period',
  fields: ['CINreferralDate'],
  years: SINCE_2022_23,
  fails: (e, _c, ctx) => after(e.referralDate, ctx.year.referenceDate),
});
