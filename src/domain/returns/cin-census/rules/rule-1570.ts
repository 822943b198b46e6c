import { SINCE_2024_25, childRule } from './rule.js';

/**
 * DfE CIN census rule 1570 (ChildIdentifiers; error, 2024-25 specification): The LA child ID is at most 20 characters.
 */
export const rule1570 = childRule({
  code: '1570',
  type: 'error',
  message: 'LA Child ID must not be longer than 20 characters',
  fields: ['LAchildID'],
  years: SINCE_2024_25,
  fails: (c) => c.laChildId.length > 20,
});
