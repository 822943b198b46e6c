import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 2991Q (CINdetails; query, 2022-23 specification): An episode with a section 47 enquiry has an assessment.
 */
export const rule2991Q = episodeRule({
  code: '2991Q',
  type: 'query',
  message: 'Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode',
  fields: ['CINdetailsID'],
  years: SINCE_2022_23,
  fails: (e) => e.s47s.length > 0 && e.assessments.length === 0,
});
