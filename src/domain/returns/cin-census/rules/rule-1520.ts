import type { CensusChild } from '../census-child.js';
import { SINCE_2022_23, finding, returnRule } from './rule.js';

/**
 * DfE CIN census rule 1520 (ChildIdentifiers; error, 2022-23 specification): No two children in the return share a UPN: each child with a shared UPN is named.
 */
export const rule1520 = returnRule({
  code: '1520',
  type: 'error',
  message: 'More than one record with the same UPN.',
  fields: ['UPN'],
  years: SINCE_2022_23,
  check: (children, _ctx, rule) => {
    const byUpn = new Map<string, CensusChild[]>();
    for (const c of children) if (c.upn !== null) byUpn.set(c.upn, [...(byUpn.get(c.upn) ?? []), c]);
    return [...byUpn.values()].filter((cs) => cs.length > 1).flat().map((c) => finding(rule, c));
  },
});
