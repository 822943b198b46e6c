import { SINCE_2022_23, after, episodeRule, icpcOf } from './rule.js';

/**
 * DfE CIN census rule 8615 (Section47; error, 2022-23 specification): An enquiry starts on or before the initial conference it led to.
 */
export const rule8615 = episodeRule({
  code: '8615',
  type: 'error',
  message: 'Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference',
  fields: ['S47ActualStartDate', 'DateOfInitialCPC'],
  years: SINCE_2022_23,
  fails: (e) => e.s47s.some((s) => {
    const icpc = icpcOf(e, s.id);
    return icpc !== null && after(s.startDate, icpc);
  }),
});
