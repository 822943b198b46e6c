import { isCodeValidIn, primaryNeeds } from '../../../codes/index.js';
import { SINCE_2022_23, collectionYear, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8650 (CINdetails; error, 2022-23 specification): A primary need code is a code of the DfE's table.
 */
export const rule8650 = episodeRule({
  code: '8650',
  type: 'error',
  message: 'Primary Need Code invalid (see Primary Need table in CIN census code set)',
  fields: ['PrimaryNeedCode'],
  years: SINCE_2022_23,
  fails: (e, _c, ctx) => e.primaryNeedCode !== null && !isCodeValidIn(primaryNeeds, e.primaryNeedCode, collectionYear(ctx.year)),
});
