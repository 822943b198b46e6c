import { SINCE_2024_25, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8950Q (Assessments; query, 2024-25 specification): Factor 19A (superseded by 19B and 19C) is not used.
 */
export const rule8950Q = episodeRule({
  code: '8950Q',
  type: 'query',
  message: 'Please check and either amend data or provide a reason: the assessment factors code \'19A\' should not be used (\'19B\' or \'19C\' should be used instead)',
  fields: ['AssessmentFactors'],
  years: SINCE_2024_25,
  fails: (e) => e.assessments.some((a) => a.factors.includes('19A')),
});
