/**
 * A period of care: how the child came to be looked after (route), how it ends (exit), the legal
 * statuses and the placements, which tile the period exactly (half-open intervals: one ends the day
 * the next starts, as SSDA903 episodes do).
 */
import { ageOn, birthday, dayOf } from './calendar.js';
import type { GenContext } from './context.js';
import { postcodeIn } from './geography.js';
import { weeklyCost, type Carer, type Provider, type ProviderKind } from './market.js';
import type { ChildSim, ExitKind, FamilySim, KinshipCarerSim, PeriodSim, PlacementSim, Route, SegmentSim } from './model.js';
import { familyName, givenName } from './pools.js';
import { Rng, weighted, type Weighted } from './prng.js';

/** Supported accommodation is K3 from 1 April 2024 (2024-25 return); H5 before. */
export const K3_FROM = dayOf('2024-04-01');

const EXIT_BY_AGE: [number, Weighted<ExitKind>][] = [
  [16, weighted<ExitKind>([['return', 0.26], ['ageout', 0.62], ['indep', 0.06], ['other', 0.06]])],
  [10, weighted<ExitKind>([['return', 0.4], ['sgo', 0.05], ['longterm', 0.5], ['other', 0.05]])],
  [5, weighted<ExitKind>([['return', 0.36], ['sgo', 0.18], ['adopt', 0.02], ['longterm', 0.39], ['other', 0.05]])],
  [1, weighted<ExitKind>([['return', 0.3], ['sgo', 0.22], ['adopt', 0.22], ['longterm', 0.23], ['other', 0.03]])],
  [0, weighted<ExitKind>([['return', 0.24], ['sgo', 0.2], ['adopt', 0.36], ['longterm', 0.17], ['other', 0.03]])],
];

const CHANGE_REASONS = weighted([
  ['CARPL', 40],
  ['CREQB', 15],
  ['CREQO', 10],
  ['LAREQ', 9],
  ['CHILD', 8],
  ['CLOSE', 5],
  ['STAND', 3],
  ['ALLEG', 3],
  ['APPRR', 1],
  ['OTHER', 6],
]);

type StayKind = 'foster' | 'kinship' | 'ffa' | 'ltfoster' | 'ltkinship' | 'K2' | 'K1' | 'supported' | 'S1' | 'R1' | 'R3' | 'R5' | 'P1' | 'adoption';

interface Stay {
  kind: StayKind;
  start: number;
  end: number;
  emergency: boolean;
  /** Same carer as the previous stay (a change of status only). */
  sameCarer: boolean;
  carer: Carer | KinshipCarerSim | null;
  provider: Provider | null;
  adopters: { provider: Provider; postcode: string } | null;
  inHouse: boolean;
}

function ageBand(age: number): Weighted<ExitKind> {
  for (const [min, w] of EXIT_BY_AGE) if (age >= min) return w;
  return EXIT_BY_AGE[EXIT_BY_AGE.length - 1]![1];
}

function pickProvider(g: GenContext, rng: Rng, kind: ProviderKind): Provider {
  const list = g.market.byKind.get(kind);
  if (!list || list.length === 0) throw new Error(`No provider of kind ${kind}`);
  return rng.pick(list);
}

function childrensHome(g: GenContext, rng: Rng): Provider {
  const homes = g.market.byKind.get('children_home')!;
  const bespoke = homes.filter((h) => h.bespoke);
  if (bespoke.length > 0 && rng.chance(0.05)) return rng.pick(bespoke);
  const regular = homes.filter((h) => !h.bespoke);
  const want = weighted<string>([['PR4', 75], ['PR5', 10], ['PR2', 8], ['PR1', 7]]).sample(rng);
  const match = regular.filter((h) => h.ownership === want);
  return rng.pick(match.length > 0 ? match : regular);
}

