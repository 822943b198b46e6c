import { SINCE_2022_23, after, allCpPlans, childRule } from './rule.js';

/**
 * DfE CIN census rule 8915 (ChildProtectionPlans; error, 2022-23 specification): No child protection plan starts after the child's death.
 */
export const rule8915 = childRule({
  code: '8915',
  type: 'error',
  message: 'Child Protection Plan shown as starting after the child’s Date of Death',
  fields: ['CPPstartDate', 'PersonDeathDate'],
  years: SINCE_2022_23,
  fails: (c) => {
    const died = c.deathDate;
    return died !== null && allCpPlans(c).some((p) => after(p.startDate, died));
  },
});
