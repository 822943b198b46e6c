import { SINCE_2022_23, finding, returnRule } from './rule.js';

/**
 * DfE CIN census rule 2888Q (Disabilities; query, 2022-23 specification): Where children have disabilities, at least one child has more than one recorded.
 */
export const rule2888Q = returnRule({
  code: '2888Q',
  type: 'query',
  message: 'Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.',
  fields: ['Disability'],
  years: SINCE_2022_23,
  check: (children, _ctx, rule) => {
    const disabled = children.map((c) => c.disabilities.filter((d) => d !== 'NONE')).filter((ds) => ds.length > 0);
    return disabled.length > 0 && disabled.every((ds) => ds.length === 1) ? [finding(rule, null)] : [];
  },
});