/** The family's connected-person (kinship) foster carer: a grandparent or an aunt, created once. */
export function kinshipCarer(g: GenContext, fam: FamilySim, rng: Rng, day: number): KinshipCarerSim {
  if (fam.kinship) return fam.kinship;
  const grandparent = rng.chance(0.6);
  const sex = grandparent ? (rng.chance(0.85) ? 'F' : 'M') : rng.chance(0.8) ? 'F' : 'M';
  const relationship = grandparent ? 'grandparent' : sex === 'F' ? 'aunt' : 'uncle';
  const youngest = Math.min(...fam.children.map((c) => c.dob));
  const dob = grandparent ? youngest - rng.int(42, 62) * 365 : youngest - rng.int(22, 40) * 365;
  const sameName = grandparent && rng.chance(0.6);
  const adult = {
    id: rng.uuid(),
    given: givenName(rng, g.pools, fam.origin, sex),
    family: sameName ? fam.familyName : familyName(rng, g.pools, fam.origin),
    sex,
    dob,
    ethnicity: fam.ethnicity,
    origin: fam.origin,
    relationship,
    pr: false,
    livesWith: false,
    nhs: rng.chance(0.6),
  } as const;
  // approved by the authority (PR1), so living in its area (SSDA903 rule 1015)
  const area = g.homeArea;
  const carer: KinshipCarerSim = { id: rng.uuid(), adult: { ...adult }, postcode: postcodeIn(rng, area).postcode, approved: day, emitted: false };
  fam.kinship = carer;
  return carer;
}

/**
 * Plans a whole period of care starting on `start` (dates may run past today; emission cuts them).
 * `category` is the SSDA903 category of need (N1-N8), fixed for the period.
 */
