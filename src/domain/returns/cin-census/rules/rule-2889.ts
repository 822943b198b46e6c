import { SINCE_2022_23, before, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 2889 (Section47; error, 2022-23 specification): Each section 47 enquiry starts on or after the episode's referral date.
 */
export const rule2889 = episodeRule({
  code: '2889',
  type: 'error',
  message: 'The S47 start date cannot be before the referral date.',
  fields: ['S47ActualStartDate', 'CINreferralDate'],
  years: SINCE_2022_23,
  fails: (e) => e.s47s.some((s) => before(s.startDate, e.referralDate)),
});
