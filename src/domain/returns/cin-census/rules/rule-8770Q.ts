import { addMonths } from '../../../time/index.js';
import { SINCE_2024_25, after, childRule, isNfa } from './rule.js';

/**
 * DfE CIN census rule 8770Q (ChildIdentifiers; query, 2024-25 specification): A child of school age (taken as 6 or over on the reference date: the 2022-23 wording was "more than 5 years old") with a referral that went on to further action has a UPN, or a reason for none other than UN1 (not yet of school age).
 */
export const rule8770Q = childRule({
  code: '8770Q',
  type: 'query',
  message: 'Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.',
  fields: ['UPNunknown'],
  years: SINCE_2024_25,
  fails: (c, ctx) => {
    const born = c.dateOfBirth;
    const schoolAge = born !== null && !after(addMonths(born, 72), ctx.year.referenceDate);
    return schoolAge && c.episodes.some((e) => !isNfa(e)) && c.upn === null && (c.upnUnknown === null || c.upnUnknown === 'UN1');
  },
});
