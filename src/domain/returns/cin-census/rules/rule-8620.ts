import { SINCE_2022_23, episodeRule, inYear } from './rule.js';

/**
 * DfE CIN census rule 8620 (CINdetails; error, 2022-23 specification): A closure date is in the census year.
 */
export const rule8620 = episodeRule({
  code: '8620',
  type: 'error',
  message: 'CIN Closure Date present and does not fall within the Census year',
  fields: ['CINclosureDate'],
  years: SINCE_2022_23,
  fails: (e, _c, ctx) => e.closureDate !== null && !inYear(e.closureDate, ctx.year),
});
