import { SINCE_2022_23, awaitingIcpc, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8868 (CINdetails; error, 2022-23 specification): A closed episode has no enquiry still waiting for its conference (none held and ICPCnotRequired false).
 */
export const rule8868 = episodeRule({
  code: '8868',
  type: 'error',
  message: 'CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag',
  fields: ['ICPCnotRequired', 'CINclosureDate', 'DateOfInitialCPC'],
  years: SINCE_2022_23,
  fails: (e) => e.closureDate !== null && e.s47s.some((s) => awaitingIcpc(e, s)),
});
