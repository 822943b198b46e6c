import { SINCE_2022_23, finding, returnRule } from './rule.js';

/**
 * DfE CIN census rule 8510 (ChildIdentifiers; error, 2022-23 specification): No two children in the return share an LA child ID: each is named.
 */
export const rule8510 = returnRule({
  code: '8510',
  type: 'error',
  message: 'More than one child record with the same LA Child ID',
  fields: ['LAchildID'],
  years: SINCE_2022_23,
  check: (children, _ctx, rule) => {
    const count = new Map<string, number>();
    for (const c of children) count.set(c.laChildId, (count.get(c.laChildId) ?? 0) + 1);
    return children.filter((c) => (count.get(c.laChildId) ?? 0) > 1).map((c) => finding(rule, c));
  },
});
