import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 2990 (CINdetails; error, 2022-23 specification): An episode closed after assessment (RC8, RC9) has no initial conference.
 */
export const rule2990 = episodeRule({
  code: '2990',
  type: 'error',
  message: 'Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or \'case closed after assessment, referred to early help\'.',
  fields: ['ReasonForClosure'],
  years: SINCE_2022_23,
  fails: (e) => (e.closureReason === 'RC8' || e.closureReason === 'RC9') && e.icpcs.length > 0,
});
