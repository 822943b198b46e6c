import { isCodeValidIn, referralSources } from '../../../codes/index.js';
import { SINCE_2022_23, collectionYear, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8866 (CINdetails; error, 2022-23 specification): The source of referral is a code of the DfE's table.
 */
export const rule8866 = episodeRule({
  code: '8866',
  type: 'error',
  message: 'Source of Referral is missing or an invalid code',
  fields: ['CINreferralDate', 'ReferralSource'],
  years: SINCE_2022_23,
  fails: (e, _c, ctx) => !isCodeValidIn(referralSources, e.referralSource, collectionYear(ctx.year)),
});
