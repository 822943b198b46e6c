import { isWeekend } from '../../../time/index.js';
import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8870Q (Section47; query, 2022-23 specification): A recorded target date for the initial conference is a weekday (a target Hearth works out, 15 working days from the enquiry, always is).
 */
export const rule8870Q = episodeRule({
  code: '8870Q',
  type: 'query',
  message: 'Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend',
  fields: ['InitialCPCtarget'],
  years: SINCE_2022_23,
  fails: (e) => e.icpcs.some((i) => i.targetDate !== null && isWeekend(i.targetDate)),
});
