import { SINCE_2022_23, after, allCpPlans, childRule } from './rule.js';

/**
 * DfE CIN census rule 8841 (ChildProtectionPlans; error, 2022-23 specification): Each review of a child protection plan is after the plan's start date.
 */
export const rule8841 = childRule({
  code: '8841',
  type: 'error',
  message: 'The review date cannot be on the same day or before the Child protection Plan start date.',
  fields: ['CPPstartDate', 'CPPreviewDate'],
  years: SINCE_2022_23,
  fails: (c) => allCpPlans(c).some((p) => p.reviews.some((r) => !after(r, p.startDate))),
});
