import { SINCE_2022_23, childRule } from './rule.js';

/**
 * DfE CIN census rule 1540 (ChildIdentifiers; error, 2022-23 specification): Characters 5 to 12 of a UPN are digits.
 */
export const rule1540 = childRule({
  code: '1540',
  type: 'error',
  message: 'UPN invalid (characters 5-12 not all numeric)',
  fields: ['UPN'],
  years: SINCE_2022_23,
  fails: (c) => c.upn !== null && !/^.{4}[0-9]{8}/.test(c.upn),
});
