import { SINCE_2022_23, childRule } from './rule.js';

/**
 * DfE CIN census rule 8500 (ChildIdentifiers; error, 2022-23 specification): Every child has an LA child ID.
 */
export const rule8500 = childRule({
  code: '8500',
  type: 'error',
  message: 'LA Child ID missing',
  fields: ['LAchildID'],
  years: SINCE_2022_23,
  fails: (c) => c.laChildId.trim() === '',
});
