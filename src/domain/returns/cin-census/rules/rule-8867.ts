import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8867 (CINdetails; error, 2022-23 specification): A closed episode has no assessment left unauthorised.
 */
export const rule8867 = episodeRule({
  code: '8867',
  type: 'error',
  message: 'CIN episode is shown as closed, however Assessment is not shown as completed',
  fields: ['CINclosureDate', 'AssessmentAuthorisationDate'],
  years: SINCE_2022_23,
  fails: (e) => e.closureDate !== null && e.assessments.some((a) => a.authorisedDate === null),
});
