import { SINCE_2022_23, awaitingIcpc, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8839 (Section47; error, 2022-23 specification): An episode has at most one enquiry waiting for its conference (none held and ICPCnotRequired false).
 */
export const rule8839 = episodeRule({
  code: '8839',
  type: 'error',
  message: 'Within one CINDetails group there are 2 or more open S47 Assessments',
  fields: ['DateOfInitialCPC'],
  years: SINCE_2022_23,
  fails: (e) => e.s47s.filter((s) => awaitingIcpc(e, s)).length > 1,
});
