import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8869 (Assessments; error, 2022-23 specification): Factor 21 (no factors identified) is returned alone.
 */
export const rule8869 = episodeRule({
  code: '8869',
  type: 'error',
  message: 'The assessment factors code “21” cannot be used in conjunction with any other assessment factors.',
  fields: ['AssessmentFactors'],
  years: SINCE_2022_23,
  fails: (e) => e.assessments.some((a) => a.factors.includes('21') && a.factors.some((f) => f !== '21')),
});
