import { SINCE_2022_23, awaitingIcpc, episodeRule, moreThanWorkingDaysBefore } from './rule.js';

/**
 * DfE CIN census rule 8675Q (Section47; query, 2022-23 specification): An enquiry still waiting for its conference on the reference date started no more than 15 working days before it.
 */
export const rule8675Q = episodeRule({
  code: '8675Q',
  type: 'query',
  message: 'Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.',
  fields: ['DateOfInitialCPC', 'S47ActualStartDate', 'ICPCnotRequired'],
  years: SINCE_2022_23,
  fails: (e, _c, ctx) => e.s47s.some((s) => awaitingIcpc(e, s) && moreThanWorkingDaysBefore(s.startDate, ctx.year.referenceDate, 15)),
});
