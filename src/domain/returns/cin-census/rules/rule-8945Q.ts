import { SINCE_2024_25, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8945Q (Assessments; query, 2024-25 specification): Factor 18A (superseded by 18B and 18C) is not used.
 */
export const rule8945Q = episodeRule({
  code: '8945Q',
  type: 'query',
  message: 'Please check and either amend data or provide a reason: the assessment factors code \'18A\' should not be used (\'18B\' or \'18C\' should be used instead)',
  fields: ['AssessmentFactors'],
  years: SINCE_2024_25,
  fails: (e) => e.assessments.some((a) => a.factors.includes('18A')),
});
