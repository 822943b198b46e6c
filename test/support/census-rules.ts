/**
 * Hand-built cases for the CIN census validation rules (src/domain/returns/cin-census/rules): a
 * clean return for 2025-26 that breaks no rule, ways to change one part of it, and the check that
 * each rule passes the clean case and names the child and episode in the failing one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CensusChild, CensusEpisode } from '../../src/domain/returns/cin-census/census-child.js';
import { CIN_RULES } from '../../src/domain/returns/cin-census/rules/index.js';
import type { CinRule, Finding, RuleContext } from '../../src/domain/returns/cin-census/rules/rule.js';
import { type PlainDate, parsePlainDate } from '../../src/domain/time/index.js';
import { YEAR_2025_26 } from './census-children.js';

export const d = (s: string): PlainDate => parsePlainDate(s);
export const CTX: RuleContext = { year: YEAR_2025_26, lea: '209' };

/** Referred Tuesday 6 May 2025: assessed, an enquiry, a conference and a plan that stepped down to a child in need plan. */
export const REFERRAL = d('2025-05-06');
export const cleanEpisode = (): CensusEpisode => ({
  id: 'e1',
  referralDate: REFERRAL,
  referralSource: '2A',
  primaryNeedCode: 'N1',
  referralDecision: 'assessment',
  closureDate: null,
  closureReason: null,
  assessments: [{ startDate: d('2025-05-07'), authorisedDate: d('2025-06-10'), factors: ['3B', '4B'] }],
  cinPlans: [{ startDate: d('2025-12-01'), endDate: null }],
  s47s: [{ id: 's1', startDate: d('2025-06-02'), icpcRequired: true }],
  icpcs: [{ s47Id: 's1', date: d('2025-06-20'), targetDate: d('2025-06-23') }],
  cpPlans: [{ id: 'p1', startDate: d('2025-06-20'), endDate: d('2025-12-01'), initialCategory: 'NEG', latestCategory: 'NEG', reviews: [d('2025-09-19')] }],
});

/** A girl born 1 June 2015, her UPN's check letter worked by hand (1x2 + 2x3 + ... + 2x13 = 368; 368 mod 23 = 0: A). */
export const cleanChild = (laChildId = 'C1', parts: Partial<CensusChild> = {}): CensusChild => ({
  laChildId,
  upn: 'A123456789012',
  upnUnknown: null,
  dateOfBirth: d('2015-06-01'),
  expectedDateOfBirth: null,
  sex: 'F',
  deathDate: null,
  ethnicity: 'WBRI',
  disabilities: ['AUT', 'COMM'],
  episodes: [cleanEpisode()],
  ...parts,
});

/** A clean return of three children: 8 disability codes between them, one child with more than one, distinct UPNs (P and D by hand: sums 381 and 394). */
export const cleanReturn = (): CensusChild[] => [
  cleanChild('C1'),
  cleanChild('C2', { upn: 'P123456789013', sex: 'M', disabilities: ['MOB', 'HAND', 'PC'], episodes: [{ ...cleanEpisode(), s47s: [], icpcs: [], cpPlans: [] }] }),
  cleanChild('C3', { upn: 'D123456789014', disabilities: ['INC', 'LD', 'HEAR'], episodes: [{ ...cleanEpisode(), s47s: [], icpcs: [], cpPlans: [] }] }),
];

/** The clean child with its one episode changed. */
export const withEpisode = (parts: Partial<CensusEpisode>, childParts: Partial<CensusChild> = {}): CensusChild => cleanChild('BAD', { ...childParts, episodes: [{ ...cleanEpisode(), ...parts }] });
/** The clean child changed. */
export const withChild = (parts: Partial<CensusChild>): CensusChild => cleanChild('BAD', parts);
/** The clean episode's only plan changed. */
export const withCpPlan = (parts: Partial<CensusEpisode['cpPlans'][number]>, episodeParts: Partial<CensusEpisode> = {}) => withEpisode({ ...episodeParts, cpPlans: [{ ...cleanEpisode().cpPlans[0]!, ...parts }] });
/** The clean episode's only assessment changed. */
export const withAssessment = (parts: Partial<CensusEpisode['assessments'][number]>, episodeParts: Partial<CensusEpisode> = {}) =>
  withEpisode({ ...episodeParts, assessments: [{ ...cleanEpisode().assessments[0]!, ...parts }] });

export function ruleOf(code: string): CinRule {
  const rule = CIN_RULES.find((r) => r.code === code);
  assert.ok(rule, `rule ${code} is in the registry`);
  return rule;
}

export function run(rule: CinRule, children: readonly CensusChild[], ctx: RuleContext = CTX): Finding[] {
  return rule.level === 'return' ? rule.check(children, ctx) : children.flatMap((c) => rule.check(c, ctx));
}

export interface RuleCase {
  code: string;
  /** What the case shows. */
  what: string;
  /** Breaks no rule: the clean child (or for return-level rules the clean return) unless given. */
  pass?: CensusChild[];
  fail: CensusChild[];
  failCtx?: RuleContext;
  /** The child the failing case names: 'BAD' unless given; null for a return-level finding. */
  child?: string | null;
  /** The episode the failing case names: none for a child-level rule, REFERRAL for an episode rule. */
  episode?: PlainDate | null;
}

/** One test per rule: the passing case finds nothing, the failing case finds the named child and episode. */
export function ruleTests(cases: readonly RuleCase[]): void {
  for (const c of cases) {
    test(`${c.code}: ${c.what}`, () => {
      const rule = ruleOf(c.code);
      const pass = c.pass ?? (rule.level === 'return' ? cleanReturn() : [cleanChild()]);
      assert.deepEqual(run(rule, pass), [], 'the passing case finds nothing');
      const found = run(rule, c.fail, c.failCtx);
      assert.ok(found.length > 0, 'the failing case is found');
      for (const f of found) {
        assert.equal(f.code, rule.code);
        assert.equal(f.message, rule.message);
        assert.equal(f.type, rule.type);
      }
      assert.equal(found[0]!.laChildId, c.child === undefined ? (rule.level === 'return' ? null : 'BAD') : c.child);
      if (c.episode !== undefined) assert.equal(found[0]!.referralDate, c.episode);
    });
  }
}
