import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8805 (CINdetails; error, 2022-23 specification): A closure date goes with a reason for closure.
 */
export const rule8805 = episodeRule({
  code: '8805',
  type: 'error',
  message: 'A CIN case cannot have a CIN closure date without a Reason for Closure',
  fields: ['CINclosureDate', 'ReasonForClosure'],
  years: SINCE_2022_23,
  fails: (e) => e.closureDate !== null && e.closureReason === null,
});
