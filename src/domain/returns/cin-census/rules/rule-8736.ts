import { SINCE_2022_23, episodeRule, inYear } from './rule.js';

/**
 * DfE CIN census rule 8736 (Assessments; error, 2022-23 specification): An assessment not authorised by the reference date started in the census year.
 */
export const rule8736 = episodeRule({
  code: '8736',
  type: 'error',
  message: 'For an Assessment that has not been completed, the start date must fall within the census year',
  fields: ['AssessmentAuthorisationDate', 'AssessmentActualStartDate'],
  years: SINCE_2022_23,
  fails: (e, _c, ctx) => e.assessments.some((a) => a.authorisedDate === null && !inYear(a.startDate, ctx.year)),
});
