/**
 * A child in need episode, from referral to closure: the referral decision, assessments, strategy
 * discussions and section 47 enquiries, the initial conference, child protection and child in need
 * plans, and becoming looked after. The dates are planned once for the children referred together
 * (siblings share them) and then copied for each child, whose period of care is their own.
 */
import { addMonthsDay, addWD, ageOn, birthday, onOrPrevWD, wdBetween } from './calendar.js';
import { planPeriod } from './care.js';
import type { GenContext } from './context.js';
import type { AssessmentSim, ChildSim, ContactSim, CpSim, EpisodeSim, FamilySim, Phase, ReviewSim, Route, StrategySim } from './model.js';
import { Rng, weighted, type Weighted } from './prng.js';
import type { ConcernKind, Severity } from './texts.js';
import type { ServiceKey } from './workforce.js';

interface TplStrategy {
  day: number;
  s47: { end: number; outcome: string; icpcRequired: boolean } | null;
  icpc: { day: number; target: number; plan: boolean } | null;
}

interface TplPlan {
  start: number;
  end: number;
  reviews: { due: number; day: number }[];
}

interface TplCp extends TplPlan {
  strategyIndex: number;
  category: string;
  latest: string;
}

export interface Template {
  kind: ConcernKind;
  refDay: number;
  referralDecision: 'assessment' | 'strategy_discussion' | 'nfa';
  decidedOn: number;
  need: string;
  assessments: { start: number; end: number; outcome: string }[];
  strategies: TplStrategy[];
  cps: TplCp[];
  cins: TplPlan[];
  care: { day: number; route: Route } | null;
  /** How the episode closes when nobody becomes looked after. */
  closure: { day: number; reason: string };
  phases: Phase[];
  earlyHelpFrom: number | null;
  cwd: boolean;
}

const REFERRAL_DECISION: Record<Severity, Weighted<'nfa' | 'assessment' | 'strategy_discussion'>> = {
  low: weighted([['nfa', 12], ['assessment', 85], ['strategy_discussion', 3]]),
  medium: weighted([['nfa', 7], ['assessment', 86], ['strategy_discussion', 7]]),
  high: weighted([['nfa', 2], ['assessment', 76], ['strategy_discussion', 22]]),
  critical: weighted([['assessment', 50], ['strategy_discussion', 50]]),
};
const MID_ASSESSMENT_STRATEGY: Record<Severity, number> = { low: 0.04, medium: 0.09, high: 0.16, critical: 0.25 };
const CONFERENCE: Record<Severity, number> = { low: 0.115, medium: 0.2, high: 0.31, critical: 0.43 };
const EMERGENCY_CARE: Record<Severity, number> = { low: 0, medium: 0.002, high: 0.012, critical: 0.09 };

type Outcome = 'nfa' | 'early_help' | 'cin_plan' | 'looked_after' | 'remand' | 'other';
const ASSESSMENT_OUTCOME: Record<ConcernKind, Weighted<Outcome>> = {
  family: weighted<Outcome>([['nfa', 34], ['early_help', 17], ['cin_plan', 45], ['looked_after', 1.4], ['other', 3]]),
  child: weighted<Outcome>([['nfa', 35], ['early_help', 17], ['cin_plan', 44], ['looked_after', 1.4], ['other', 3]]),
  teen: weighted<Outcome>([['nfa', 31], ['early_help', 16], ['cin_plan', 42], ['looked_after', 7], ['remand', 2], ['other', 3]]),
  baby: weighted<Outcome>([['nfa', 22], ['early_help', 12], ['cin_plan', 50], ['looked_after', 14], ['other', 2]]),
  disability: weighted<Outcome>([['nfa', 12], ['early_help', 10], ['cin_plan', 77], ['looked_after', 1]]),
  uasc: weighted<Outcome>([['looked_after', 1]]),
};

const NEED: Record<ConcernKind, Weighted<string>> = {
  family: weighted([['N1', 58], ['N3', 7], ['N4', 13], ['N5', 13], ['N6', 3], ['N7', 2], ['N8', 4]]),
  child: weighted([['N1', 60], ['N3', 6], ['N4', 12], ['N5', 12], ['N6', 5], ['N7', 2], ['N8', 3]]),
  teen: weighted([['N1', 38], ['N4', 17], ['N5', 17], ['N6', 22], ['N8', 6]]),
  baby: weighted([['N1', 76], ['N3', 10], ['N4', 9], ['N5', 5]]),
  disability: weighted([['N2', 1]]),
  uasc: weighted([['N8', 1]]),
};

