import { SINCE_2024_25, childRule } from './rule.js';

/**
 * DfE CIN census rule 4180 (ChildIdentifiers; error, 2024-25 specification): Sex is M, F or U (from 2024-25).
 */
export const rule4180 = childRule({
  code: '4180',
  type: 'error',
  message: 'Sex must be provided and equal M, F, or U',
  fields: ['Sex'],
  years: SINCE_2024_25,
  fails: (c) => !['M', 'F', 'U'].includes(c.sex),
});