export function planPeriod(g: GenContext, fam: FamilySim, child: ChildSim, start: number, route: Route, category: string, homePostcode: string | null, rng: Rng): PeriodSim {
  const age = ageOn(child.dob, start);
  const b18 = birthday(child.dob, 18);
  let exit: ExitKind;
  if (route === 'remand') exit = 'remand';
  else if (route === 'uasc') exit = 'uasc';
  else exit = ageBand(age).sample(rng);
  if (exit === 'adopt' && age >= 8) exit = 'longterm';
  /** Some children in long-term care go home to their parents under the care order before it is discharged. */
  let homeOnOrder = false;

  // ---- legal status plan -------------------------------------------------------------------
  const changes: { day: number; code: string }[] = [];
  let c1Start: number | null = null;
  let quickReturn = false;
  switch (route) {
    case 'police': {
      changes.push({ day: start, code: 'L1' });
      const after = start + rng.int(1, 3);
      if (exit === 'return' && rng.chance(0.35)) quickReturn = true;
      const next = exit === 'sgo' || exit === 'adopt' || rng.chance(0.65) ? 'C1' : 'V2';
      changes.push({ day: after, code: next });
      if (next === 'C1') c1Start = after;
      break;
    }
    case 'epo': {
      changes.push({ day: start, code: 'L2' });
      const after = start + rng.int(3, 8);
      changes.push({ day: after, code: 'C1' });
      c1Start = after;
      break;
    }
    case 'proceedings':
      changes.push({ day: start, code: 'C1' });
      c1Start = start;
      break;
    case 's20': {
      changes.push({ day: start, code: 'V2' });
      if (exit === 'sgo' || exit === 'adopt' || rng.chance(0.12)) {
        c1Start = start + rng.int(30, 150);
        changes.push({ day: c1Start, code: 'C1' });
      }
      break;
    }
    case 'uasc':
      changes.push({ day: start, code: 'V2' });
      break;
    case 'remand':
      changes.push({ day: start, code: 'J1' });
      break;
  }
  const finalHearing = c1Start === null ? null : c1Start + rng.int(180, 380);

  // ---- when and how the period ends -------------------------------------------------------
  let end: number;
  let adoption: PeriodSim['adoption'] = null;
  switch (exit) {
    case 'return':
      if (quickReturn) end = start + rng.int(1, 3);
      else {
        end = start + Math.round(Math.min(1100, Math.max(10, rng.lognormal(260, 0.9))));
        if (finalHearing !== null && end > finalHearing && rng.chance(0.5)) end = finalHearing;
      }
      break;
    case 'sgo':
      end = finalHearing ?? start + rng.int(200, 420);
      break;
    case 'adopt': {
      const fh = finalHearing!;
      const adm = Math.min(fh - 10, start + rng.int(90, 200));
      const matched = fh + rng.int(60, 240);
      const placed = matched + rng.int(7, 40);
      const order = placed + rng.int(150, 360);
      const reversed = rng.chance(0.06) ? fh + rng.int(120, 400) : null;
      adoption = { adm, placementOrder: fh, matched, placed, reversed: null, reversedReason: null, byCarer: false };
      if (reversed !== null && reversed < placed) {
        adoption.reversed = reversed;
        adoption.reversedReason = weighted([['RD1', 2], ['RD3', 5], ['RD4', 2]]).sample(rng);
        exit = 'longterm';
        end = reversed + Math.round(rng.exp(6 * 365)) + 180;
      } else end = order;
      break;
    }
    case 'longterm':
      end = start + 365 + Math.round(rng.exp(9 * 365));
      break;
    case 'ageout':
      end = b18;
      break;
    case 'indep':
      end = start + rng.int(60, 365);
      break;
    case 'other':
      end = start + rng.int(30, 365);
      break;
    case 'remand':
      end = start + rng.int(14, 112);
      break;
    case 'uasc': {
      const r = rng.float();
      end = r < 0.04 ? start + rng.int(30, 180) : r < 0.06 ? start + rng.int(60, 400) : b18;
      break;
    }
  }
  if (end >= b18) {
    end = b18;
    if (exit !== 'uasc') exit = 'ageout';
    if (adoption && adoption.reversed === null) adoption = null;
  }
  if (end <= start) end = start + 1;
  homeOnOrder = end - start > 400 && ((exit === 'longterm' && rng.chance(0.75)) || (exit === 'ageout' && rng.chance(0.35)));

  // legal status changes at the final hearing and on a reversed adoption decision
  if (finalHearing !== null && finalHearing < end) {
    if (adoption) changes.push({ day: finalHearing, code: 'E1' });
    else changes.push({ day: finalHearing, code: 'C2' });
  }
  if (adoption?.reversed != null && adoption.reversed < end) changes.push({ day: adoption.reversed, code: 'C2' });
  changes.sort((a, b) => a.day - b.day);
  const legal: SegmentSim[] = [];
  for (const ch of changes) {
    if (ch.day >= end) break;
    const last = legal[legal.length - 1];
    if (last && last.code === ch.code) continue;
    if (last) last.end = ch.day;
    legal.push({ id: rng.uuid(), code: ch.code, start: ch.day, end });
  }
  const lsAt = (day: number) => {
    let code = legal[0]!.code;
    for (const s of legal) if (s.start <= day) code = s.code;
    return code;
  };

  // ---- placements --------------------------------------------------------------------------
  const stays = planStays(child, { start, end, age, exit, route, finalHearing, adoption, lsAt, homeOnOrder }, rng);
  const placements = stays.length > 0 ? staysToPlacements(g, fam, child, stays, homePostcode, legal.map((l) => l.start), rng) : [];

  // ---- how the period ends -------------------------------------------------------------------
  const last = placements[placements.length - 1]!;
  let rec = reasonEnded(rng, exit, last.type, last.carerId !== null && stays[stays.length - 1]!.kind.includes('kinship'), rng.float());
  if (exit === 'uasc' && end < b18) rec = weighted([['E15', 4], ['E16', 2], ['E8', 2]]).sample(rng);
  if (homeOnOrder && last.type === 'P1' && exit === 'longterm') rec = rng.chance(0.85) ? 'E4A' : 'E41';

  const plans: PeriodSim['permanencePlans'] = [];
  const firstPlan: Record<ExitKind, string[]> = {
    return: [end - start < 45 ? 'RETURN1M' : 'RETURN6M'],
    sgo: ['LTRELFR'],
    adopt: ['RETURNEV', 'ADOPTION'],
    longterm: age < 16 ? ['RETURNEV'] : ['LTFOST18'],
    ageout: age >= 16 ? ['SUPPLIV'] : ['LTFOST18'],
    indep: ['SUPPLIV'],
    other: ['OTHERPLN'],
    remand: ['OTHERPLN'],
    uasc: age >= 16 ? ['SUPPLIV'] : ['LTFOST18'],
  };
  plans.push({ start, codes: firstPlan[exit] });
  if (adoption && adoption.reversed === null && adoption.adm > start && adoption.adm < end) plans.push({ start: adoption.adm, codes: ['ADOPTION'] });
  if ((exit === 'longterm' || exit === 'ageout') && finalHearing !== null && finalHearing < end && firstPlan[exit][0] !== 'LTFOST18') plans.push({ start: finalHearing, codes: ['LTFOST18'] });
  if (adoption) adoption.byCarer = stays.some((s) => s.kind === 'adoption' && s.sameCarer);

  return {
    id: rng.uuid(),
    start,
    end,
    rec,
    category,
    uasc: route === 'uasc',
    homePostcode: route === 'uasc' ? null : homePostcode,
    legal,
    placements,
    route,
    exit,
    permanencePlans: plans,
    adoption,
  };
}

