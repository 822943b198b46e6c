import { SINCE_2022_23, awaitingIcpc, episodeRule, inYear } from './rule.js';

/**
 * DfE CIN census rule 8740 (Section47; error, 2022-23 specification): An enquiry still waiting for its conference on the reference date started in the census year.
 */
export const rule8740 = episodeRule({
  code: '8740',
  type: 'error',
  message: 'For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year',
  fields: ['S47ActualStartDate', 'DateOfInitialCPC', 'ICPCnotRequired'],
  years: SINCE_2022_23,
  fails: (e, _c, ctx) => e.s47s.some((s) => awaitingIcpc(e, s) && !inYear(s.startDate, ctx.year)),
});
