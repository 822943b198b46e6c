import { createHash } from 'node:crypto';
/**
 * Turns a simulated family into rows. Everything is cut at `today`: a record that starts after today
 * does not exist yet, one that ends after today is open. Recurring records (visits, reviews, core
 * groups, health checks, PEPs, keep-in-touch contacts, supervisions) are written from the start of
 * the window; records open at the start of the window (episodes, plans, periods of care with their
 * placements and legal statuses) are carried back whole.
 */
import { Sink, type Row } from './batches.js';
import { addMonthsDay, addWD, ageOn, birthday, dayOf, iso, londonDayOf, londonInstant, monthOf, yearOf } from './calendar.js';
import type { GenContext } from './context.js';
import { REC_TO_RC } from './episode.js';
import { laChildId } from './identifiers.js';
import type { ChildSim, ContactSim, EpisodeSim, FamilySim, PeriodSim, PlacementSim } from './model.js';
import { Rng, weighted } from './prng.js';
import { cadence, lacReviewDue, lacVisits } from './schedule.js';
import { SUPERVISION_DECISIONS } from './texts.js';
import { workerAt, type Seat, type ServiceKey, type TeamInfo } from './workforce.js';

/**
 * A number in [0, 1) fixed by a row's id (FNV-1a): for details added to rows after the generator's
 * random stream was settled (the placement plan agreed, the time of a return, a strategy meeting, a
 * needs assessment), so that adding them leaves every other row of a seed's authority as it was.
 */
