import { SINCE_2022_23, episodeRule, overlaps, pairs } from './rule.js';

/**
 * DfE CIN census rule 8863Q (Assessments; query, 2022-23 specification): No assessment starts while another of the episode's assessments is open (from its start, before its authorisation; one not authorised is open on the reference date).
 */
export const rule8863Q = episodeRule({
  code: '8863Q',
  type: 'query',
  message: 'An Assessment is shown as starting when there is another Assessment ongoing.',
  fields: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
  years: SINCE_2022_23,
  fails: (e) => pairs(e.assessments).some(([a, b]) => overlaps({ startDate: a.startDate, endDate: a.authorisedDate }, { startDate: b.startDate, endDate: b.authorisedDate })),
});
