import { isWeekend } from '../../../time/index.js';
import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8875 (Section47; error, 2022-23 specification): An initial conference is not held at a weekend.
 */
export const rule8875 = episodeRule({
  code: '8875',
  type: 'error',
  message: 'The Date of Initial Child Protection Conference cannot be a weekend',
  fields: ['DateOfInitialCPC'],
  years: SINCE_2022_23,
  fails: (e) => e.icpcs.some((i) => isWeekend(i.date)),
});
