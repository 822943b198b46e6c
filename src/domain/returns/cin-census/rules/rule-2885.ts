import { SINCE_2022_23, episodeRule, inYear } from './rule.js';

/**
 * DfE CIN census rule 2885 (ChildProtectionPlans; error, 2022-23 specification): A child protection plan that starts in the year starts on the day of an initial conference of its episode.
 */
export const rule2885 = episodeRule({
  code: '2885',
  type: 'error',
  message: 'Child protection plan shown as starting a different day to the initial child protection conference.',
  fields: ['CPPstartDate', 'DateOfInitialCPC'],
  years: SINCE_2022_23,
  fails: (e, _c, ctx) => e.cpPlans.some((p) => inYear(p.startDate, ctx.year) && !e.icpcs.some((i) => i.date === p.startDate)),
});
