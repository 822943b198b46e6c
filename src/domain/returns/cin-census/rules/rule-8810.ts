import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8810 (CINdetails; error, 2022-23 specification): A reason for closure goes with a closure date.
 */
export const rule8810 = episodeRule({
  code: '8810',
  type: 'error',
  message: 'A CIN case cannot have a Reason for Closure without a CIN Closure Date',
  fields: ['ReasonForClosure', 'CINclosureDate'],
  years: SINCE_2022_23,
  fails: (e) => e.closureReason !== null && e.closureDate === null,
});
