import { SINCE_2022_23, after, childRule } from './rule.js';

/**
 * DfE CIN census rule 8520 (ChildIdentifiers; error, 2022-23 specification): A date of birth is on or before the reference date.
 */
export const rule8520 = childRule({
  code: '8520',
  type: 'error',
  message: 'Date of Birth is after data collection period (must be on or before the end of the census period)',
  fields: ['PersonBirthDate', 'ReferenceDate'],
  years: SINCE_2022_23,
  fails: (c, ctx) => c.dateOfBirth !== null && after(c.dateOfBirth, ctx.year.referenceDate),
});
