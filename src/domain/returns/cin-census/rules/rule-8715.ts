import { SINCE_2022_23, episodeRule, inYear } from './rule.js';

/**
 * DfE CIN census rule 8715 (Section47; error, 2022-23 specification): An initial conference's date is in the census year.
 */
export const rule8715 = episodeRule({
  code: '8715',
  type: 'error',
  message: 'Date of Initial Child Protection Conference must fall within the census year',
  fields: ['DateOfInitialCPC', 'ReferenceDate'],
  years: SINCE_2022_23,
  fails: (e, _c, ctx) => e.icpcs.some((i) => !inYear(i.date, ctx.year)),
});
