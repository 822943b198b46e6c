import { SINCE_2022_23, childRule } from './rule.js';
import { upnCheckLetter } from './upn.js';

/**
 * DfE CIN census rule 1510 (ChildIdentifiers; error, 2022-23 specification): A UPN's first character is the check letter of characters 2 to 13 (upn.ts); a UPN whose characters 5-13 are malformed is left to 1540 and 1550.
 */
export const rule1510 = childRule({
  code: '1510',
  type: 'error',
  message: 'UPN invalid (wrong check letter at character 1)',
  fields: ['UPN'],
  years: SINCE_2022_23,
  fails: (c) => {
    if (c.upn === null) return false;
    const letter = upnCheckLetter(c.upn);
    return letter !== null && letter !== c.upn[0];
  },
});