const CP_REVIEWS = weighted([[1, 27], [2, 48], [3, 16], [4, 6], [5, 3]]);
const CIN_REVIEWS = weighted([[1, 10], [2, 20], [3, 22], [4, 17], [5, 12], [6, 8], [7, 6], [8, 5]]);
const CATEGORY = weighted([['NEG', 50], ['EMO', 36], ['PHY', 7], ['SAB', 4], ['MUL', 3]]);

function assessmentEnd(rng: Rng, clockFrom: number, start: number): number {
  const minWd = Math.max(8, wdBetween(clockFrom, start) + 5);
  const wd = rng.chance(0.86) ? Math.max(minWd, Math.min(45, Math.round(20 + 25 * Math.sqrt(rng.float())))) : Math.max(minWd, rng.int(46, 80));
  return addWD(clockFrom, wd);
}

function strategy(rng: Rng, day: number, sev: Severity, kind: ConcernKind): TplStrategy {
  if (!rng.chance(0.86)) return { day, s47: null, icpc: null };
  const conference = rng.chance(CONFERENCE[sev] + (kind === 'baby' ? 0.12 : 0));
  if (!conference) {
    return { day, s47: { end: addWD(day, rng.int(5, 15)), outcome: rng.chance(0.45) ? 'substantiated_no_conference' : 'not_substantiated', icpcRequired: false }, icpc: null };
  }
  const k = rng.chance(0.81) ? rng.int(8, 15) : rng.int(16, 30);
  const icpcDay = addWD(day, k);
  const s47End = rng.chance(0.5) ? icpcDay : addWD(day, rng.int(5, k));
  return { day, s47: { end: s47End, outcome: 'substantiated_conference', icpcRequired: true }, icpc: { day: icpcDay, target: addWD(day, 15), plan: rng.chance(0.85) } };
}

/** CP reviews: the first within 3 months of the plan, then within 6 months of the last; the plan ends at review k. */
function cpPlan(rng: Rng, start: number): TplPlan {
  const k = CP_REVIEWS.sample(rng);
  const reviews: { due: number; day: number }[] = [];
  let prev = start;
  for (let i = 0; i < k; i++) {
    const due = addMonthsDay(prev, i === 0 ? 3 : 6);
    const day = Math.max(onOrPrevWD(due - rng.int(0, 12)), addWD(prev, 1));
    reviews.push({ due, day });
    prev = day;
  }
  return { start, end: prev, reviews };
}

/** The plan ends at an early review conference a few weeks after the child becomes looked after. */
function endPlanAfterCare(rng: Rng, plan: TplPlan, careDay: number): TplPlan {
  const kept = plan.reviews.filter((r) => r.day < careDay);
  const lastHeld = kept.length > 0 ? kept[kept.length - 1]!.day : plan.start;
  const due = addMonthsDay(lastHeld, kept.length === 0 ? 3 : 6);
  const day = Math.max(Math.min(onOrPrevWD(due), addWD(careDay, rng.int(10, 25))), addWD(lastHeld, 1));
  kept.push({ due, day });
  return { start: plan.start, end: day, reviews: kept };
}

/** CIN plans are reviewed at least every 3 months and end at a review. */
function cinPlan(rng: Rng, start: number, cwd: boolean): TplPlan {
  const k = cwd ? rng.int(4, 16) : CIN_REVIEWS.sample(rng);
  const reviews: { due: number; day: number }[] = [];
  let prev = start;
  for (let i = 0; i < k; i++) {
    const due = addMonthsDay(prev, 3);
    const day = Math.max(onOrPrevWD(due - rng.int(0, 10)), addWD(prev, 1));
    reviews.push({ due, day });
    prev = day;
  }
  return { start, end: prev, reviews };
}

function careRoute(rng: Rng, kind: ConcernKind, from: 'assessment' | 'cp' | 'cin'): Route {
  if (kind === 'uasc') return 'uasc';
  if (from === 'cp') return rng.chance(0.85) ? 'proceedings' : 's20';
  if (kind === 'teen') return rng.chance(0.8) ? 's20' : 'proceedings';
  return rng.chance(0.6) ? 'proceedings' : 's20';
}

/**
 * Plans an episode's dates from the referral day. Nothing here knows about `today`: emission cuts
 * the plan at today.
 */
