/**
 * A small, labelled share of realistic faults, written to synthetic_faults as the answer key for
 * validation and worktray tests: a late visit, an assessment never authorised, a review conference
 * held late, a return home interview never offered, and (once in the whole authority) two child in
 * need episodes that overlap. Everything not labelled here is clean.
 */
import type { Row, Sink } from './batches.js';
import { addMonthsDay, addWD, dayOf, iso, onOrNextWD } from './calendar.js';
import type { GenContext } from './context.js';
import type { ChildSim, PeriodSim } from './model.js';
import type { Rng } from './prng.js';
import { lacVisitInterval } from './schedule.js';

export type FaultKind = 'late_visit' | 'assessment_not_authorised' | 'cp_review_late' | 'rhi_not_offered' | 'overlapping_episode';

/** Chance that a child with records a fault can apply to gets one (about 1.5% of all children, with per-kind weights below). */
export const FAULT_CHANCE = 0.03;

interface Candidate {
  kind: FaultKind;
  apply: () => { table: string; recordId: string; description: string };
}

const day = (v: unknown) => dayOf(v as string);

function lateVisit(rows: Sink, periods: PeriodSim[], H: number, rng: Rng): Candidate | null {
  const visits = [...rows.rows('visits')].sort((a, b) => (a['visit_date'] as string).localeCompare(b['visit_date'] as string));
  const options: number[] = [];
  for (let i = 1; i + 1 < visits.length; i++) {
    const prev = visits[i - 1]!;
    const cur = visits[i]!;
    const next = visits[i + 1]!;
    const type = cur['visit_type'];
    if (prev['visit_type'] !== type || next['visit_type'] !== type) continue;
    const p = day(prev['visit_date']);
    const n = day(next['visit_date']);
    if (p < H || n - p > (type === 'cp' ? 30 : type === 'cin' ? 60 : 84)) continue;
    let late: boolean;
    if (type === 'cp') late = n > addWD(p, 10);
    else if (type === 'cin') late = n > addWD(p, 20);
    else if (type === 'cla') {
      const period = periods.find((x) => x.start <= p && p < x.end);
      late = !!period && lacVisitInterval(period.placements, p) === 42 && n - p > 42 && !period.placements.some((pl) => pl.start > p && pl.start <= n);
    } else late = false;
    if (late) options.push(i);
  }
  if (options.length === 0) return null;
  return {
    kind: 'late_visit',
    apply: () => {
      const i = rng.pick(options);
      const prev = visits[i - 1]!;
      const removed = visits[i]!;
      const next = visits[i + 1]!;
      const list = rows.rows('visits');
      list.splice(list.indexOf(removed), 1);
      const gap = day(next['visit_date']) - day(prev['visit_date']);
      return {
        table: 'visits',
        recordId: next['id'] as string,
        description: `Late ${next['visit_type']} visit: ${next['visit_date']} was ${gap} days after the previous visit on ${prev['visit_date']} (a visit due in between was missed).`,
      };
    },
  };
}

function unauthorisedAssessment(rows: Sink, T: number, H: number, rng: Rng): Candidate | null {
  const episodes = new Map(rows.rows('cin_episodes').map((e) => [e['id'] as string, e]));
  const all = rows.rows('assessments');
  const isLast = (a: Row) => !all.some((b) => b !== a && b['cin_episode_id'] === a['cin_episode_id'] && (b['start_date'] as string) > (a['start_date'] as string));
  const done = all.filter((a) => a['authorised_date'] !== null && day(a['start_date']) >= H && day(a['start_date']) < T - 120 && isLast(a));
  const open = done.filter((a) => episodes.get(a['cin_episode_id'] as string)?.['closure_date'] === null);
  const pool = open.length > 0 ? open : done;
  if (pool.length === 0) return null;
  return {
    kind: 'assessment_not_authorised',
    apply: () => {
      const a = rng.pick(pool);
      a['authorised_date'] = null;
      a['authorised_by'] = null;
      a['outcome'] = null;
      a['outcome_nfa'] = null;
      a['factors'] = [];
      return { table: 'assessments', recordId: a['id'] as string, description: `Assessment started ${a['start_date']} has no authorisation date.` };
    },
  };
}

