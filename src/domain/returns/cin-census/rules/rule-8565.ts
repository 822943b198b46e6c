import { SINCE_2022_23, after, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8565 (ChildProtectionPlans; error, 2022-23 specification): Nothing happens in a closed episode after its closure date: assessment start or authorisation, enquiry, conference, end of a child protection plan, start or end of a child in need plan.
 */
export const rule8565 = episodeRule({
  code: '8565',
  type: 'error',
  message: 'Activity shown after a case has been closed',
  fields: ['CINclosureDate', 'DateOfInitialCPC', 'AssessmentActualStartDate', 'AssessmentAuthorisationDate', 'S47ActualStartDate', 'CPPendDate', 'CINPlanStartDate', 'CINPlanEndDate'],
  years: SINCE_2022_23,
  fails: (e) => {
    const closed = e.closureDate;
    if (closed === null) return false;
    const dates = [
      ...e.assessments.flatMap((a) => [a.startDate, a.authorisedDate]),
      ...e.s47s.map((s) => s.startDate),
      ...e.icpcs.map((i) => i.date),
      ...e.cpPlans.map((p) => p.endDate),
      ...e.cinPlans.flatMap((p) => [p.startDate, p.endDate]),
    ];
    return dates.some((d) => d !== null && after(d, closed));
  },
});
