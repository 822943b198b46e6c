import { SINCE_2022_23, before, childRule } from './rule.js';

/**
 * DfE CIN census rule 8535Q (ChildIdentifiers; query, 2022-23 specification): A date of death is not before the date of birth.
 */
export const rule8535Q = childRule({
  code: '8535Q',
  type: 'query',
  message: 'Please check and either amend data or provide a reason: Child’s date of death should not be prior to the date of birth',
  fields: ['PersonDeathDate', 'PersonBirthDate'],
  years: SINCE_2022_23,
  fails: (c) => c.deathDate !== null && c.dateOfBirth !== null && before(c.deathDate, c.dateOfBirth),
});
