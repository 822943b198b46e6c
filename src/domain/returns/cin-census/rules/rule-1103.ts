import { SINCE_2022_23, before, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 1103 (Assessments; error, 2022-23 specification): Each assessment starts on or after the episode's referral date.
 */
export const rule1103 = episodeRule({
  code: '1103',
  type: 'error',
  message: 'The assessment start date cannot be before the referral date',
  fields: ['AssessmentActualStartDate', 'CINreferralDate'],
  years: SINCE_2022_23,
  fails: (e) => e.assessments.some((a) => before(a.startDate, e.referralDate)),
});
