import { SINCE_2022_23, before, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 1105 (ChildProtectionPlans; error, 2022-23 specification): Each child protection plan starts on or after the episode's referral date.
 */
export const rule1105 = episodeRule({
  code: '1105',
  type: 'error',
  message: 'The child protection plan start date cannot be before the referral date',
  fields: ['CPPstartDate', 'CINreferralDate'],
  years: SINCE_2022_23,
  fails: (e) => e.cpPlans.some((p) => before(p.startDate, e.referralDate)),
});