function reasonEnded(rng: Rng, exit: ExitKind, lastType: string, kinship: boolean, r: number): string {
  switch (exit) {
    case 'return':
      return r < 0.85 ? 'E4A' : r < 0.93 ? 'E4B' : 'E13';
    case 'sgo':
      return kinship ? 'E45' : r < 0.4 ? 'E46' : r < 0.9 ? 'E47' : 'E48';
    case 'adopt':
      return r < 0.55 ? 'E11' : 'E12';
    case 'longterm':
      if (r < 0.45) return kinship ? 'E45' : 'E46';
      return r < 0.8 ? 'E4A' : r < 0.92 ? 'E41' : 'E13';
    case 'indep':
      return 'E5';
    case 'other':
      return r < 0.4 ? 'E13' : r < 0.75 ? 'E3' : 'E8';
    case 'remand':
      return r < 0.7 ? 'E14' : 'E9';
    case 'uasc':
    case 'ageout':
      if (lastType.startsWith('U') && rng.chance(0.35)) return 'E17';
      if (lastType === 'K3' || lastType === 'H5') return r < 0.8 ? 'E5' : 'E8';
      return r < 0.45 ? 'E5' : r < 0.8 ? 'E8' : r < 0.9 ? 'E4B' : 'E6';
  }
}

interface StayContext {
  start: number;
  end: number;
  age: number;
  exit: ExitKind;
  route: Route;
  finalHearing: number | null;
  adoption: PeriodSim['adoption'];
  lsAt: (day: number) => string;
  homeOnOrder: boolean;
}

function stayDuration(rng: Rng, kind: StayKind, age: number): number {
  switch (kind) {
    case 'foster':
    case 'ffa':
      return age < 12 ? 60 + Math.round(rng.exp(900)) : 45 + Math.round(rng.exp(480));
    case 'kinship':
      return 90 + Math.round(rng.exp(1500));
    case 'ltfoster':
    case 'ltkinship':
      return 365 + Math.round(rng.exp(2200));
    case 'K2':
      return 30 + Math.round(rng.exp(420));
    case 'K1':
      return rng.int(30, 150);
    case 'supported':
      return 45 + Math.round(rng.exp(360));
    case 'S1':
    case 'R1':
      return 120 + Math.round(rng.exp(700));
    case 'R3':
      return rng.int(42, 120);
    default:
      return 365;
  }
}