export function makeTemplate(rng: Rng, kind: ConcernKind, sev: Severity, refDay: number, mashDecision: 'referral' | 'strategy_discussion'): Template {
  const cwd = kind === 'disability';
  const t: Template = {
    kind,
    refDay,
    referralDecision: 'assessment',
    decidedOn: refDay,
    need: NEED[kind].sample(rng),
    assessments: [],
    strategies: [],
    cps: [],
    cins: [],
    care: null,
    closure: { day: refDay, reason: 'RC8' },
    phases: [],
    earlyHelpFrom: null,
    cwd,
  };
  if (mashDecision === 'strategy_discussion') t.referralDecision = 'strategy_discussion';
  else if (kind === 'uasc' || kind === 'disability') t.referralDecision = 'assessment';
  else t.referralDecision = REFERRAL_DECISION[sev].sample(rng);
  t.decidedOn = t.referralDecision === 'strategy_discussion' || rng.chance(0.7) ? refDay : addWD(refDay, 1);
  if (t.referralDecision === 'nfa') {
    t.closure = { day: t.decidedOn, reason: 'RC8' };
    return t;
  }
  const firstService: ServiceKey = cwd ? 'cwd' : kind === 'uasc' ? 'cic' : 'assessment';
  const planService: ServiceKey = cwd ? 'cwd' : 'safeguarding';
  t.phases.push({ day: t.decidedOn, service: firstService });

  const a1Start = rng.chance(0.7) ? t.decidedOn : addWD(t.decidedOn, rng.int(1, 3));
  const a1End = assessmentEnd(rng, refDay, a1Start);
  const a1 = { start: a1Start, end: a1End, outcome: 'nfa' };
  t.assessments.push(a1);
  let lastActivity = a1End;
  let s47Happened = false;

  if (kind === 'uasc') {
    a1.outcome = 'looked_after';
    t.care = { day: refDay, route: 'uasc' };
    return t;
  }

  let sd: TplStrategy | null = null;
  if (t.referralDecision === 'strategy_discussion') sd = strategy(rng, t.decidedOn, sev, kind);
  else if (rng.chance(MID_ASSESSMENT_STRATEGY[sev] + (kind === 'baby' ? 0.08 : 0))) {
    const span = Math.max(2, wdBetween(a1Start, a1End) - 1);
    sd = strategy(rng, addWD(a1Start, rng.int(1, span)), sev, kind);
  }
  if (sd) {
    t.strategies.push(sd);
    if (sd.s47) {
      s47Happened = true;
      lastActivity = Math.max(lastActivity, sd.s47.end);
    }
    if (rng.chance(EMERGENCY_CARE[sev] + (kind === 'baby' ? 0.12 : 0))) {
      // Police protection or an emergency protection order on the day of the strategy discussion.
      if (sd.icpc) {
        sd.icpc = null;
        sd.s47 = { end: sd.s47!.end, outcome: 'substantiated_no_conference', icpcRequired: false };
      }
      a1.outcome = 'looked_after';
      t.care = { day: sd.day, route: rng.chance(0.6) ? 'police' : 'epo' };
      return t;
    }
    if (sd.icpc?.plan) {
      a1.outcome = 'strategy_discussion';
      return cpPhase(rng, t, sd.icpc.day, 0, kind, sev, planService, lastActivity);
    }
    if (sd.icpc) lastActivity = Math.max(lastActivity, sd.icpc.day);
  }
  const outcome = ASSESSMENT_OUTCOME[kind].sample(rng);
  a1.outcome = outcome === 'remand' ? 'looked_after' : outcome;
  switch (outcome) {
    case 'nfa':
      t.closure = { day: lastActivity, reason: s47Happened ? 'RC7' : 'RC8' };
      return t;
    case 'early_help':
      t.closure = { day: lastActivity, reason: s47Happened ? 'RC7' : 'RC9' };
      t.earlyHelpFrom = lastActivity;
      return t;
    case 'other':
      t.closure = { day: lastActivity, reason: 'RC7' };
      return t;
    case 'looked_after':
      t.care = { day: a1End, route: careRoute(rng, kind, 'assessment') };
      return t;
    case 'remand':
      t.care = { day: addWD(a1Start, rng.int(1, Math.max(1, wdBetween(a1Start, a1End)))), route: 'remand' };
      return t;
    case 'cin_plan':
      return cinPhase(rng, t, a1End, kind, sev, planService, lastActivity);
  }
}

