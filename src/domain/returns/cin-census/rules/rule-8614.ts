import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8614 (Assessments; error, 2022-23 specification): Only an authorised assessment has factors.
 */
export const rule8614 = episodeRule({
  code: '8614',
  type: 'error',
  message: 'Parental or child factors at assessment should only be present for a completed assessment.',
  fields: ['AssessmentAuthorisationDate', 'AssessmentFactors'],
  years: SINCE_2022_23,
  fails: (e) => e.assessments.some((a) => a.factors.length > 0 && a.authorisedDate === null),
});
