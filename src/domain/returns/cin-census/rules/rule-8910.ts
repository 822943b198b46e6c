import { categoriesOfAbuse, isCodeValidIn } from '../../../codes/index.js';
import { SINCE_2022_23, allCpPlans, childRule, collectionYear } from './rule.js';

/**
 * DfE CIN census rule 8910 (ChildProtectionPlans; error, 2022-23 specification): A plan's latest category of abuse is a code of the DfE's table.
 */
export const rule8910 = childRule({
  code: '8910',
  type: 'error',
  message: 'Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)',
  fields: ['LatestCategoryOfAbuse'],
  years: SINCE_2022_23,
  fails: (c, ctx) => allCpPlans(c).some((p) => !isCodeValidIn(categoriesOfAbuse, p.latestCategory, collectionYear(ctx.year))),
});
