import { SINCE_2022_23, childRule } from './rule.js';

/**
 * DfE CIN census rule 8790 (Disabilities; error, 2022-23 specification): NONE is not returned with another disability code.
 */
export const rule8790 = childRule({
  code: '8790',
  type: 'error',
  message: 'Disability information includes both None and other values',
  fields: ['Disability'],
  years: SINCE_2022_23,
  fails: (c) => c.disabilities.includes('NONE') && c.disabilities.some((d) => d !== 'NONE'),
});
