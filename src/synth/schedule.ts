/**
 * Recurring duties (visits, core groups, reviews, health checks, pathway plans...): each is met on
 * or before the day it falls due, and the next falls due from the day it was met (domain.md 1.1a).
 * The invariants check the same rules.
 */
import { addMonthsDay, onOrNextWD, onOrPrevWD } from './calendar.js';
import type { PlacementSim } from './model.js';
import type { Rng } from './prng.js';

/** A day in [lo, due], preferring a working day. */
function pickDay(rng: Rng, lo: number, due: number): number {
  const v = rng.int(lo, due);
  const prev = onOrPrevWD(v);
  if (prev >= lo) return prev;
  const next = onOrNextWD(v);
  return next <= due ? next : v;
}

/**
 * Days on which a recurring duty is met, from `start` until `end` (exclusive): the first on or before
 * `firstDue`, each next on or before `nextDue(previous)`, never sooner than `minGap` of the interval.
 */
export function cadence(rng: Rng, start: number, end: number, firstDue: number, nextDue: (v: number, n: number) => number, minGap = 0.6): number[] {
  const out: number[] = [];
  let lo = start + 1;
  let due = firstDue;
  for (let n = 1; n < 10_000; n++) {
    if (lo > due) lo = due;
    const v = pickDay(rng, lo, due);
    if (v >= end) break;
    out.push(v);
    const nd = nextDue(v, n);
    lo = v + Math.max(1, Math.round((nd - v) * minGap));
    due = nd;
  }
  return out;
}

/**
 * Placement starts that reset the reg 28 visit clock: a new placement, but not a temporary (T)
 * placement, the return from one, or a change of status with the same carer (reason PLACE).
 */
export function visitResets(placements: readonly { type: string; start: number; changeReason: string | null }[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < placements.length; i++) {
    const p = placements[i]!;
    const prev = placements[i - 1];
    if (p.type.startsWith('T')) continue;
    if (prev && (prev.type.startsWith('T') || prev.changeReason === 'PLACE')) continue;
    out.push(p.start);
  }
  return out;
}

/**
 * The longest interval allowed after a looked-after visit on `day` (reg 28): 6 weeks; 3 months once a
 * long-term placement has lasted a year (counted from the placement's start, through respite breaks
 * and changes of status with the same carer).
 */
export function lacVisitInterval(placements: readonly { type: string; start: number; end: number; longTerm: boolean; changeReason: string | null }[], day: number): number {
  let since = Number.NEGATIVE_INFINITY;
  for (const r of visitResets(placements)) if (r <= day) since = r;
  for (const p of placements) if (p.start <= day && day < p.end) return p.longTerm && day - since >= 365 ? 91 : 42;
  return 42;
}

/** Reg 28 visits for a period of care: within a week of each placement, then every 6 weeks (3 months long-term). */
export function lacVisits(rng: Rng, start: number, end: number, placements: readonly PlacementSim[]): number[] {
  const resets = visitResets(placements);
  const out: number[] = [];
  let ri = 1;
  let lo = start;
  let due = start + 7;
  let floor = start;
  for (let n = 0; n < 10_000; n++) {
    while (ri < resets.length && resets[ri]! <= due) {
      due = Math.min(due, resets[ri]! + 7);
      floor = Math.max(floor, resets[ri]!);
      ri++;
    }
    let from = Math.max(lo, floor);
    if (from > due) from = due;
    const v = pickDay(rng, from, due);
    if (v >= end) break;
    out.push(v);
    const interval = lacVisitInterval(placements, v);
    lo = v + Math.round(interval * 0.6);
    due = v + interval;
  }
  return out;
}

/** Looked-after reviews (reg 33): within 20 working days, then 3 months, then every 6 months. */
export function lacReviewDue(prev: number, n: number): number {
  return addMonthsDay(prev, n === 1 ? 3 : 6);
}