function cpPhase(rng: Rng, t: Template, start: number, strategyIndex: number, kind: ConcernKind, sev: Severity, service: ServiceKey, lastActivity: number): Template {
  t.phases.push({ day: start, service });
  const careFromCp = rng.chance(0.11 + (kind === 'baby' ? 0.22 : 0));
  let careDay: number | null = null;
  let plan = cpPlan(rng, start);
  if (careFromCp && plan.end - start > 40) {
    careDay = start + rng.int(15, plan.end - start - 15);
    plan = endPlanAfterCare(rng, plan, careDay);
  }
  const category = CATEGORY.sample(rng);
  t.cps.push({ ...plan, strategyIndex, category, latest: rng.chance(0.9) ? category : CATEGORY.sample(rng) });
  if (careDay !== null && careDay < plan.end) {
    t.care = { day: careDay, route: careRoute(rng, kind, 'cp') };
    return t;
  }
  const r = rng.float();
  const end = Math.max(plan.end, lastActivity);
  if (r < 0.6) {
    // step down to a child in need plan; sometimes a fresh assessment
    if (rng.chance(0.3)) {
      const a0 = Math.max(plan.end, ...t.assessments.map((a) => a.end + 1));
      t.assessments.push({ start: a0, end: assessmentEnd(rng, a0, a0), outcome: 'cin_plan' });
    }
    return cinPhase(rng, t, plan.end, kind, sev, service, Math.max(lastActivity, ...t.assessments.map((a) => a.end)));
  }
  t.closure = { day: end, reason: r < 0.95 ? 'RC7' : 'RC5' };
  return t;
}

function cinPhase(rng: Rng, t: Template, start: number, kind: ConcernKind, sev: Severity, service: ServiceKey, lastActivity: number): Template {
  if (t.phases[t.phases.length - 1]?.service !== service) t.phases.push({ day: start, service });
  const plan = cinPlan(rng, start, t.cwd);
  const r = rng.float();
  const lastS47End = Math.max(start, ...t.strategies.map((s) => s.s47?.end ?? s.day));
  if (r < 0.06 && plan.end - lastS47End > 30) {
    // escalation: a new strategy discussion during the plan
    const day = addWD(lastS47End, rng.int(5, Math.max(6, wdBetween(lastS47End, plan.end) - 5)));
    if (day < plan.end) {
      const sd = strategy(rng, day, sev === 'low' ? 'medium' : sev, kind);
      t.strategies.push(sd);
      if (sd.icpc?.plan && sd.icpc.day < plan.end) {
        t.cins.push({ start, end: sd.icpc.day, reviews: plan.reviews.filter((x) => x.day < sd.icpc!.day) });
        return cpPhase(rng, t, sd.icpc.day, t.strategies.length - 1, kind, sev, service, Math.max(lastActivity, sd.s47!.end));
      }
      lastActivity = Math.max(lastActivity, sd.s47?.end ?? day, sd.icpc?.day ?? day);
    }
  } else if (r < 0.075 && plan.end - start > 40) {
    const careDay = start + rng.int(20, plan.end - start - 10);
    t.cins.push({ start, end: careDay, reviews: plan.reviews.filter((x) => x.day < careDay) });
    t.care = { day: careDay, route: careRoute(rng, kind, 'cin') };
    return t;
  }
  t.cins.push(plan);
  t.closure = { day: Math.max(plan.end, lastActivity), reason: 'RC7' };
  return t;
}

/** The day the template needs the child to still be under 18 (after which they are not involved). */
export function mustBeChildUntil(t: Template, today: number): number {
  if (t.care) return Math.min(t.care.day + 60, today + 1);
  return Math.min(t.closure.day + 1, today + 1);
}

const FACTORS = weighted([
  ['3B', 25], ['4B', 22], ['2B', 12], ['1B', 10], ['16A', 14], ['17A', 12], ['4A', 10], ['15A', 5], ['5B', 4], ['6B', 5], ['18C', 4], ['19C', 2], ['14A', 5], ['10A', 4], ['11A', 3], ['24A', 4], ['13A', 3], ['7A', 2], ['20', 6], ['3A', 4], ['22A', 0.5], ['23A', 0.5],
]);
const TEEN_FACTORS = weighted([['4A', 20], ['15A', 14], ['10A', 14], ['11A', 10], ['24A', 12], ['13A', 8], ['14A', 12], ['3B', 10], ['4B', 8], ['2A', 6], ['1A', 4], ['18B', 3], ['19B', 2]]);
const DISABILITY_FACTORS = weighted([['5A', 40], ['6A', 30], ['4B', 10], ['7A', 8], ['20', 12]]);

function factorsFor(rng: Rng, kind: ConcernKind, outcome: string): string[] {
  if (kind === 'uasc') return rng.chance(0.3) ? ['9A', '4A'] : ['9A'];
  if (outcome === 'nfa' && rng.chance(0.3)) return ['21'];
  const table = kind === 'teen' ? TEEN_FACTORS : kind === 'disability' ? DISABILITY_FACTORS : FACTORS;
  const n = rng.int(1, 4);
  const set = new Set<string>();
  for (let i = 0; i < n * 2 && set.size < n; i++) set.add(table.sample(rng));
  return [...set].sort();
}

