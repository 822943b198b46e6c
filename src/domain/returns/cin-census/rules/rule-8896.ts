import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8896 (Assessments; error, 2022-23 specification): An episode has at most one assessment not yet authorised.
 */
export const rule8896 = episodeRule({
  code: '8896',
  type: 'error',
  message: 'Within one CINDetails group there are 2 or more open Assessments groups',
  fields: ['AssessmentAuthorisationDate'],
  years: SINCE_2022_23,
  fails: (e) => e.assessments.filter((a) => a.authorisedDate === null).length > 1,
});
