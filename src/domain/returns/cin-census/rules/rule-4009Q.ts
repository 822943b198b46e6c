import { SINCE_2022_23, after, allCinPlans, childRule } from './rule.js';

/**
 * DfE CIN census rule 4009Q (ChildIdentifiers; query, 2022-23 specification): No child in need plan ends after the child's death.
 */
export const rule4009Q = childRule({
  code: '4009Q',
  type: 'query',
  message: 'CIN Plan cannot end after the child’s Date of Death',
  fields: ['PersonDeathDate', 'CINPlanEndDate'],
  years: SINCE_2022_23,
  fails: (c) => {
    const died = c.deathDate;
    return died !== null && allCinPlans(c).some((p) => p.endDate !== null && after(p.endDate, died));
  },
});
