import { SINCE_2024_25, childRule } from './rule.js';

/**
 * DfE CIN census rule 1580 (ChildIdentifiers; error, 2024-25 specification): The LA child ID is letters and digits only.
 */
export const rule1580 = childRule({
  code: '1580',
  type: 'error',
  message: 'LA Child ID must not contain any non-alphanumeric characters',
  fields: ['LAchildID'],
  years: SINCE_2024_25,
  fails: (c) => /[^A-Za-z0-9]/.test(c.laChildId),
});
