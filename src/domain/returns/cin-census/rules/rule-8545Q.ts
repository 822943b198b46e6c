import { SINCE_2022_23, childRule, inYear } from './rule.js';

/**
 * DfE CIN census rule 8545Q (ChildIdentifiers; query, 2022-23 specification): A date of death is in the census year.
 */
export const rule8545Q = childRule({
  code: '8545Q',
  type: 'query',
  message: 'Please check and either amend data or provide a reason: Child\'s date of death should be within the census year',
  fields: ['PersonDeathDate'],
  years: SINCE_2022_23,
  fails: (c, ctx) => c.deathDate !== null && !inYear(c.deathDate, ctx.year),
});
