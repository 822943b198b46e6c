import { SINCE_2022_23, episodeRule, inYear } from './rule.js';

/**
 * DfE CIN census rule 8696 (Assessments; error, 2022-23 specification): An assessment's authorisation date is in the census year.
 */
export const rule8696 = episodeRule({
  code: '8696',
  type: 'error',
  message: 'Assessment end date must fall within the census year',
  fields: ['AssessmentAuthorisationDate', 'ReferenceDate'],
  years: SINCE_2022_23,
  fails: (e, _c, ctx) => e.assessments.some((a) => a.authorisedDate !== null && !inYear(a.authorisedDate, ctx.year)),
});
