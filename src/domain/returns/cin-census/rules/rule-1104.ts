import { SINCE_2022_23, before, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 1104 (Section47; error, 2022-23 specification): Every initial conference of the episode (on the enquiry or on the episode) is on or after its referral date.
 */
export const rule1104 = episodeRule({
  code: '1104',
  type: 'error',
  message: 'The date of the initial child protection conference cannot be before the referral date',
  fields: ['CINreferralDate', 'DateOfInitialCPC'],
  years: SINCE_2022_23,
  fails: (e) => e.icpcs.some((i) => before(i.date, e.referralDate)),
});
