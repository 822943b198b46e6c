import { SINCE_2022_23, childRule, isNfa, overlaps, pairs } from './rule.js';

/**
 * DfE CIN census rule 8820 (CINdetails; error, 2022-23 specification): A child's episodes (referrals with no further action aside) do not overlap: one may be referred on the day another closes; an open one runs to the reference date and beyond.
 */
export const rule8820 = childRule({
  code: '8820',
  type: 'error',
  message: 'The dates on the CIN episodes for this child overlap',
  fields: ['CINreferralDate', 'CINclosureDate'],
  years: SINCE_2022_23,
  fails: (c) => pairs(c.episodes.filter((e) => !isNfa(e))).some(([a, b]) => overlaps({ startDate: a.referralDate, endDate: a.closureDate }, { startDate: b.referralDate, endDate: b.closureDate })),
});