function planStays(child: ChildSim, c: StayContext, rng: Rng): Stay[] {
  const stays: Stay[] = [];
  const { start, end, exit } = c;
  const b16 = birthday(child.dob, 16);
  const ageAt = (day: number) => ageOn(child.dob, day);
  const kinshipPath = exit === 'sgo' ? rng.chance(0.8) : rng.chance(0.2);
  const ffaPath = exit === 'adopt' && rng.chance(0.3);

  // Milestones: forced changes of placement.
  const milestones: { day: number; kind: StayKind }[] = [];
  if (c.adoption && c.adoption.reversed === null && exit === 'adopt' && c.adoption.placed < end) milestones.push({ day: c.adoption.placed, kind: 'adoption' });
  if ((exit === 'return' && end - start > 90 && rng.chance(0.85)) || c.homeOnOrder) {
    const p1 = end - rng.int(c.homeOnOrder ? 180 : 60, Math.min(c.homeOnOrder ? 1200 : 540, end - start - 45));
    const ls = c.lsAt(p1);
    if ((ls === 'C1' || ls === 'C2') && c.lsAt(end - 1) === ls) milestones.push({ day: p1, kind: 'P1' });
  }
  if ((exit === 'ageout' || exit === 'uasc') && end === birthday(child.dob, 18)) {
    const move = Math.max(b16, end - rng.int(120, 540));
    if (move > start + 30 && move < end - 30 && rng.chance(0.45)) milestones.push({ day: move, kind: 'supported' });
  }
  if ((exit === 'longterm' || exit === 'ageout') && c.finalHearing !== null && c.finalHearing > start + 30 && c.finalHearing < end - 30 && ageAt(c.finalHearing) < 14 && rng.chance(0.6)) {
    milestones.push({ day: c.finalHearing, kind: kinshipPath ? 'ltkinship' : 'ltfoster' });
  }
  milestones.sort((a, b) => a.day - b.day);

  const chooseKind = (day: number, first: boolean, prev: Stay | null): StayKind => {
    const a = ageAt(day);
    if (prev?.kind === 'K1') return 'K2';
    if (c.route === 'remand') return weighted<StayKind>([['R5', 35], ['K1', 15], ['K2', 25], ['foster', 25]]).sample(rng);
    if (c.route === 'uasc') return a >= 16 ? weighted<StayKind>([['supported', 70], ['foster', 25], ['K2', 5]]).sample(rng) : rng.chance(0.9) ? 'foster' : 'K2';
    if (kinshipPath && a < 16 && (first || prev?.kind !== 'kinship')) return 'kinship';
    if (a < 12) {
      if (first && a < 1 && c.route === 'proceedings' && rng.chance(0.08)) return 'R3';
      if (ffaPath && a < 2) return 'ffa';
      if (child.disabled && a >= 4 && rng.chance(0.25)) return rng.chance(0.7) ? 'S1' : 'R1';
      return 'foster';
    }
    if (a < 16) {
      if (child.disabled && rng.chance(0.2)) return 'S1';
      return weighted<StayKind>([['foster', 48], ['K2', 49], ['K1', 3]]).sample(rng);
    }
    return weighted<StayKind>([['foster', 30], ['supported', 42], ['K2', 28]]).sample(rng);
  };

  let cur = start;
  let prev: Stay | null = null;
  let mi = 0;
  const emergencyFirst = c.route === 'police' || c.route === 'epo' || (c.route === 's20' && rng.chance(0.3));
  while (cur < end) {
    while (mi < milestones.length && milestones[mi]!.day <= cur) mi++;
    const nextMilestone = milestones[mi];
    const limit = nextMilestone ? nextMilestone.day : end;
    let kind: StayKind;
    let emergency = false;
    let sameCarer = false;
    const forced = prev === null ? undefined : milestones.find((m) => m.day === cur);
    if (forced) {
      kind = forced.kind;
      if (kind === 'adoption') sameCarer = prev?.kind === 'ffa';
      if (kind === 'ltfoster' || kind === 'ltkinship') {
        // A change of status only if the child is already with a foster carer.
        if (prev && (prev.kind === 'foster' || prev.kind === 'kinship')) {
          kind = prev.kind === 'kinship' ? 'ltkinship' : 'ltfoster';
          sameCarer = true;
        } else kind = 'ltfoster';
      }
    } else if (prev === null && emergencyFirst && end - start > 14) {
      kind = ageAt(cur) >= 13 && rng.chance(0.3) ? 'K2' : 'foster';
      emergency = true;
    } else {
      kind = chooseKind(cur, prev === null, prev);
    }
    if (kind === 'supported' && ageAt(cur) < 16) kind = 'foster';
    if (kind === 'R5' && ageAt(cur) < 10) kind = 'foster';
    if (kind === 'S1' && ageAt(cur) < 4) kind = 'foster';
    let stayEnd: number;
    if (kind === 'adoption' || kind === 'P1' || kind === 'R5') stayEnd = limit;
    else if (emergency) stayEnd = Math.min(limit, cur + rng.int(3, 56));
    else stayEnd = Math.min(limit, cur + stayDuration(rng, kind, ageAt(cur)));
    if (limit - stayEnd < 14) stayEnd = limit;
    // supported accommodation only from 16: end the stay at 16 if needed
    stays.push({ kind, start: cur, end: stayEnd, emergency, sameCarer, carer: null, provider: null, adopters: null, inHouse: false });
    prev = stays[stays.length - 1]!;
    cur = stayEnd;
  }
  // The child cannot go back to foster care from adopters; milestones after adoption placement are dropped by construction.
  return stays;
}

