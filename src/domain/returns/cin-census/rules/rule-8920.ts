import { SINCE_2022_23, after, allCpPlans, childRule } from './rule.js';

/**
 * DfE CIN census rule 8920 (ChildProtectionPlans; error, 2022-23 specification): No child protection plan ends after the child's death.
 */
export const rule8920 = childRule({
  code: '8920',
  type: 'error',
  message: 'Child Protection Plan cannot end after the child’s Date of Death',
  fields: ['PersonDeathDate', 'CPPendDate'],
  years: SINCE_2022_23,
  fails: (c) => {
    const died = c.deathDate;
    return died !== null && allCpPlans(c).some((p) => p.endDate !== null && after(p.endDate, died));
  },
});
