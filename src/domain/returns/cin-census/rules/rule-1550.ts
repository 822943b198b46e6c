import { SINCE_2022_23, childRule } from './rule.js';
import { UPN_CHECK_LETTERS } from './upn.js';

/**
 * DfE CIN census rule 1550 (ChildIdentifiers; error, 2022-23 specification): Character 13 of a UPN is a digit, or a letter of the check-letter table (a temporary UPN).
 */
export const rule1550 = childRule({
  code: '1550',
  type: 'error',
  message: 'UPN invalid (character 13 not a recognised value)',
  fields: ['UPN'],
  years: SINCE_2022_23,
  fails: (c) => c.upn !== null && !new RegExp(`^[0-9${UPN_CHECK_LETTERS}]$`).test(c.upn.charAt(12)),
});