function lateCpReview(rows: Sink, H: number, T: number, rng: Rng): Candidate | null {
  const reviews = rows.rows('cp_reviews');
  const byPlan = new Map<string, Row[]>();
  for (const r of reviews) {
    const list = byPlan.get(r['cp_plan_id'] as string) ?? [];
    list.push(r);
    byPlan.set(r['cp_plan_id'] as string, list);
  }
  const options: [Row, Row][] = [];
  for (const list of byPlan.values()) {
    list.sort((a, b) => (a['review_date'] as string).localeCompare(b['review_date'] as string));
    for (let i = 0; i + 1 < list.length; i++) {
      const r = list[i]!;
      const next = list[i + 1]!;
      if (day(r['review_date']) < H || !r['continue_plan']) continue;
      if (day(next['review_date']) - day(r['due_date']) < 30) continue;
      options.push([r, next]);
    }
  }
  if (options.length === 0) return null;
  return {
    kind: 'cp_review_late',
    apply: () => {
      const [r, next] = rng.pick(options);
      const due = day(r['due_date']);
      const limit = Math.min(day(next['review_date']) - 5, T);
      const held = onOrNextWD(Math.min(limit, due + rng.int(5, 20)));
      const late = held > due && held < day(next['review_date']) ? held : due + 1;
      r['review_date'] = iso(late);
      next['due_date'] = iso(addMonthsDay(late, 6));
      return { table: 'cp_reviews', recordId: r['id'] as string, description: `Review child protection conference due ${r['due_date']} was held late, on ${r['review_date']}.` };
    },
  };
}

function missingRhi(rows: Sink, T: number, H: number, rng: Rng): Candidate | null {
  const pool = rows.rows('missing_episodes').filter((m) => m['end_date'] !== null && day(m['end_date']) <= T - 5 && day(m['start_date']) >= H && m['rhi_offered'] === true);
  if (pool.length === 0) return null;
  return {
    kind: 'rhi_not_offered',
    apply: () => {
      const m = rng.pick(pool);
      m['rhi_offered'] = false;
      m['rhi_offered_date'] = null;
      m['rhi_accepted'] = null;
      return { table: 'missing_episodes', recordId: m['id'] as string, description: `No return home interview was offered after the missing episode ending ${m['end_date']}.` };
    },
  };
}

function overlappingEpisode(rows: Sink, T: number, H: number): Candidate | null {
  const eps = [...rows.rows('cin_episodes')].sort((a, b) => (a['referral_date'] as string).localeCompare(b['referral_date'] as string));
  for (let i = 0; i + 1 < eps.length; i++) {
    const a = eps[i]!;
    const b = eps[i + 1]!;
    if (a['closure_date'] === null || day(a['closure_date']) < H) continue;
    const bRef = day(b['referral_date']);
    const bEnd = b['closure_date'] === null ? T : day(b['closure_date']);
    if (bRef - day(a['closure_date']) < 10 || bEnd - bRef < 20) continue;
    return {
      kind: 'overlapping_episode',
      apply: () => {
        const moved = Math.min(bRef + 14, bEnd - 1, T);
        a['closure_date'] = iso(moved);
        return { table: 'cin_episodes', recordId: b['id'] as string, description: `Child in need episode referred ${b['referral_date']} overlaps the previous episode, now recorded as closing on ${a['closure_date']}.` };
      },
    };
  }
  return null;
}

/** Possibly injects one labelled fault into a child's rows. */
export function applyFaults(g: GenContext, child: ChildSim, rows: Sink, periods: PeriodSim[], rng: Rng): void {
  const T = g.today;
  const H = g.historyStart;
  let chosen: Candidate | null = null;
  if (!g.overlapPlaced && g.faultRate > 0) {
    chosen = overlappingEpisode(rows, T, H);
    if (chosen) g.overlapPlaced = true;
  }
  if (!chosen) {
    // Each kind of fault has its own chance, so that the rarer records (reviews, missing episodes) get some too.
    const candidates: [Candidate | null, number][] = [
      [missingRhi(rows, T, H, rng), 4],
      [lateCpReview(rows, H, T, rng), 3],
      [lateVisit(rows, periods, H, rng), 0.8],
      [unauthorisedAssessment(rows, T, H, rng), 0.5],
    ];
    for (const [c, weight] of candidates) {
      if (c && rng.chance(g.faultRate * weight)) {
        chosen = c;
        break;
      }
    }
    if (!chosen) return;
  }
  const { table, recordId, description } = chosen.apply();
  rows.push('synthetic_faults', { id: rng.uuid(), person_id: child.id, table_name: table, record_id: recordId, fault: chosen.kind, description });
}
