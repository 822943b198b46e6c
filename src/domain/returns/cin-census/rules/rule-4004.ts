import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 4004 (CINplanDates; error, 2022-23 specification): An episode has at most one child in need plan with no end date.
 */
export const rule4004 = episodeRule({
  code: '4004',
  type: 'error',
  message: 'This child is showing more than one open CIN Plan, i.e. with no End Date',
  fields: ['CINPlanEndDate'],
  years: SINCE_2022_23,
  fails: (e) => e.cinPlans.filter((p) => p.endDate === null).length > 1,
});
