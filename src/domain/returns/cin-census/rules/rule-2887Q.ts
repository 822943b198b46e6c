import { SINCE_2022_23, finding, returnRule } from './rule.js';

/**
 * DfE CIN census rule 2887Q (Disabilities; query, 2022-23 specification): At least 8 different disability codes (NONE not counted) are used across the return.
 */
export const rule2887Q = returnRule({
  code: '2887Q',
  type: 'query',
  message: 'Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return',
  fields: ['Disability'],
  years: SINCE_2022_23,
  check: (children, _ctx, rule) => {
    const used = new Set(children.flatMap((c) => c.disabilities).filter((d) => d !== 'NONE'));
    return used.size < 8 ? [finding(rule, null)] : [];
  },
});
