import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 2884 (Section47; error, 2022-23 specification): A conference recorded on the episode (a transfer in) is not also the conference of one of its enquiries (the same date at both levels).
 */
export const rule2884 = episodeRule({
  code: '2884',
  type: 'error',
  message: 'An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one',
  fields: ['DateOfInitialCPC'],
  years: SINCE_2022_23,
  fails: (e) => e.icpcs.some((u) => u.s47Id === null && e.icpcs.some((l) => l.s47Id !== null && l.date === u.date)),
});
