import { SINCE_2022_23, childRule } from './rule.js';

/**
 * DfE CIN census rule 8525Q (ChildIdentifiers; query, 2022-23 specification): A child has a date of birth or an expected date of birth, not both and not neither.
 */
export const rule8525Q = childRule({
  code: '8525Q',
  type: 'query',
  message: 'Either Date of Birth or Expected Date of Birth must be provided (but not both)',
  fields: ['PersonBirthDate', 'ExpectedPersonBirthDate'],
  years: SINCE_2022_23,
  fails: (c) => (c.dateOfBirth === null) === (c.expectedDateOfBirth === null),
});
