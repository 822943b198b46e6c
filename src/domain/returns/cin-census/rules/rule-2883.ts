import { SINCE_2022_23, allCpPlans, finding, inYear, returnRule } from './rule.js';

/**
 * DfE CIN census rule 2883 (ChildProtectionPlans; error, 2022-23 specification): Across the return, no more child protection plans start in the year than initial conferences are held in it.
 */
export const rule2883 = returnRule({
  code: '2883',
  type: 'error',
  message: 'There are more child protection plans starting than initial conferences taking place',
  fields: ['CPPstartDate', 'DateOfInitialCPC'],
  years: SINCE_2022_23,
  check: (children, ctx, rule) => {
    const plans = children.flatMap(allCpPlans).filter((p) => inYear(p.startDate, ctx.year)).length;
    const icpcs = children.flatMap((c) => c.episodes.flatMap((e) => e.icpcs)).filter((i) => inYear(i.date, ctx.year)).length;
    return plans > icpcs ? [finding(rule, null)] : [];
  },
});
