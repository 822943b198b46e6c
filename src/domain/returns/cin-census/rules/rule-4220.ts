import { ethnicities, isCodeValidIn } from '../../../codes/index.js';
import { SINCE_2022_23, childRule, collectionYear } from './rule.js';

/**
 * DfE CIN census rule 4220 (ChildCharacteristics; error, 2022-23 specification): Ethnicity is a code of the DfE's ethnicity table for the year.
 */
export const rule4220 = childRule({
  code: '4220',
  type: 'error',
  message: 'Ethnicity is missing or invalid (see Ethnicity table)',
  fields: ['Ethnicity'],
  years: SINCE_2022_23,
  fails: (c, ctx) => c.ethnicity === null || !isCodeValidIn(ethnicities, c.ethnicity, collectionYear(ctx.year)),
});
