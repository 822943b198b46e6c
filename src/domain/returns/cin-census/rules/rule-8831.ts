import { SINCE_2022_23, episodeRule, isNfa } from './rule.js';

/**
 * DfE CIN census rule 8831 (CINdetails; error, 2022-23 specification): A referral with no further action has no assessment, enquiry or initial conference.
 */
export const rule8831 = episodeRule({
  code: '8831',
  type: 'error',
  message: 'Activity is recorded against a case marked as a referral with no further action',
  fields: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate', 'S47ActualStartDate', 'DateOfInitialCPC'],
  years: SINCE_2022_23,
  fails: (e) => isNfa(e) && (e.assessments.length > 0 || e.s47s.length > 0 || e.icpcs.length > 0),
});
