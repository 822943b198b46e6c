import { SINCE_2022_23, after, allCinPlans, childRule } from './rule.js';

/**
 * DfE CIN census rule 4008 (ChildIdentifiers; error, 2022-23 specification): No child in need plan starts after the child's death.
 */
export const rule4008 = childRule({
  code: '4008',
  type: 'error',
  message: 'CIN Plan shown as starting after the child’s Date of Death.',
  fields: ['PersonDeathDate', 'CINPlanStartDate'],
  years: SINCE_2022_23,
  fails: (c) => {
    const died = c.deathDate;
    return died !== null && allCinPlans(c).some((p) => after(p.startDate, died));
  },
});