export const REC_TO_RC: Record<string, string> = {
  E11: 'RC1',
  E12: 'RC1',
  E2: 'RC2',
  E41: 'RC3',
  E45: 'RC4',
  E46: 'RC4',
  E47: 'RC4',
  E48: 'RC4',
  E3: 'RC5',
  E7: 'RC6',
};

/**
 * One child's copy of a template, with their own identifiers and their own period of care.
 * Returns null if the child would turn 18 before the episode needs them to be a child.
 */
export function instantiate(g: GenContext, fam: FamilySim, child: ChildSim, t: Template, contact: ContactSim, homePostcode: string | null, rng: Rng): EpisodeSim {
  const b18 = birthday(child.dob, 18);
  const strategies: StrategySim[] = t.strategies.map((s) => ({
    id: rng.uuid(),
    day: s.day,
    s47: s.s47 ? { id: rng.uuid(), end: s.s47.end, outcome: s.s47.outcome, icpcRequired: s.s47.icpcRequired } : null,
    icpc: s.icpc ? { id: rng.uuid(), day: s.icpc.day, target: s.icpc.target, plan: s.icpc.plan } : null,
    attendees: [
      { agency: 'children’s social care', name: null },
      { agency: 'police', name: null },
      ...(rng.chance(0.8) ? [{ agency: 'health', name: null }] : []),
      ...(ageOn(child.dob, s.day) >= 4 && rng.chance(0.7) ? [{ agency: 'education', name: null }] : []),
    ],
  }));
  const review = (r: { due: number; day: number }): ReviewSim => ({ id: rng.uuid(), due: r.due, day: r.day });
  const cps: CpSim[] = t.cps.map((p) => ({
    id: rng.uuid(),
    icpcId: strategies[p.strategyIndex]?.icpc?.id ?? null,
    start: p.start,
    end: p.end,
    reviews: p.reviews.map(review),
    initialCategory: p.category,
    latestCategory: p.latest,
  }));
  const assessments: AssessmentSim[] = t.assessments.map((a) => ({
    id: rng.uuid(),
    start: a.start,
    end: a.end,
    outcome: a.outcome,
    factors: factorsFor(rng, t.kind, a.outcome),
    childSeen: rng.chance(0.97),
  }));
  const cins = t.cins.map((p) => ({ id: rng.uuid(), start: p.start, end: p.end, reviews: p.reviews.map(review) }));
  const phases = [...t.phases];
  let closure = t.closure.day;
  let closureReason = t.closure.reason;
  let need = t.need;
  if (closureReason === 'RC8' && need !== 'N2' && rng.chance(0.3)) need = 'N0';
  let period = null;
  if (t.care) {
    const category = need === 'N0' || need === 'N9' ? 'N1' : need;
    const route: Route = t.care.route === 'remand' && ageOn(child.dob, t.care.day) < 10 ? 's20' : t.care.route;
    period = planPeriod(g, fam, child, t.care.day, route, route === 'remand' ? 'N6' : category, homePostcode, rng);
    const cicDay = t.care.day + rng.int(40, 180);
    if (cicDay < period.end && phases[phases.length - 1]?.service !== 'cic') phases.push({ day: cicDay, service: 'cic' });
    const base = Math.max(period.end, ...cps.map((p) => p.end), ...assessments.map((a) => a.end), ...strategies.map((s) => s.s47?.end ?? s.day));
    const rec = period.rec;
    closure = base;
    closureReason = REC_TO_RC[rec] ?? 'RC7';
    if ((rec === 'E4A' || rec === 'E4B' || rec === 'E13') && rng.chance(0.65)) {
      const plan = cinPlan(rng, base, t.cwd);
      if (plan.end < b18) {
        cins.push({ id: rng.uuid(), start: plan.start, end: plan.end, reviews: plan.reviews.map(review) });
        phases.push({ day: base, service: t.cwd ? 'cwd' : 'safeguarding' });
        closure = plan.end;
        closureReason = 'RC7';
      }
    }
  }
  return {
    id: rng.uuid(),
    refDay: t.refDay,
    source: contact.source,
    need,
    referralDecision: t.referralDecision,
    decidedOn: t.decidedOn,
    closure,
    closureReason,
    openingContact: contact,
    assessments,
    strategies,
    cps,
    cins,
    period,
    phases,
    cwd: t.cwd,
  };
}
