import { SINCE_2022_23, before, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 4015 (CINplanDates; error, 2022-23 specification): Each child in need plan starts on or after the episode's referral date.
 */
export const rule4015 = episodeRule({
  code: '4015',
  type: 'error',
  message: 'The CIN Plan start date cannot be before the referral date',
  fields: ['CINPlanStartDate', 'CINreferralDate'],
  years: SINCE_2022_23,
  fails: (e) => e.cinPlans.some((p) => before(p.startDate, e.referralDate)),
});
