import type { CensusChild } from '../census-child.js';
import { CIN_RULES } from './index.js';
import { type CinRule, type Finding, type RuleContext, type RuleType, collectionYear } from './rule.js';

export interface RuleCount {
  code: string;
  type: RuleType;
  message: string;
  count: number;
}

export interface CinValidation {
  /** Every finding, rule by rule in code order, children in return order within a rule. */
  findings: Finding[];
  /** The rules that found something, in code order, with how many findings each. */
  byRule: RuleCount[];
  /** Each child's findings, by LA child ID (return-level findings are under no child). */
  byChild: Map<string, Finding[]>;
}

/**
 * Checks a CIN census as returned (censusAsReturned) against every rule that applies to its
 * collection year. Pure: the children and the year are passed in.
 */
export function validateCinCensus(children: readonly CensusChild[], ctx: RuleContext, rules: readonly CinRule[] = CIN_RULES): CinValidation {
  const year = collectionYear(ctx.year);
  const findings: Finding[] = [];
  const byRule: RuleCount[] = [];
  for (const rule of rules) {
    if (!rule.years.includes(year)) continue;
    const found = rule.level === 'return' ? rule.check(children, ctx) : children.flatMap((c) => rule.check(c, ctx));
    if (!found.length) continue;
    findings.push(...found);
    byRule.push({ code: rule.code, type: rule.type, message: rule.message, count: found.length });
  }
  const byChild = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.laChildId === null) continue;
    const list = byChild.get(f.laChildId);
    if (list) list.push(f);
    else byChild.set(f.laChildId, [f]);
  }
  return { findings, byRule, byChild };
}
