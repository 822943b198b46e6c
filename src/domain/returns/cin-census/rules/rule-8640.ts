import { cinClosureReasons, isCodeValidIn } from '../../../codes/index.js';
import { SINCE_2022_23, collectionYear, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8640 (CINdetails; error, 2022-23 specification): A reason for closure is a code of the DfE's table.
 */
export const rule8640 = episodeRule({
  code: '8640',
  type: 'error',
  message: 'CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)',
  fields: ['ReasonForClosure'],
  years: SINCE_2022_23,
  fails: (e, _c, ctx) => e.closureReason !== null && !isCodeValidIn(cinClosureReasons, e.closureReason, collectionYear(ctx.year)),
});
