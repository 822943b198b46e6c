import { SINCE_2022_23, allCpPlans, childRule, overlaps, pairs } from './rule.js';

/**
 * DfE CIN census rule 8940 (ChildProtectionPlans; error, 2022-23 specification): A child's child protection plans do not overlap (one may start the day another ends).
 */
export const rule8940 = childRule({
  code: '8940',
  type: 'error',
  message: 'Child Protection Plan data contains overlapping dates',
  fields: ['CPPstartDate', 'CPPendDate'],
  years: SINCE_2022_23,
  fails: (c) => pairs(allCpPlans(c)).some(([a, b]) => overlaps(a, b)),
});
