import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8585Q (CINdetails; query, 2022-23 specification): An episode closed because the child died (RC2) goes with a date of death.
 */
export const rule8585Q = episodeRule({
  code: '8585Q',
  type: 'query',
  message: 'Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death',
  fields: ['ReasonForClosure', 'PersonDeathDate'],
  years: SINCE_2022_23,
  fails: (e, c) => e.closureReason === 'RC2' && c.deathDate === null,
});
