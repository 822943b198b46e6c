import { SINCE_2022_23, episodeRule, isNfa } from './rule.js';

/**
 * DfE CIN census rule 8825Q (CINdetails; query, 2022-23 specification): An episode closed after assessment (RC8, RC9) has an assessment. A referral with no further action is left out: the DfE's CIN census guide has it closed on its referral date with RC8, with no assessment.
 */
export const rule8825Q = episodeRule({
  code: '8825Q',
  type: 'query',
  message: 'Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.',
  fields: ['ReasonForClosure'],
  years: SINCE_2022_23,
  fails: (e) => (e.closureReason === 'RC8' || e.closureReason === 'RC9') && !isNfa(e) && e.assessments.length === 0,
});
