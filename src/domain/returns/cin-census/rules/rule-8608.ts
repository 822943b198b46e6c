import { SINCE_2022_23, after, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8608 (Assessments; error, 2022-23 specification): An assessment is not authorised before it starts.
 */
export const rule8608 = episodeRule({
  code: '8608',
  type: 'error',
  message: 'Assessment Start Date cannot be later than its End Date',
  fields: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
  years: SINCE_2022_23,
  fails: (e) => e.assessments.some((a) => a.authorisedDate !== null && after(a.startDate, a.authorisedDate)),
});