function staysToPlacements(g: GenContext, fam: FamilySim, child: ChildSim, stays: Stay[], homePostcode: string | null, legalChanges: number[], rng: Rng): PlacementSim[] {
  const out: PlacementSim[] = [];
  const m = g.market;
  let prevCarer: Carer | KinshipCarerSim | null = null;
  let prevProvider: Provider | null = null;
  for (let i = 0; i < stays.length; i++) {
    const s = stays[i]!;
    let type: string;
    let provider: Provider | null = null;
    let carer: Carer | KinshipCarerSim | null = null;
    let postcode: string | null = null;
    let ownership: string | null = null;
    let longTerm = false;
    let urn: string | null = null;
    switch (s.kind) {
      case 'foster':
      case 'ltfoster': {
        if (s.sameCarer && prevCarer) {
          carer = prevCarer;
          provider = prevProvider;
        } else {
          const inHouse = rng.chance(s.emergency ? 0.6 : ageOn(child.dob, s.start) >= 12 ? 0.45 : 0.55);
          const c = rng.pick(inHouse ? m.inHouseCarers : m.ifaCarers);
          carer = c;
          provider = c.provider;
        }
        longTerm = s.kind === 'ltfoster';
        type = longTerm ? 'U4' : 'U6';
        break;
      }
      case 'kinship':
      case 'ltkinship': {
        carer = s.sameCarer && prevCarer ? prevCarer : kinshipCarer(g, fam, rng, s.start);
        provider = m.inHouse;
        longTerm = s.kind === 'ltkinship';
        type = longTerm ? 'U1' : 'U3';
        break;
      }
      case 'ffa': {
        carer = rng.pick(m.ffaCarers);
        provider = m.inHouse;
        type = 'U5';
        break;
      }
      case 'adoption': {
        if (s.sameCarer && prevCarer) {
          carer = prevCarer;
          provider = m.ownRaa;
          type = 'A5';
          postcode = (prevCarer as Carer).postcode;
        } else {
          const r = rng.float();
          provider = r < 0.65 ? m.ownRaa : r < 0.85 ? pickProvider(g, rng, 'other_raa') : pickProvider(g, rng, 'vaa');
          type = 'A6';
          const area = provider.ownership === 'PR1' ? g.homeArea : rng.pick(g.areas.filter((a) => !a.home));
          postcode = postcodeIn(rng, area).postcode;
        }
        urn = provider.kind === 'vaa' ? provider.urn : 'XXXXXXX';
        break;
      }
      case 'K2':
        provider = childrensHome(g, rng);
        type = 'K2';
        break;
      case 'K1':
        provider = pickProvider(g, rng, 'secure_home');
        type = 'K1';
        break;
      case 'supported':
        provider = pickProvider(g, rng, 'supported');
        type = s.start >= K3_FROM ? 'K3' : 'H5';
        break;
      case 'S1':
        provider = pickProvider(g, rng, 'residential_school');
        type = 'S1';
        break;
      case 'R1':
        provider = pickProvider(g, rng, 'care_home');
        type = 'R1';
        break;
      case 'R3':
        provider = pickProvider(g, rng, 'family_centre');
        type = 'R3';
        break;
      case 'R5':
        provider = pickProvider(g, rng, 'yoi');
        type = 'R5';
        break;
      case 'P1':
        type = 'P1';
        ownership = 'PR0';
        postcode = homePostcode;
        break;
    }
    if (carer && postcode === null) postcode = carer.postcode;
    if (provider && postcode === null) postcode = provider.postcode;
    if (ownership === null && provider) ownership = provider.ownership;
    if (urn === null && provider && !['R1', 'R5', 'P1'].includes(type)) urn = provider.urn;
    const carerId = carer ? carer.id : null;
    const cost = weeklyCost(rng, type, provider, carer && 'type' in carer ? carer : kinshipAsCarer(carer));
    const base: PlacementSim = {
      id: rng.uuid(),
      type,
      provider: ownership,
      providerId: provider ? provider.id : null,
      carerId,
      postcode,
      urn,
      start: s.start,
      end: s.end,
      changeReason: null,
      longTerm,
      weeklyCost: cost,
    };
    // change reason on the placement that ends (not the last)
    const next = stays[i + 1];
    if (next) base.changeReason = next.sameCarer ? 'PLACE' : s.emergency || ['adoption', 'P1', 'supported', 'ltfoster', 'ltkinship'].includes(next.kind) ? 'CARPL' : CHANGE_REASONS.sample(rng);
    out.push(...withTemporaryPlacements(g, base, legalChanges, rng));
    prevCarer = carer;
    prevProvider = provider;
  }
  return splitSupported(out, rng);
}

