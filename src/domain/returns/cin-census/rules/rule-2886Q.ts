import { SINCE_2024_25, finding, returnRule } from './rule.js';

/**
 * DfE CIN census rule 2886Q (ChildIdentifiers; query, 2024-25 specification): Children born (unborn children excluded) with sex U (not recorded) are at most 2% of the return.
 */
export const rule2886Q = returnRule({
  code: '2886Q',
  type: 'query',
  message: 'Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)',
  fields: ['ExpectedPersonBirthDate', 'ChildIdentifiers'],
  years: SINCE_2024_25,
  check: (children, _ctx, rule) => {
    const born = children.filter((c) => c.dateOfBirth !== null);
    const unknown = born.filter((c) => c.sex === 'U').length;
    return born.length > 0 && unknown / born.length > 0.02 ? [finding(rule, null)] : [];
  },
});
