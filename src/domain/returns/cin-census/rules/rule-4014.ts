import { SINCE_2022_23, allCinPlans, childRule, overlaps, pairs } from './rule.js';

/**
 * DfE CIN census rule 4014 (CINplanDates; error, 2022-23 specification): A child's child in need plans do not overlap (one may start the day another ends).
 */
export const rule4014 = childRule({
  code: '4014',
  type: 'error',
  message: 'CIN Plan data contains overlapping dates',
  fields: ['CINPlanStartDate', 'CINPlanEndDate'],
  years: SINCE_2022_23,
  fails: (c) => pairs(allCinPlans(c)).some(([a, b]) => overlaps(a, b)),
});