/** A uuid fixed by another row's id (SHA-1 bits, shaped as the version 4 uuids the loader expects): for rows added after the random stream was settled. */
function fixedUuid(id: string, salt: string): string {
  const h = createHash('sha1').update(`${salt}:${id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function fixedChance(id: string, salt: number): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 0x1_0000_0000;
}

export interface AllocSeg {
  id: string;
  workerId: string;
  teamId: string;
  teamManagerId: string;
  start: number;
  end: number;
  code: string | null;
  reason: string;
  role: 'CW' | 'PA';
  seat: Seat;
}

/** Care-leaver statuses, derived from a period of care. */
export interface LeaverStatus {
  eligibility: 'eligible' | 'relevant' | 'former_relevant' | 'qualifying';
  start: number;
  end: number;
}

const REALLOCATION = weighted([['MANAGE', 55], ['ABSENC', 12], ['ORGRST', 8], ['CHCHAN', 6], ['PCCHAN', 6], ['OTHERS', 8]]);
const REALLOCATION_TEXT: Record<string, string> = {
  MANAGE: 'Reallocated to balance caseloads',
  ABSENC: 'Reallocated to cover the worker’s absence',
  ORGRST: 'Reallocated in a team restructure',
  CHCHAN: 'Reallocated at the child’s request',
  PCCHAN: 'Reallocated at the parent’s request',
  OTHERS: 'Reallocated',
  LEFTRL: 'Previous social worker left the role',
};

function pickTeam(rng: Rng, teams: TeamInfo[]): TeamInfo {
  return rng.pick(teams);
}

/** A worker's allocation chain over [from, to): reallocations when the worker leaves, and now and then for caseload reasons. */
export function allocationChain(rng: Rng, out: AllocSeg[], team: TeamInfo, from: number, to: number, firstCode: string | null, firstReason: string, role: 'CW' | 'PA'): void {
  let seat = rng.pick(team.seats);
  let cur = from;
  let code = firstCode;
  let reason = firstReason;
  for (let guard = 0; cur < to && guard < 1000; guard++) {
    const w = workerAt(seat, cur);
    let next = to;
    let nextCode: string | null = null;
    let nextSeat = seat;
    if (w.end !== null && w.end > cur && w.end < next) {
      next = w.end;
      nextCode = 'LEFTRL';
    }
    const r = cur + 30 + Math.round(rng.exp(365 / 0.12));
    if (r < next) {
      for (let k = 0; k < 4; k++) {
        const s2 = rng.pick(team.seats);
        if (workerAt(s2, r).id !== w.id) {
          next = r;
          nextCode = REALLOCATION.sample(rng);
          nextSeat = s2;
          break;
        }
      }
    }
    out.push({ id: rng.uuid(), workerId: w.id, teamId: team.id, teamManagerId: team.managerId, start: cur, end: next, code, reason, role, seat });
    seat = nextSeat;
    code = nextCode;
    reason = nextCode ? REALLOCATION_TEXT[nextCode]! : reason;
    cur = next;
  }
}

export function episodeAllocations(g: GenContext, rng: Rng, ep: EpisodeSim): AllocSeg[] {
  const out: AllocSeg[] = [];
  const phases = ep.phases.filter((p) => p.day < ep.closure).sort((a, b) => a.day - b.day);
  let team: TeamInfo | null = null;
  let service: ServiceKey | null = null;
  for (let i = 0; i < phases.length; i++) {
    const from = phases[i]!.day;
    const to = i + 1 < phases.length ? phases[i + 1]!.day : ep.closure;
    if (to <= from) continue;
    const s = phases[i]!.service;
    if (s !== service || !team) {
      const prevTeam: TeamInfo | null = team;
      team = pickTeam(rng, g.workforce.teamsBy[s]);
      const first = out.length === 0;
      allocationChain(rng, out, team, from, to, first ? 'FCONTA' : 'TSPROC', first ? 'Allocated for assessment at referral' : `Transferred from ${prevTeam?.name ?? 'the front door'} to ${team.name}`, 'CW');
      service = s;
    } else {
      allocationChain(rng, out, team, from, to, 'TSPROC', `Case continued in ${team.name}`, 'CW');
    }
  }
  return out;
}

function segAt(segs: readonly AllocSeg[], day: number): AllocSeg | null {
  for (let i = segs.length - 1; i >= 0; i--) if (segs[i]!.start <= day) return segs[i]!;
  return segs[0] ?? null;
}

export function leaverStatuses(child: ChildSim, p: PeriodSim, extended: boolean): LeaverStatus[] {
  if (['E11', 'E12', 'E2', 'E3'].includes(p.rec)) return [];
  const b14 = birthday(child.dob, 14);
  const b16 = birthday(child.dob, 16);
  const b18 = birthday(child.dob, 18);
  const stop = birthday(child.dob, extended ? 25 : 21);
  const careFrom14 = Math.max(p.start, b14);
  const eligibleFrom = Math.max(b16, careFrom14 + 91);
  const out: LeaverStatus[] = [];
  if (eligibleFrom < p.end && p.end <= b18) {
    out.push({ eligibility: 'eligible', start: eligibleFrom, end: p.end });
    if (p.end < b18) out.push({ eligibility: 'relevant', start: p.end, end: b18 });
    out.push({ eligibility: 'former_relevant', start: b18, end: stop });
  } else if (p.end >= b16 && p.end <= b18) {
    out.push({ eligibility: 'qualifying', start: p.end, end: birthday(child.dob, 21) });
  }
  return out;
}

// ---- rows -----------------------------------------------------------------------------------------

const d = (day: number | null) => (day === null ? null : iso(day));

interface EmitState {
  g: GenContext;
  rng: Rng;
  sink: Sink;
  T: number;
  H: number;
}

function upnFor(g: GenContext, child: ChildSim): { upn: string | null; reason: string | null } {
  if (child.uasc) return { upn: null, reason: 'UN2' };
  const y = yearOf(child.dob) + (monthOf(child.dob) <= 8 ? 4 : 5);
  const reception = dayOf(`${y}-09-01`);
  if (reception > g.today) return { upn: null, reason: 'UN1' };
  return { upn: g.upns.next(y), reason: null };
}

export function schoolStart(dob: number): number {
  const y = yearOf(dob) + (monthOf(dob) <= 8 ? 4 : 5);
  return dayOf(`${y}-09-01`);
}

function personRow(id: string, laId: string | null, isChild: boolean, p: { given: string; family: string; dob: number; sex: string; ethnicity: string }, nhs: string | null, upn: string | null, upnReason: string | null, nationality: string | null): Row {
  return {
    id,
    la_child_id: laId,
    is_child: isChild,
    given_name: p.given,
    family_name: p.family,
    date_of_birth: iso(p.dob),
    expected_date_of_birth: null,
    sex: p.sex,
    nhs_number: nhs,
    upn,
    upn_unknown_reason: upnReason,
    ethnicity: p.ethnicity,
    death_date: null,
    nationality,
  };
}

function contactRows(s: EmitState, child: ChildSim, c: ContactSim, episodeIds: Set<string>): void {
  const { g, rng, sink } = s;
  const { seat, team } = g.mashSeats[c.mashSeat % g.mashSeats.length]!;
  const receivedDay = londonDayOf(new Date(c.receivedMs));
  const worker = workerAt(seat, receivedDay);
  const decider = c.decision === 'referral' || c.decision === 'strategy_discussion' ? team.managerId : worker.id;
  const episodeId = c.episode && episodeIds.has(c.episode.id) ? c.episode.id : null;
  sink.push('contacts', {
    id: c.id,
    person_id: child.id,
    received_at: new Date(c.receivedMs),
    source: c.source,
    referrer_name: c.referrerName,
    referrer_organisation: c.referrerOrg,
    referrer_contact: null,
    concerns: c.concerns,
    team_id: team.id,
    assigned_worker_id: worker.id,
    recorded_by: worker.id,
    recorded_at: new Date(c.receivedMs + rng.int(2, 40) * 60_000),
    cin_episode_id: episodeId,
    decision: c.decision,
    decision_rationale: c.decision ? c.rationale : null,
    decided_by: c.decision ? decider : null,
    decided_at: c.decision && c.decidedMs !== null ? new Date(c.decidedMs) : null,
  });
  for (const r of c.rag) {
    if (r.atMs > g.nowMs) continue;
    sink.push('contact_rag_ratings', { id: rng.uuid(), contact_id: c.id, rating: r.rating, reason: r.reason, rated_at: new Date(r.atMs), rated_by: worker.id });
  }
}

function visitRow(s: EmitState, child: ChildSim, type: string, day: number, worker: string | null, n: number): void {
  const { rng, sink, T } = s;
  const age = ageOn(child.dob, day);
  const written = addWD(day, rng.int(0, 2));
  sink.push('visits', {
    id: rng.uuid(),
    person_id: child.id,
    visit_type: type,
    visit_date: iso(day),
    child_seen: true,
    child_seen_alone: age >= 5 && (n % 2 === 0 || rng.chance(0.3)),
    bedroom_seen: type !== 'care_leaver' && (n % 2 === 1 || rng.chance(0.3)),
    written_up_on: written <= T ? iso(written) : null,
    notes: null,
    worker_id: worker,
    details: null,
  });
}

/** Emits one episode (and its period of care); returns its CW allocations. */
function episodeRows(s: EmitState, child: ChildSim, ep: EpisodeSim, fam: FamilySim): AllocSeg[] {
  const { g, rng, sink, T, H } = s;
  const segs = episodeAllocations(g, rng, ep);
  const workerOn = (day: number) => segAt(segs, day)?.workerId ?? null;
  const teamOn = (day: number) => segAt(segs, day)?.teamId ?? null;
  const managerOn = (day: number) => segAt(segs, day)?.teamManagerId ?? null;
  const closed = ep.closure <= T;
  const decided = ep.decidedOn <= T;
  const opener = ep.openingContact;
  const mashManager = g.mashSeats[opener.mashSeat % g.mashSeats.length]!.team.managerId;
  const lastAlloc = [...segs].reverse().find((a) => a.start <= Math.min(ep.closure, T));
  sink.push('cin_episodes', {
    id: ep.id,
    person_id: child.id,
    referral_date: iso(ep.refDay),
    referral_source: ep.source,
    primary_need_code: ep.need,
    referral_decision: decided ? ep.referralDecision : null,
    referral_decision_rationale: decided ? (ep.referralDecision === 'nfa' ? 'No further action: the concerns do not meet the threshold for an assessment.' : ep.referralDecision === 'strategy_discussion' ? 'Reasonable cause to suspect significant harm: strategy discussion.' : 'Child and family assessment to understand the child’s needs.') : null,
    referral_decided_by: decided ? mashManager : null,
    referral_decided_on: decided ? iso(ep.decidedOn) : null,
    closure_date: closed ? iso(ep.closure) : null,
    closure_reason: closed ? ep.closureReason : null,
    team_id: lastAlloc ? lastAlloc.teamId : g.workforce.mashTeams[0]!.id,
    created_by: mashManager,
  });
  for (const a of segs) {
    if (a.start > T) continue;
    sink.push('allocations', {
      id: a.id,
      person_id: child.id,
      worker_id: a.workerId,
      team_id: a.teamId,
      start_date: iso(a.start),
      end_date: a.end <= T ? iso(a.end) : null,
      reason: a.reason,
      change_reason_code: a.code,
      role: 'CW',
    });
  }
  for (const a of ep.assessments) {
    if (a.start > T) continue;
    const done = a.end <= T && !a.noAuthorisation;
    sink.push('assessments', {
      id: a.id,
      person_id: child.id,
      cin_episode_id: ep.id,
      start_date: iso(a.start),
      child_seen: a.childSeen,
      factors: done ? a.factors : [],
      authorised_date: done ? iso(a.end) : null,
      authorised_by: done ? managerOn(a.end) : null,
      outcome: done ? a.outcome : null,
      outcome_nfa: done ? a.outcome === 'nfa' : null,
      team_id: teamOn(a.start),
      worker_id: workerOn(a.start),
    });
  }
  for (const sd of ep.strategies) {
    if (sd.day > T) continue;
    sink.push('strategy_discussions', {
      id: sd.id,
      person_id: child.id,
      cin_episode_id: ep.id,
      discussion_date: iso(sd.day),
      attendees: sd.attendees,
      decision: sd.s47 ? 's47' : 'no_s47',
      rationale: sd.s47 ? 'Reasonable cause to suspect the child is suffering, or likely to suffer, significant harm.' : 'Threshold for a section 47 enquiry not met; continue the assessment.',
    });
    if (sd.s47) {
      const ended = sd.s47.end <= T;
      sink.push('s47_enquiries', {
        id: sd.s47.id,
        person_id: child.id,
        cin_episode_id: ep.id,
        strategy_discussion_id: sd.id,
        start_date: iso(sd.day),
        end_date: ended ? iso(sd.s47.end) : null,
        outcome: ended ? sd.s47.outcome : null,
        icpc_required: ended ? sd.s47.icpcRequired : null,
      });
      if (sd.icpc && sd.icpc.day <= T) {
        sink.push('initial_cp_conferences', {
          id: sd.icpc.id,
          person_id: child.id,
          cin_episode_id: ep.id,
          s47_enquiry_id: sd.s47.id,
          transfer_in: false,
          target_date: iso(sd.icpc.target),
          conference_date: iso(sd.icpc.day),
          plan_required: sd.icpc.plan,
          chair_id: workerAt(rng.pick(g.workforce.iroSeats), sd.icpc.day).id,
        });
      }
    }
  }
  for (const cp of ep.cps) {
    if (cp.start > T) continue;
    const ended = cp.end <= T;
    sink.push('cp_plans', {
      id: cp.id,
      person_id: child.id,
      cin_episode_id: ep.id,
      icpc_id: cp.icpcId,
      start_date: iso(cp.start),
      end_date: ended ? iso(cp.end) : null,
      initial_category: cp.initialCategory,
      latest_category: cp.latestCategory,
      other_la: false,
    });
    cp.reviews.forEach((r, i) => {
      if (r.day > T) return;
      const last = i === cp.reviews.length - 1 && r.day === cp.end;
      sink.push('cp_reviews', {
        id: r.id,
        person_id: child.id,
        cp_plan_id: cp.id,
        due_date: iso(r.due),
        review_date: iso(r.day),
        continue_plan: !last,
        quorate: rng.chance(0.95),
        participation: ageOn(child.dob, r.day) < 4 ? 'PN0' : PARTICIPATION.sample(rng),
      });
    });
    const to = Math.min(cp.end, T + 1);
    const firstCore = cadence(rng, cp.start, to, addWD(cp.start, 10), (v) => addWD(v, 20), 0.6);
    for (const day of firstCore) if (day >= H) sink.push('core_groups', { id: rng.uuid(), person_id: child.id, cp_plan_id: cp.id, meeting_date: iso(day), notes: null });
    const visits = cadence(rng, cp.start, to, addWD(cp.start, 10), (v) => addWD(v, 10), 0.5);
    visits.forEach((day, n) => {
      if (day >= H) visitRow(s, child, 'cp', day, workerOn(day), n);
    });
  }
  for (const cin of ep.cins) {
    if (cin.start > T) continue;
    sink.push('cin_plans', {
      id: cin.id,
      person_id: child.id,
      cin_episode_id: ep.id,
      start_date: iso(cin.start),
      end_date: cin.end <= T ? iso(cin.end) : null,
      team_id: teamOn(cin.start),
      worker_id: workerOn(cin.start),
    });
    cin.reviews.forEach((r, i) => {
      if (r.day > T) return;
      const last = i === cin.reviews.length - 1 && r.day === cin.end;
      sink.push('cin_plan_reviews', { id: r.id, person_id: child.id, cin_plan_id: cin.id, review_date: iso(r.day), outcome: last ? 'close' : 'continue' });
    });
    const visits = cadence(rng, cin.start, Math.min(cin.end, T + 1), addWD(cin.start, 20), (v) => addWD(v, 20), 0.5);
    visits.forEach((day, n) => {
      if (day >= H) visitRow(s, child, 'cin', day, workerOn(day), n);
    });
  }
  if (ep.period && ep.period.start <= T) periodRows(s, child, ep.period, fam, workerOn);
  return segs;
}

const PARTICIPATION = weighted([['PN1', 50], ['PN2', 5], ['PN3', 3], ['PN4', 2], ['PN5', 12], ['PN6', 20], ['PN7', 8]]);
const SCHOOL_QUALITY = weighted([['good', 70], ['requires_improvement', 24], ['inadequate', 6]]);

function periodRows(s: EmitState, child: ChildSim, p: PeriodSim, fam: FamilySim, workerOn: (day: number) => string | null): void {
  const { g, rng, sink, T, H } = s;
  const ended = p.end <= T;
  sink.push('periods_of_care', {
    id: p.id,
    person_id: child.id,
    start_date: iso(p.start),
    end_date: ended ? iso(p.end) : null,
    reason_ended: ended ? p.rec : null,
    category_of_need: p.category,
    uasc: p.uasc,
    home_postcode: p.homePostcode,
  });
  for (const l of p.legal) {
    if (l.start > T) continue;
    sink.push('legal_statuses', { id: l.id, person_id: child.id, period_of_care_id: p.id, code: l.code, start_date: iso(l.start), end_date: l.end <= T ? iso(l.end) : null });
  }
  for (const pl of p.placements) {
    if (pl.start > T) continue;
    if (pl.carerId && fam.kinship && pl.carerId === fam.kinship.id && !fam.kinship.emitted) {
      fam.kinship.emitted = true;
      const k = fam.kinship;
      sink.push('foster_carers', {
        id: k.id,
        name: `${k.adult.given} ${k.adult.family}`,
        provider_id: g.market.inHouse.id,
        carer_type: 'kinship',
        approved_date: iso(pl.start),
        approval_end_date: null,
        temporary_approval: pl.start > T - 112,
        places: 2,
        postcode: k.postcode,
      });
    }
    const end = pl.end <= T ? pl.end : null;
    // The placement plan (reg 9): mostly within 5 working days of the start, some late, a few never recorded.
    const u = fixedChance(pl.id, 1);
    const planDay = u < 0.82 ? addWD(pl.start, Math.floor(fixedChance(pl.id, 2) * 6)) : u < 0.95 ? addWD(pl.start, 6 + Math.floor(fixedChance(pl.id, 3) * 10)) : null;
    sink.push('placements', {
      id: pl.id,
      person_id: child.id,
      period_of_care_id: p.id,
      placement_type: pl.type,
      provider: pl.provider,
      provider_id: pl.providerId,
      foster_carer_id: pl.carerId,
      postcode: pl.postcode,
      urn: pl.urn,
      start_date: iso(pl.start),
      end_date: d(end),
      change_reason: end === null ? null : pl.changeReason,
      long_term: pl.longTerm,
      weekly_cost: pl.weeklyCost,
      placement_plan_date: planDay !== null && planDay <= T ? iso(planDay) : null,
    });
    placementCosts(s, pl);
  }
  const to = Math.min(p.end, T + 1);
  // reviews (reg 33)
  const iroSeat = rng.pick(g.workforce.iroSeats);
  const reviews = cadence(rng, p.start, to, addWD(p.start, 20), lacReviewDue, 0.75);
  let prev = p.start;
  reviews.forEach((day, i) => {
    const due = i === 0 ? addWD(p.start, 20) : lacReviewDue(prev, i);
    prev = day;
    if (day < H) return;
    sink.push('cla_reviews', {
      id: rng.uuid(),
      person_id: child.id,
      period_of_care_id: p.id,
      due_date: iso(due),
      review_date: iso(day),
      participation: ageOn(child.dob, day) < 4 ? 'PN0' : PARTICIPATION.sample(rng),
      iro_id: workerAt(iroSeat, day).id,
      cancelled: false,
    });
  });
  // visits (reg 28)
  lacVisits(rng, p.start, to, p.placements).forEach((day, n) => {
    if (day >= H) visitRow(s, child, 'cla', day, workerOn(day), n);
  });
  // health: initial then review assessments; dental checks; immunisation status
  const health = cadence(rng, p.start, to, addWD(p.start, 20), (v) => addMonthsDay(v, ageOn(child.dob, v) < 5 ? 6 : 12), 0.75);
  health.forEach((day, i) => {
    if (day < H) return;
    sink.push('health_checks', { id: rng.uuid(), person_id: child.id, check_type: i === 0 ? 'initial_health_assessment' : 'review_health_assessment', check_date: iso(day), status: 'completed' });
    sink.push('immunisations', { id: rng.uuid(), person_id: child.id, up_to_date: rng.chance(0.88), status_date: iso(day) });
  });
  const dentalFrom = Math.max(p.start, birthday(child.dob, 1));
  if (dentalFrom < to) {
    for (const day of cadence(rng, dentalFrom, to, addMonthsDay(dentalFrom, 12), (v) => addMonthsDay(v, 12), 0.8)) {
      if (day >= H) sink.push('health_checks', { id: rng.uuid(), person_id: child.id, check_type: 'dental_check', check_date: iso(day), status: 'completed' });
    }
  }
  sdqRows(s, child, p);
  pepRows(s, child, p);
  missingRows(s, child, p);
  outcomeEvents(s, child, p);
  // care plans
  p.permanencePlans.forEach((cp, i) => {
    if (cp.start > T) return;
    const next = p.permanencePlans[i + 1];
    const end = next && next.start <= T ? next.start : p.end <= T ? p.end : null;
    sink.push('care_plans', { id: rng.uuid(), person_id: child.id, period_of_care_id: p.id, start_date: iso(cp.start), end_date: d(end), permanence_plans: cp.codes });
  });
  permanenceRows(s, child, p);
  if (p.start >= dayOf('2016-04-01') && p.start >= H) {
    const r = rng.float();
    const option = r < 0.86 ? 'Z1' : r < 0.9 ? 'P4' : r < 0.93 ? 'P1' : r < 0.97 ? 'P2' : 'P3';
    const known = option === 'P1' || option === 'P2' || option === 'P3';
    const orderYear = yearOf(p.start) - rng.int(1, 6);
    sink.push('previous_permanence', {
      id: rng.uuid(),
      person_id: child.id,
      option,
      la: known ? (rng.chance(0.7) ? g.laCode : String(rng.int(201, 938))) : null,
      order_date: known ? (rng.chance(0.5) ? `${String(rng.int(1, 28)).padStart(2, '0')}/${String(rng.int(1, 12)).padStart(2, '0')}/${orderYear}` : `zz/${String(rng.int(1, 12)).padStart(2, '0')}/${orderYear}`) : null,
    });
  }
}

function placementCosts(s: EmitState, pl: PlacementSim): void {
  const { rng, sink, T } = s;
  if (pl.weeklyCost === null) return;
  sink.push('placement_costs', { id: rng.uuid(), placement_id: pl.id, from_date: iso(pl.start), weekly_cost: pl.weeklyCost });
  // annual fee uplift each April
  let cost = pl.weeklyCost;
  for (let y = yearOf(pl.start) + (monthOf(pl.start) >= 4 ? 1 : 0); ; y++) {
    const day = dayOf(`${y}-04-01`);
    if (day >= pl.end || day > T) break;
    if (day <= pl.start) continue;
    cost = Math.round(cost * (1 + rng.range(0.015, 0.035)));
    sink.push('placement_costs', { id: rng.uuid(), placement_id: pl.id, from_date: iso(day), weekly_cost: cost });
  }
}

/** Looked after continuously for 12 months at 31 March and aged 4-16: one SDQ in that collection year. */
export function sdqYears(child: ChildSim, p: { start: number; end: number }, H: number, T: number): number[] {
  const out: number[] = [];
  for (let y = yearOf(H); y <= yearOf(T) + 1; y++) {
    const m = dayOf(`${y}-03-31`);
    const yearStart = dayOf(`${y - 1}-04-01`);
    if (m < H) continue;
    if (p.start > addMonthsDay(m, -12) || p.end <= m) continue;
    if (ageOn(child.dob, yearStart) < 4 || ageOn(child.dob, m) >= 17) continue;
    out.push(m);
  }
  return out;
}

function sdqRows(s: EmitState, child: ChildSim, p: PeriodSim): void {
  const { rng, sink, T, H } = s;
  for (const m of sdqYears(child, p, H, T)) {
    const earliest = Math.max(m - 150, p.start, birthday(child.dob, 4), H);
    if (earliest > m) continue;
    const day = rng.int(earliest, m);
    if (day > T) continue;
    const reason = rng.chance(0.08) ? (child.disabled && rng.chance(0.5) ? 'SDQ3' : rng.pick(['SDQ2', 'SDQ4', 'SDQ5'])) : null;
    sink.push('sdq_scores', {
      id: rng.uuid(),
      person_id: child.id,
      completed_date: iso(day),
      score: reason ? null : Math.max(0, Math.min(40, Math.round(rng.normal(14, 6.5)))),
      reason,
    });
  }
}

/** The three school terms of an academic year starting in September of `y`. */
export function termsOf(y: number): [number, number][] {
  return [
    [dayOf(`${y}-09-01`), dayOf(`${y}-12-20`)],
    [dayOf(`${y + 1}-01-04`), dayOf(`${y + 1}-03-31`)],
    [dayOf(`${y + 1}-04-15`), dayOf(`${y + 1}-07-20`)],
  ];
}

function pepRows(s: EmitState, child: ChildSim, p: PeriodSim): void {
  const { g, rng, sink, T, H } = s;
  const school = schoolStart(child.dob);
  const from = Math.max(p.start, school, H);
  const to = Math.min(p.end, T + 1);
  if (from >= to) return;
  const schoolName = `${rng.pick(g.pools.placeWords)} ${ageOn(child.dob, from) >= 11 ? 'Academy' : 'Primary School'}`;
  for (let y = yearOf(from) - 1; y <= yearOf(to); y++) {
    for (const [ts, te] of termsOf(y)) {
      const a = Math.max(ts, p.start, school);
      const b = Math.min(te, p.end - 1, T);
      if (b - a < 15) continue;
      const day = rng.int(Math.max(a, ts === a ? a : a + 5), b);
      if (day < H || day > T) continue;
      sink.push('peps', { id: rng.uuid(), person_id: child.id, pep_date: iso(day), school: schoolName, quality: SCHOOL_QUALITY.sample(rng) });
    }
  }
}

function missingRows(s: EmitState, child: ChildSim, p: PeriodSim): void {
  const { rng, sink, T, H } = s;
  const from = Math.max(p.start, birthday(child.dob, 11));
  if (from >= p.end) return;
  const age = ageOn(child.dob, from);
  const prone = p.uasc ? rng.chance(0.2) : rng.chance(age >= 16 ? 0.4 : age >= 12 ? 0.5 : 0.2);
  if (!prone) return;
  const perYear = Math.min(25, rng.lognormal(6, 0.7));
  const to = Math.min(p.end, T + 30);
  let day = from + Math.round(rng.exp(365 / perYear));
  const missingStarts: number[] = [];
  for (let guard = 0; guard < 400 && day < to; guard++) {
    const pl = p.placements.find((x) => x.start <= day && day < x.end);
    const r = rng.float();
    const len = r < 0.35 ? 0 : r < 0.8 ? 1 : r < 0.95 ? rng.int(2, 4) : rng.int(5, 10);
    let end = day + len;
    if (pl && end >= pl.end - 1) end = pl.end - 2;
    if (end >= p.end - 1) end = p.end - 2;
    if (!pl || end < day || day > T) {
      day += 1 + Math.round(rng.exp(365 / perYear));
      continue;
    }
    const ended = end <= T;
    if (day >= H || (!ended && day <= T)) {
      const late = rng.chance(0.08);
      let offered = ended ? end + (late ? rng.int(4, 7) : rng.int(0, 3)) : null;
      // a late offer is never still outstanding today: it was made by today at the latest
      if (offered !== null && offered > T && end + 3 < T) offered = T;
      const offeredKnown = offered !== null && offered <= T;
      const id = rng.uuid();
      const type = rng.chance(0.65) ? 'M' : 'A';
      // The local triggers' defaults: absent 3 days or more, or the 3rd missing episode within 90 days.
      if (type === 'M') missingStarts.push(day);
      const long = (ended ? end : T) - day >= 3;
      const repeat = type === 'M' && missingStarts.filter((x) => day - x < 90).length >= 3;
      const trigger = repeat ? day : long ? day + 3 : null;
      const meeting = trigger !== null && fixedChance(id, 4) < 0.8 ? trigger + Math.floor(fixedChance(id, 5) * 3) : null;
      sink.push('missing_episodes', {
        id,
        person_id: child.id,
        missing_type: type,
        start_date: iso(day),
        end_date: ended ? iso(end) : null,
        rhi_offered: offeredKnown ? true : null,
        rhi_offered_date: offeredKnown ? iso(offered!) : null,
        rhi_accepted: offeredKnown ? rng.chance(0.65) : null,
        returned_at: ended ? londonInstant(end, 8 * 60 + Math.floor(fixedChance(id, 6) * 15 * 60)) : null,
        strategy_meeting_date: meeting !== null && meeting <= T ? iso(meeting) : null,
      });
    }
    if (!ended) break;
    day = end + 1 + Math.round(rng.exp(365 / perYear));
  }
}

function outcomeEvents(s: EmitState, child: ChildSim, p: PeriodSim): void {
  const { rng, sink, T, H } = s;
  const from = Math.max(p.start, birthday(child.dob, 10), H);
  const to = Math.min(p.end, T);
  if (from >= to) return;
  const years = (to - from) / 365;
  if (rng.chance(0.04 * years)) sink.push('cla_outcome_events', { id: rng.uuid(), person_id: child.id, kind: 'conviction', event_date: iso(rng.int(from, to)), detail: rng.pick(['Theft', 'Criminal damage', 'Assault', 'Possession with intent to supply']) });
  if (ageOn(child.dob, from) >= 12 && rng.chance(0.04 * years)) {
    const day = rng.int(from, to);
    sink.push('cla_outcome_events', { id: rng.uuid(), person_id: child.id, kind: 'substance_misuse', event_date: iso(day), detail: 'Substance misuse problem identified' });
    sink.push('cla_outcome_events', { id: rng.uuid(), person_id: child.id, kind: 'intervention_offered', event_date: iso(Math.min(T, day + rng.int(0, 20))), detail: 'Referred to the young people’s substance misuse service' });
    if (rng.chance(0.7)) sink.push('cla_outcome_events', { id: rng.uuid(), person_id: child.id, kind: 'intervention_received', event_date: iso(Math.min(T, day + rng.int(20, 60))), detail: 'Attending sessions' });
  }
}

function permanenceRows(s: EmitState, child: ChildSim, p: PeriodSim): void {
  const { rng, sink, T } = s;
  const a = p.adoption;
  const ended = p.end <= T;
  if (a && a.adm <= T) {
    const adopted = ended && (p.rec === 'E11' || p.rec === 'E12');
    const two = rng.chance(0.75);
    const sex = two ? weighted([['MF', 80], ['FF', 11], ['MM', 9]]).sample(rng) : rng.chance(0.8) ? 'F1' : 'M1';
    const legal = two ? (sex === 'MF' ? (rng.chance(0.8) ? 'L11' : 'L3') : rng.pick(['L12', 'L2', 'L4'])) : 'L0';
    sink.push('permanence', {
      id: rng.uuid(),
      person_id: child.id,
      period_of_care_id: p.id,
      adm_decision_date: iso(a.adm),
      placement_order_date: a.placementOrder <= T ? iso(a.placementOrder) : null,
      matched_date: a.matched <= T && a.reversed === null ? iso(a.matched) : null,
      placed_for_adoption_date: a.placed <= T && a.reversed === null ? iso(a.placed) : null,
      decision_reversed_date: a.reversed !== null && a.reversed <= T ? iso(a.reversed) : null,
      decision_reversed_reason: a.reversed !== null && a.reversed <= T ? a.reversedReason : null,
      permanence_order_date: adopted ? iso(p.end) : null,
      permanence_order_type: adopted ? 'adoption' : null,
      adopted_by_carer: adopted ? a.byCarer : null,
      adopters: a.matched <= T && a.reversed === null ? { number: two ? 2 : 1, sex, legalStatus: legal } : null,
    });
  } else if (ended && (REC_TO_RC[p.rec] === 'RC4' || p.rec === 'E41')) {
    sink.push('permanence', {
      id: rng.uuid(),
      person_id: child.id,
      period_of_care_id: p.id,
      adm_decision_date: null,
      placement_order_date: null,
      matched_date: null,
      placed_for_adoption_date: null,
      decision_reversed_date: null,
      decision_reversed_reason: null,
      permanence_order_date: iso(p.end),
      permanence_order_type: p.rec === 'E41' ? 'cao' : 'sgo',
      adopted_by_carer: null,
      adopters: null,
    });
  }
}

const ACTIVITY = weighted([['F1', 5], ['P1', 1], ['F2', 23], ['P2', 4], ['F4', 4], ['P4', 1], ['F5', 12], ['P5', 8], ['G4', 7], ['G5', 28], ['G6', 7]]);
const ACCOM_UNDER18 = weighted([['D1', 42], ['E1', 15], ['B1', 21], ['B2', 3], ['C1', 5], ['K1', 4], ['Y1', 3], ['S2', 2], ['X2', 2], ['V2', 2]]);
const ACCOM_ADULT = weighted([['U1', 31], ['D1', 16], ['B1', 14], ['B2', 3], ['E1', 7], ['K1', 5], ['T1', 3], ['S2', 3], ['W2', 2], ['V2', 2], ['X2', 2], ['Y1', 2], ['U2', 3], ['D2', 2]]);

function careLeaverRows(s: EmitState, child: ChildSim, statuses: LeaverStatus[], stayingPut: boolean): void {
  const { g, rng, sink, T, H } = s;
  if (statuses.length === 0) return;
  const first = statuses[0]!.start;
  const last = statuses[statuses.length - 1]!.end;
  // personal adviser allocation from the start of eligibility
  const segs: AllocSeg[] = [];
  const team = rng.pick(g.workforce.teamsBy.leaving);
  allocationChain(rng, segs, team, first, last, null, 'Personal adviser allocated', 'PA');
  for (const a of segs) {
    if (a.start > T) continue;
    sink.push('allocations', { id: a.id, person_id: child.id, worker_id: a.workerId, team_id: a.teamId, start_date: iso(a.start), end_date: a.end <= T ? iso(a.end) : null, reason: a.reason, change_reason_code: a.code, role: 'PA' });
  }
  const assessedOn = statuses.find((x) => x.eligibility === 'eligible' || x.eligibility === 'relevant');
  for (const st of statuses) {
    if (st.start > T) continue;
    const id = rng.uuid();
    // The needs assessment: mostly within 3 months of the 16th birthday or becoming eligible, some late, a few not recorded.
    const from = Math.max(st.start, birthday(child.dob, 16));
    const u = fixedChance(id, 7);
    const assessed = st === assessedOn && u < 0.93 ? from + (u < 0.8 ? Math.floor(fixedChance(id, 8) * 85) : 92 + Math.floor(fixedChance(id, 9) * 60)) : null;
    sink.push('care_leavers', {
      id,
      person_id: child.id,
      eligibility: st.eligibility,
      start_date: iso(st.start),
      end_date: st.end <= T ? iso(st.end) : null,
      personal_adviser_id: segAt(segs, Math.min(st.end - 1, T))?.workerId ?? null,
      needs_assessment_date: assessed !== null && assessed <= T ? iso(assessed) : null,
    });
  }
  // pathway plans: within 3 months, then at least every 6 months
  const to = Math.min(last, T + 1);
  cadence(rng, first, to, addMonthsDay(first, 3), (v) => addMonthsDay(v, 6), 0.7).forEach((day, i) => {
    if (day >= H) sink.push('pathway_plans', { id: rng.uuid(), person_id: child.id, plan_date: iso(day), is_review: i > 0 });
  });
  // keeping in touch after leaving care: at least every 8 weeks
  const left = statuses.find((x) => x.eligibility !== 'eligible')?.start;
  if (left === undefined || left > T) return;
  let activity = ACTIVITY.sample(rng);
  let accom: string | null = null;
  cadence(rng, left, to, left + 28, (v) => v + 56, 0.5).forEach((day) => {
    const adultNow = ageOn(child.dob, day) >= 18;
    if (accom === null || rng.chance(0.12)) accom = stayingPut && adultNow && rng.chance(0.7) ? 'Z1' : (adultNow ? ACCOM_ADULT : ACCOM_UNDER18).sample(rng);
    if (accom === 'Z1' && !adultNow) accom = 'D1';
    if (rng.chance(0.12)) activity = ACTIVITY.sample(rng);
    if (day < H) return;
    const r = rng.float();
    const inTouch = r < 0.9 ? 'YES' : r < 0.95 ? 'NO' : r < 0.98 ? 'REFU' : ageOn(child.dob, day) >= 21 ? 'NREQ' : 'NO';
    const known = inTouch === 'YES';
    sink.push('care_leaver_contacts', {
      id: rng.uuid(),
      person_id: child.id,
      contact_date: iso(day),
      in_touch: inTouch,
      activity: known ? activity : '0',
      accommodation: known ? accom : '0',
      accommodation_suitable: known && accom !== null ? accom.endsWith('1') : null,
    });
  });
}

function supervisionRows(s: EmitState, child: ChildSim, segs: AllocSeg[], ep: EpisodeSim): void {
  const { rng, sink, T, H } = s;
  for (const a of segs) {
    const seatWorker = a.seat.workers.find((w) => w.id === a.workerId);
    if (!seatWorker) continue;
    for (const sv of seatWorker.supervisions) {
      if (sv.day < a.start || sv.day >= a.end || sv.day < H || sv.day > T) continue;
      const onCp = ep.cps.some((p) => p.start <= sv.day && sv.day < p.end);
      const inCare = ep.period !== null && ep.period.start <= sv.day && sv.day < ep.period.end;
      const onCin = ep.cins.some((p) => p.start <= sv.day && sv.day < p.end);
      if (!onCp && !rng.chance(inCare ? 0.7 : 0.6)) continue;
      const kind = onCp ? 'cp' : inCare ? 'cla' : onCin ? 'cin' : ep.assessments.some((x) => x.start <= sv.day && sv.day <= x.end) ? 'assessment' : 'other';
      sink.push('supervision_children', {
        id: rng.uuid(),
        supervision_id: sv.id,
        person_id: child.id,
        decision: rng.pick(SUPERVISION_DECISIONS[kind]!),
        rationale: rng.chance(0.5) ? 'Discussed the child’s plan, recent visits and the views of the child and family.' : null,
      });
    }
  }
}

// ---- the family -----------------------------------------------------------------------------------

export interface ChildPlan {
  child: ChildSim;
  episodes: EpisodeSim[];
  contacts: ContactSim[];
  leaver: { statuses: LeaverStatus[]; stayingPut: boolean } | null;
}

/** Which of the family's records fall in the window; null if nothing does. */
export function planEmission(g: GenContext, fam: FamilySim): ChildPlan[] {
  const H = g.historyStart;
  const T = g.today;
  const plans: ChildPlan[] = [];
  for (const child of fam.children) {
    let leaver: ChildPlan['leaver'] = null;
    const leaverEpisodes = new Set<EpisodeSim>();
    for (const ep of child.episodes) {
      if (!ep.period || ep.period.start > T) continue;
      const extended = (child.idx * 7 + ep.period.start) % 10 < 6;
      const statuses = leaverStatuses(child, ep.period, extended).filter((x) => x.start <= T);
      if (statuses.length > 0 && statuses[statuses.length - 1]!.end >= H) {
        leaver = { statuses, stayingPut: ep.period.rec === 'E17' };
        leaverEpisodes.add(ep);
      }
    }
    const episodes = child.episodes.filter((e) => e.refDay <= T && (e.closure >= H || leaverEpisodes.has(e)));
    const epIds = new Set(episodes.map((e) => e.id));
    const contacts = child.contacts.filter((c) => londonDayOf(new Date(c.receivedMs)) >= H || (c.episode !== null && epIds.has(c.episode.id) && c.episode.openingContact === c));
    if (episodes.length === 0 && contacts.length === 0 && !leaver) continue;
    plans.push({ child, episodes, contacts, leaver });
  }
  return plans;
}

/** Writes a family's rows; child rows go to a per-child sink so that faults can be applied to them. */
export function emitFamily(g: GenContext, fam: FamilySim, plans: ChildPlan[], familySink: Sink, onChild: (child: ChildSim, rows: Sink, plan: ChildPlan, rng: Rng) => void): void {
  const rng = new Rng(g.seed, 7, fam.idx * 2 + (fam.uasc ? 1 : 0) + (fam.legacy ? 1_000_000_000 : 0));
  const s: EmitState = { g, rng, sink: familySink, T: g.today, H: g.historyStart };
  // adults first (people before relationships)
  const emittedAdults = new Set<string>();
  const adultRow = (a: FamilySim['adults'][number]) => {
    if (emittedAdults.has(a.id)) return;
    emittedAdults.add(a.id);
    familySink.push('people', personRow(a.id, null, false, a, a.nhs ? g.nhs.next() : null, null, null, null));
  };
  for (const a of fam.adults) adultRow(a);
  if (fam.kinship && plans.some((p) => p.episodes.some((e) => e.period?.placements.some((pl) => pl.carerId === fam.kinship!.id && pl.start <= g.today)))) adultRow(fam.kinship.adult);
  for (const a of fam.adults) {
    const addr = a.livesWith ? fam.addresses : fam.otherParentAddress ? [fam.otherParentAddress] : [];
    for (const ad of addr) if (ad.start <= g.today) familySink.push('addresses', addressRow(rng, a.id, ad, ad.start, g.today));
  }
  for (const plan of plans) {
    const child = plan.child;
    const rows = new Sink();
    const cs: EmitState = { ...s, sink: rows };
    child.laChildNumber = g.nextChildNumber++;
    const { upn, reason } = upnFor(g, child);
    rows.push('people', personRow(child.id, laChildId(child.laChildNumber), true, child, child.uasc ? (rng.chance(0.4) ? g.nhs.next() : null) : rng.chance(0.95) ? g.nhs.next() : null, upn, reason, child.nationality));
    for (const ad of fam.addresses) {
      if (ad.end !== null && ad.end <= child.dob) continue;
      if (ad.start > g.today) continue;
      rows.push('addresses', addressRow(rng, child.id, ad, Math.max(ad.start, child.dob), g.today));
    }
    for (const a of fam.adults) {
      rows.push('relationships', { id: rng.uuid(), person_id: child.id, related_person_id: a.id, relationship: a.relationship, parental_responsibility: a.pr, lives_with_child: a.livesWith, start_date: null, end_date: null });
    }
    if (fam.kinship && emittedAdults.has(fam.kinship.adult.id)) {
      const k = fam.kinship.adult;
      rows.push('relationships', { id: rng.uuid(), person_id: child.id, related_person_id: k.id, relationship: k.relationship, parental_responsibility: false, lives_with_child: false, start_date: null, end_date: null });
    }
    for (const other of plans) {
      if (other.child === child) continue;
      const half = other.child.family !== child.family;
      rows.push('relationships', { id: rng.uuid(), person_id: child.id, related_person_id: other.child.id, relationship: half ? 'half-sibling' : 'sibling', parental_responsibility: false, lives_with_child: true, start_date: null, end_date: null });
    }
    for (const code of child.disabilityCodes) rows.push('disabilities', { id: rng.uuid(), person_id: child.id, code });
    // A child assessed as having no disability has NONE recorded (CIN census rule 8540 asks it of every
    // born child referred on); its id is fixed by the child's, so the rest of a seed's authority is unchanged.
    if (child.disabilityCodes.length === 0 && child.episodes.length > 0) rows.push('disabilities', { id: fixedUuid(child.id, 'disability-none'), person_id: child.id, code: 'NONE' });
    if (child.uasc) {
      const arrival = child.episodes[0]?.refDay ?? child.dob;
      const b18 = birthday(child.dob, 18);
      const granted = rng.chance(0.55) ? arrival + rng.int(200, 900) : null;
      const uascEnd = Math.min(granted ?? b18, b18);
      rows.push('immigration_statuses', { id: rng.uuid(), person_id: child.id, status: 'UASC', start_date: iso(arrival), end_date: uascEnd <= g.today ? iso(uascEnd) : null });
      if (uascEnd <= g.today) {
        const status = granted !== null && granted <= b18 ? 'Refugee status' : rng.pick(['Asylum claim pending (adult)', 'Discretionary leave to remain', 'Appeal rights exhausted']);
        rows.push('immigration_statuses', { id: rng.uuid(), person_id: child.id, status, start_date: iso(uascEnd), end_date: null });
      }
    }
    for (const eh of child.earlyHelp) {
      if (eh.start > g.today || (eh.end !== null && eh.end < g.historyStart)) continue;
      const ended = eh.end !== null && eh.end <= g.today;
      rows.push('early_help_episodes', {
        id: eh.id,
        person_id: child.id,
        start_date: iso(eh.start),
        end_date: ended ? iso(eh.end!) : null,
        reason: eh.reason,
        end_reason: ended ? eh.endReason : null,
        organisation: `${g.homeArea.authority} Family Hubs`,
        worker_id: null,
        assessment_start_date: iso(eh.start),
        assessment_completed_date: eh.start + 30 <= g.today && (eh.end === null || eh.start + 30 < eh.end) ? iso(eh.start + 30) : null,
      });
    }
    const epIds = new Set(plan.episodes.map((e) => e.id));
    for (const ep of plan.episodes) {
      const segs = episodeRows(cs, child, ep, fam);
      supervisionRows(cs, child, segs, ep);
    }
    for (const c of plan.contacts) contactRows(cs, child, c, epIds);
    if (plan.leaver) careLeaverRows(cs, child, plan.leaver.statuses, plan.leaver.stayingPut);
    onChild(child, rows, plan, rng);
  }
}

function addressRow(rng: Rng, personId: string, ad: FamilySim['addresses'][number], start: number, today: number): Row {
  return {
    id: rng.uuid(),
    person_id: personId,
    address_type: 'home',
    line1: ad.line1,
    line2: ad.line2,
    town: ad.town,
    postcode: ad.postcode,
    start_date: iso(start),
    end_date: ad.end !== null && ad.end <= today ? iso(ad.end) : null,
  };
}
