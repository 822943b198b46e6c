import { type PlainDate, addDays, compareDates, workingDaysBetween } from '../../../time/index.js';
import type { CensusChild, CensusEpisode } from '../census-child.js';
import type { CensusYear } from '../cohort.js';

/**
 * One DfE CIN census validation rule (the DfE's validation specification, as carried by the open
 * validator data-to-insight/cin-validator: dfe-cin-rules.csv beside this file), checked on the
 * census as returned (as-returned.ts): the children and episodes the DfE would see.
 */
export type RuleType = 'error' | 'query';

export interface RuleContext {
  year: CensusYear;
  /** The authority's three-digit DfE (LEA) code. */
  lea: string;
}

/** What a rule found: the child (laChildId) and episode (its referral date), or the whole return (both null). */
export interface Finding {
  code: string;
  type: RuleType;
  message: string;
  fields: readonly string[];
  laChildId: string | null;
  referralDate: PlainDate | null;
}

interface RuleBase {
  code: string;
  type: RuleType;
  /** The DfE's text, exactly. */
  message: string;
  /** The census items the rule names (affected fields). */
  fields: readonly string[];
  /** The collection years the rule (this version of it) applies to. */
  years: readonly string[];
}

export interface ChildRule extends RuleBase {
  level: 'child';
  check(child: CensusChild, ctx: RuleContext): Finding[];
}

export interface ReturnRule extends RuleBase {
  level: 'return';
  check(children: readonly CensusChild[], ctx: RuleContext): Finding[];
}

export type CinRule = ChildRule | ReturnRule;

/** Rules defined in the 2022-23 specification and unchanged since. */
export const SINCE_2022_23 = ['2022-23', '2023-24', '2024-25', '2025-26'] as const;
/** Rules (re)defined in the 2023-24 specification. */
export const SINCE_2023_24 = ['2023-24', '2024-25', '2025-26'] as const;
/** Rules (re)defined in the 2024-25 specification (sex as M/F/U, LA child ID format, 18A/19A). */
export const SINCE_2024_25 = ['2024-25', '2025-26'] as const;

export function finding(rule: RuleBase, child: CensusChild | null, episode: CensusEpisode | null = null): Finding {
  return { code: rule.code, type: rule.type, message: rule.message, fields: rule.fields, laChildId: child?.laChildId ?? null, referralDate: episode?.referralDate ?? null };
}

/** A rule broken by an episode: one finding per failing episode. */
export function episodeRule(def: RuleBase & { fails: (e: CensusEpisode, child: CensusChild, ctx: RuleContext) => boolean }): ChildRule {
  const { fails, ...base } = def;
  return { ...base, level: 'child', check: (child, ctx) => child.episodes.filter((e) => fails(e, child, ctx)).map((e) => finding(base, child, e)) };
}

/** A rule broken by the child as a whole (identifiers, characteristics, plans across episodes): one finding. */
export function childRule(def: RuleBase & { fails: (child: CensusChild, ctx: RuleContext) => boolean }): ChildRule {
  const { fails, ...base } = def;
  return { ...base, level: 'child', check: (child, ctx) => (fails(child, ctx) ? [finding(base, child)] : []) };
}

/** A rule over the whole return (duplicates across children, the header, counts). */
export function returnRule(def: RuleBase & { check: (children: readonly CensusChild[], ctx: RuleContext, rule: RuleBase) => Finding[] }): ReturnRule {
  const { check, ...base } = def;
  return { ...base, level: 'return', check: (children, ctx) => check(children, ctx, base) };
}

export const before = (a: PlainDate, b: PlainDate) => compareDates(a, b) < 0;
export const after = (a: PlainDate, b: PlainDate) => compareDates(a, b) > 0;
/** On a day from 1 April to 31 March of the census year. */
export const inYear = (d: PlainDate, y: CensusYear) => compareDates(y.start, d) <= 0 && compareDates(d, y.referenceDate) <= 0;
/** Every plan of the child, across episodes. */
export const allCpPlans = (child: CensusChild) => child.episodes.flatMap((e) => e.cpPlans);
export const allCinPlans = (child: CensusChild) => child.episodes.flatMap((e) => e.cinPlans);
/** The referral led to no further action (ReferralNFA true). */
export const isNfa = (e: CensusEpisode) => e.referralDecision === 'nfa';
/** The date of the initial conference an enquiry led to, or null. */
export const icpcOf = (e: CensusEpisode, s47Id: string) => e.icpcs.find((i) => i.s47Id === s47Id)?.date ?? null;
/** True when two periods [start, end) overlap; an open end runs on for ever. */
export function overlaps(a: { startDate: PlainDate; endDate: PlainDate | null }, b: { startDate: PlainDate; endDate: PlainDate | null }): boolean {
  const startsBeforeEnd = (x: typeof a, y: typeof a) => y.endDate === null || before(x.startDate, y.endDate);
  return (compareDates(a.startDate, b.startDate) === 0) || (startsBeforeEnd(a, b) && startsBeforeEnd(b, a));
}
/** An enquiry still waiting for its conference: none held and ICPCnotRequired false. */
export const awaitingIcpc = (e: CensusEpisode, s: CensusEpisode['s47s'][number]) => icpcOf(e, s.id) === null && s.icpcRequired !== false;
/** The collection year's name, like '2025-26', from its reference date. */
export function collectionYear(y: CensusYear): string {
  const end = Number(y.referenceDate.slice(0, 4));
  return `${end - 1}-${String(end % 100).padStart(2, '0')}`;
}
/** More than n working days from d to the reference date (England and Wales bank holidays); anything over a year before is. */
export function moreThanWorkingDaysBefore(d: PlainDate, ref: PlainDate, n: number): boolean {
  if (before(d, addDays(ref, -366))) return true;
  return workingDaysBetween(d, ref) > n;
}

/** Each unordered pair of a list, once. */
export function pairs<T>(xs: readonly T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) out.push([xs[i]!, xs[j]!]);
  return out;
}
