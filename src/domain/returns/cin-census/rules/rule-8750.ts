import { SINCE_2024_25, childRule } from './rule.js';

/**
 * DfE CIN census rule 8750 (ChildIdentifiers; error, 2024-25 specification): An unborn child (an expected date of birth, no date of birth) has sex U.
 */
export const rule8750 = childRule({
  code: '8750',
  type: 'error',
  message: 'Sex must equal U for an unborn child',
  fields: ['Sex', 'PersonBirthDate', 'ExpectedPersonBirthDate'],
  years: SINCE_2024_25,
  fails: (c) => c.dateOfBirth === null && c.expectedDateOfBirth !== null && c.sex !== 'U',
});