function kinshipAsCarer(c: Carer | KinshipCarerSim | null): Carer | null {
  if (!c) return null;
  return { id: c.id, providerId: '', provider: null as unknown as Provider, type: 'kinship', postcode: c.postcode, name: '' };
}

/**
 * Respite (T3) and hospital (T1) stays inside long foster placements, returning to the same carer,
 * never across a change of legal status (an episode in a temporary placement starts with a move).
 */
function withTemporaryPlacements(g: GenContext, p: PlacementSim, legalChanges: number[], rng: Rng): PlacementSim[] {
  if (!p.type.startsWith('U') || p.end - p.start < 150) return [p];
  const years = (p.end - p.start) / 365;
  const n = Math.min(Math.floor(years) + 1, rng.poisson(0.35 * years));
  if (n === 0) return [p];
  const out: PlacementSim[] = [];
  let cur = p;
  let earliest = p.start + 30;
  for (let k = 0; k < n; k++) {
    const hospital = rng.chance(0.1);
    const len = hospital ? rng.int(2, 10) : rng.int(5, 14);
    const latest = cur.end - 30 - len;
    if (latest <= earliest) break;
    const t0 = rng.int(earliest, Math.min(latest, earliest + 365));
    if (legalChanges.some((c) => c > t0 && c < t0 + len)) {
      earliest = t0 + 1;
      continue;
    }
    const respite = hospital ? null : rng.pick(g.market.inHouseCarers.filter((c) => c.id !== p.carerId));
    const first: PlacementSim = { ...cur, end: t0, changeReason: null };
    const temp: PlacementSim = {
      id: rng.uuid(),
      type: hospital ? 'T1' : 'T3',
      provider: null,
      providerId: null,
      carerId: respite ? respite.id : null,
      postcode: respite ? respite.postcode : null,
      urn: null,
      start: t0,
      end: t0 + len,
      changeReason: null,
      longTerm: false,
      weeklyCost: null,
    };
    out.push(first, temp);
    cur = { ...cur, id: rng.uuid(), start: t0 + len };
    earliest = cur.start + 190;
  }
  out.push(cur);
  return out;
}

/** Semi-independent (H5) placements running into 2024-25 are recorded again as supported accommodation (K3). */
function splitSupported(ps: PlacementSim[], rng: Rng): PlacementSim[] {
  const out: PlacementSim[] = [];
  for (const p of ps) {
    if (p.type === 'H5' && p.start < K3_FROM && p.end > K3_FROM) {
      out.push({ ...p, end: K3_FROM, changeReason: 'PLACE' });
      out.push({ ...p, id: rng.uuid(), type: 'K3', start: K3_FROM });
    } else out.push(p);
  }
  return out;
}
