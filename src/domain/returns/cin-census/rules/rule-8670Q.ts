import { SINCE_2022_23, episodeRule, moreThanWorkingDaysBefore } from './rule.js';

/**
 * DfE CIN census rule 8670Q (Assessments; query, 2022-23 specification): An assessment not authorised by the reference date started no more than 45 working days before it.
 */
export const rule8670Q = episodeRule({
  code: '8670Q',
  type: 'query',
  message: 'Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.',
  fields: ['AssessmentActualStartDate'],
  years: SINCE_2022_23,
  fails: (e, _c, ctx) => e.assessments.some((a) => a.authorisedDate === null && moreThanWorkingDaysBefore(a.startDate, ctx.year.referenceDate, 45)),
});
