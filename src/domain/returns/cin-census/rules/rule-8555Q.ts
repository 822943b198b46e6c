import { SINCE_2022_23, after, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8555Q (CINdetails; query, 2022-23 specification): A child is not referred after their death.
 */
export const rule8555Q = episodeRule({
  code: '8555Q',
  type: 'query',
  message: 'Child cannot be referred after its recorded date of death',
  fields: ['PersonDeathDate', 'CINreferralDate'],
  years: SINCE_2022_23,
  fails: (e, c) => c.deathDate !== null && after(e.referralDate, c.deathDate),
});
