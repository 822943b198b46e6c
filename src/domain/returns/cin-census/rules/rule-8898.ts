import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8898 (Assessments; error, 2022-23 specification): No factor is returned twice for one assessment.
 */
export const rule8898 = episodeRule({
  code: '8898',
  type: 'error',
  message: ' The assessment has more than one parental or child factors with the same code',
  fields: ['AssessmentFactors'],
  years: SINCE_2022_23,
  fails: (e) => e.assessments.some((a) => new Set(a.factors).size < a.factors.length),
});
