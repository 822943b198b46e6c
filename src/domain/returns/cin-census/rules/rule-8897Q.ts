import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8897Q (Assessments; query, 2022-23 specification): An authorised assessment has at least one factor.
 */
export const rule8897Q = episodeRule({
  code: '8897Q',
  type: 'query',
  message: 'Parental or child factors at assessment information is missing from a completed assessment',
  fields: ['AssessmentAuthorisationDate', 'AssessmentFactors'],
  years: SINCE_2022_23,
  fails: (e) => e.assessments.some((a) => a.authorisedDate !== null && a.factors.length === 0),
});
