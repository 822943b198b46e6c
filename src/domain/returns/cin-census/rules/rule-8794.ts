import { SINCE_2022_23, childRule } from './rule.js';

/**
 * DfE CIN census rule 8794 (Disabilities; error, 2022-23 specification): No disability code is returned twice for a child.
 */
export const rule8794 = childRule({
  code: '8794',
  type: 'error',
  message: 'Child has two or more disabilities with the same code',
  fields: ['Disability'],
  years: SINCE_2022_23,
  fails: (c) => new Set(c.disabilities).size < c.disabilities.length,
});
