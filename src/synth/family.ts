/**
 * Families and their concerns: who lives in the family, when the front door hears about them, what
 * the MASH decides, and which episodes follow. Also the two other ways children arrive: unaccompanied
 * asylum-seeking children, and children who became looked after before the simulation's warm-up
 * (long-stay children in care and care leavers at the start of the window).
 */
import { addWD, ageOn, birthday, londonDayOf, londonInstant, weekday } from './calendar.js';
import type { GenContext } from './context.js';
import { instantiate, makeTemplate, mustBeChildUntil, type Template } from './episode.js';
import { postcodeIn } from './geography.js';
import type { AdultSim, ChildSim, ContactDecision, ContactSim, EpisodeSim, FamilySim, Rag, Route } from './model.js';
import { UASC_NAMES, familyName, givenName, type NameOrigin } from './pools.js';
import { Rng, weighted } from './prng.js';
import { SOURCES, concernText, rationale, referrer, type ConcernKind, type Severity } from './texts.js';

// ---- people ---------------------------------------------------------------------------------------

/** Ethnicity of children known to a London borough's children's social care (approximate). */
const ETHNICITY = weighted([
  ['WBRI', 27], ['WIRI', 0.6], ['WIRT', 0.3], ['WROM', 0.4], ['WOTH', 7], ['MWBC', 8], ['MWBA', 3], ['MWAS', 2], ['MOTH', 6],
  ['AIND', 1.4], ['APKN', 1], ['ABAN', 0.6], ['AOTH', 2.6], ['BCRB', 11], ['BAFR', 17], ['BOTH', 6], ['CHNE', 0.8], ['OOTH', 4], ['REFU', 0.4], ['NOBT', 1.9],
]);

function originFor(rng: Rng, ethnicity: string): NameOrigin {
  switch (ethnicity) {
    case 'BAFR':
      return rng.chance(0.75) ? 'ng' : 'gb';
    case 'MWBA':
      return rng.chance(0.4) ? 'ng' : 'gb';
    case 'AIND':
    case 'APKN':
    case 'ABAN':
      return 'in';
    case 'AOTH':
    case 'MWAS':
      return rng.chance(0.5) ? 'in' : 'gb';
    case 'WOTH':
    case 'WROM':
      return rng.chance(0.55) ? 'pl' : 'gb';
    default:
      return 'gb';
  }
}

function parentEthnicities(rng: Rng, child: string): [string, string] {
  switch (child) {
    case 'MWBC':
      return rng.chance(0.6) ? ['WBRI', 'BCRB'] : ['BCRB', 'WBRI'];
    case 'MWBA':
      return rng.chance(0.6) ? ['WBRI', 'BAFR'] : ['BAFR', 'WBRI'];
    case 'MWAS':
      return rng.chance(0.6) ? ['WBRI', 'AOTH'] : ['AIND', 'WBRI'];
    case 'MOTH':
      return [rng.pick(['WBRI', 'WOTH', 'MWBC']), rng.pick(['BOTH', 'OOTH', 'MWBC'])];
    case 'REFU':
    case 'NOBT':
      return [child, child];
    default:
      return [child, child];
  }
}

const DISABILITY_CODES = weighted([['AUT', 25], ['LD', 20], ['COMM', 15], ['BEH', 15], ['MOB', 8], ['PC', 4], ['HAND', 3], ['INC', 3], ['HEAR', 3], ['VIS', 2], ['CON', 2], ['DDA', 2]]);
const CHILD_COUNT = weighted([[1, 34], [2, 30], [3, 20], [4, 11], [5, 5]]);
/** Age of the oldest child when the family first comes to the front door. */
const OLDEST_AGE = weighted(Array.from({ length: 18 }, (_, a) => [a, a < 2 ? 5 : a < 6 ? 5.5 : a < 16 ? 6.5 : 5] as const));

function newChild(g: GenContext, fam: FamilySim, rng: Rng, idx: number, dob: number, ethnicity: string): ChildSim {
  const sex = rng.chance(0.51) ? 'M' : 'F';
  const disabled = rng.chance(0.09);
  const codes = new Set<string>();
  if (disabled) {
    const n = rng.chance(0.55) ? 1 : rng.chance(0.7) ? 2 : 3;
    while (codes.size < n) codes.add(DISABILITY_CODES.sample(rng));
  }
  return {
    id: rng.uuid(),
    given: givenName(rng, g.pools, fam.origin, sex),
    family: rng.chance(0.85) ? fam.familyName : familyName(rng, g.pools, fam.origin),
    sex,
    dob,
    ethnicity,
    origin: fam.origin,
    idx,
    disabled,
    disabilityCodes: [...codes].sort(),
    uasc: false,
    nationality: null,
    busyUntil: -Infinity,
    contacts: [],
    episodes: [],
    earlyHelp: [],
    laChildNumber: 0,
  };
}

function address(g: GenContext, rng: Rng, start: number): FamilySim['addresses'][number] {
  const { postcode, town } = postcodeIn(rng, g.homeArea);
  const flat = rng.chance(0.45);
  return {
    line1: flat ? `Flat ${rng.int(1, 40)}, ${rng.pick(g.pools.placeWords)} House` : `${rng.int(1, 220)} ${rng.pick(g.pools.streets)}`,
    line2: flat ? rng.pick(g.pools.streets) : null,
    town,
    postcode,
    start,
    end: null,
  };
}

function adult(g: GenContext, fam: FamilySim, rng: Rng, relationship: AdultSim['relationship'], sex: 'M' | 'F', dob: number, ethnicity: string, pr: boolean, livesWith: boolean, sameName: boolean): AdultSim {
  const origin = ethnicity === fam.ethnicity ? fam.origin : originFor(rng, ethnicity);
  return {
    id: rng.uuid(),
    given: givenName(rng, g.pools, origin, sex),
    family: sameName ? fam.familyName : familyName(rng, g.pools, origin),
    sex,
    dob,
    ethnicity,
    origin,
    relationship,
    pr,
    livesWith,
    nhs: rng.chance(0.6),
  };
}

export function newFamily(g: GenContext, idx: number, rng: Rng, firstDay: number, opts: { legacy?: boolean; singleChildAge?: number } = {}): FamilySim {
  const ethnicity = ETHNICITY.sample(rng);
  const origin = originFor(rng, ethnicity);
  const fam: FamilySim = {
    idx,
    rng,
    uasc: false,
    legacy: opts.legacy ?? false,
    origin,
    familyName: familyName(rng, g.pools, origin),
    ethnicity,
    addresses: [],
    otherParentAddress: null,
    adults: [],
    children: [],
    kinship: null,
  };
  const n = opts.singleChildAge !== undefined ? 1 : CHILD_COUNT.sample(rng);
  const oldestAge = opts.singleChildAge ?? OLDEST_AGE.sample(rng);
  let dob = firstDay - oldestAge * 365 - rng.int(0, 364);
  for (let i = 0; i < n; i++) {
    fam.children.push(newChild(g, fam, rng, i, dob, rng.chance(0.9) ? ethnicity : ETHNICITY.sample(rng)));
    dob += rng.int(1, 4) * 365 + rng.int(-120, 120);
  }
  const oldest = fam.children[0]!.dob;
  const [motherEth, fatherEth] = parentEthnicities(rng, ethnicity);
  const mother = adult(g, fam, rng, 'mother', 'F', oldest - rng.int(17, 38) * 365 - rng.int(0, 364), motherEth, true, true, rng.chance(0.8));
  fam.adults.push(mother);
  if (rng.chance(0.75)) {
    const livesWith = rng.chance(0.45);
    fam.adults.push(adult(g, fam, rng, 'father', 'M', mother.dob - rng.int(-3, 8) * 365, fatherEth, rng.chance(0.8), livesWith, true));
    if (!livesWith && rng.chance(0.15)) fam.adults.push(adult(g, fam, rng, 'step-parent', 'M', mother.dob - rng.int(-5, 8) * 365, ETHNICITY.sample(rng), false, true, false));
  }
  const homeStart = Math.min(firstDay - rng.int(30, 3650), oldest + rng.int(0, 2000));
  fam.addresses.push(address(g, rng, homeStart));
  if (rng.chance(0.15)) {
    const move = firstDay + rng.int(60, 2500);
    fam.addresses[0]!.end = move;
    fam.addresses.push(address(g, rng, move));
  }
  if (fam.adults.some((a) => a.relationship === 'father' && !a.livesWith)) {
    const other = address(g, rng, homeStart - rng.int(0, 2000));
    if (rng.chance(0.3)) Object.assign(other, postcodeIn(rng, rng.pick(g.areas.filter((a) => !a.home && a.milesFrom < 50))));
    fam.otherParentAddress = other;
  }
  return fam;
}

export function homePostcodeOn(fam: FamilySim, day: number): string | null {
  let pc: string | null = null;
  for (const a of fam.addresses) if (a.start <= day) pc = a.postcode;
  return pc ?? fam.addresses[0]?.postcode ?? null;
}

// ---- the front door -------------------------------------------------------------------------------

const SEVERITY: Record<ConcernKind, ReturnType<typeof weighted<Severity>>> = {
  family: weighted<Severity>([['low', 50], ['medium', 30], ['high', 15], ['critical', 5]]),
  child: weighted<Severity>([['low', 53], ['medium', 29], ['high', 14], ['critical', 4]]),
  teen: weighted<Severity>([['low', 44], ['medium', 30], ['high', 19], ['critical', 7]]),
  baby: weighted<Severity>([['low', 25], ['medium', 30], ['high', 28], ['critical', 17]]),
  disability: weighted<Severity>([['low', 40], ['medium', 60]]),
  uasc: weighted<Severity>([['high', 1]]),
};

const MASH_DECISION: Record<Severity, ReturnType<typeof weighted<ContactDecision>>> = {
  low: weighted<ContactDecision>([['nfa', 45], ['advice', 44], ['early_help', 11]]),
  medium: weighted<ContactDecision>([['nfa', 9], ['advice', 15], ['early_help', 38], ['referral', 38]]),
  high: weighted<ContactDecision>([['referral', 86], ['strategy_discussion', 14]]),
  critical: weighted<ContactDecision>([['referral', 30], ['strategy_discussion', 70]]),
};

const RAG_OF: Record<Severity, ReturnType<typeof weighted<Rag>>> = {
  low: weighted<Rag>([['green', 85], ['amber', 15]]),
  medium: weighted<Rag>([['green', 35], ['amber', 60], ['red', 5]]),
  high: weighted<Rag>([['amber', 45], ['red', 55]]),
  critical: weighted<Rag>([['red', 1]]),
};
const RAG_HOURS: Record<Rag, number> = { red: 4, amber: 24, green: 72 };
const RERATE_REASONS = ['Further information from police check', 'School confirmed the child was not in today', 'Health records show earlier concerns', 'Referrer called back with more detail'];

interface Decided {
  receivedMs: number;
  rag: ContactSim['rag'];
  decidedMs: number;
}

/** Receipt time, RAG history and decision time of a contact received on `day` (decided within its RAG clock). */
function frontDoorTimes(rng: Rng, day: number, sev: Severity, source: string): Decided {
  const weekend = weekday(day) >= 6;
  const ooh = weekend || (source === '6' ? rng.chance(0.35) : rng.chance(0.08));
  const minutes = ooh ? rng.int(18 * 60, 23 * 60 + 30) : rng.int(8 * 60 + 30, 17 * 60 + 45);
  const receivedMs = londonInstant(day, weekend ? rng.int(9 * 60, 22 * 60) : minutes).getTime();
  const first = RAG_OF[sev].sample(rng);
  const firstAt = receivedMs + rng.int(10, 90) * 60_000;
  const rag: ContactSim['rag'] = [{ rating: first, atMs: firstAt, reason: null }];
  let clockFrom = receivedMs;
  let current: Rag = first;
  if (rng.chance(0.1)) {
    const second: Rag = first === 'green' ? 'amber' : first === 'amber' ? (rng.chance(0.6) ? 'red' : 'green') : 'amber';
    const at = firstAt + rng.int(30, 240) * 60_000;
    rag.push({ rating: second, atMs: at, reason: rng.pick(RERATE_REASONS) });
    clockFrom = at;
    current = second;
  }
  const lastRated = rag[rag.length - 1]!.atMs;
  const due = clockFrom + RAG_HOURS[current] * 3_600_000;
  const decidedMs = Math.max(lastRated + 5 * 60_000, Math.round(clockFrom + (due - clockFrom) * rng.range(0.15, 0.95)));
  return { receivedMs, rag, decidedMs };
}

function openEpisodeOn(child: ChildSim, day: number): EpisodeSim | null {
  const e = child.episodes[child.episodes.length - 1];
  return e && e.refDay <= day && e.closure > day ? e : null;
}

function newContact(g: GenContext, rng: Rng, t: Decided, source: string, kind: ConcernKind, child: ChildSim, fam: FamilySim): ContactSim {
  const seatCount = g.mashSeats.length;
  const ref = referrer(rng, source, g.homeArea.authority, rng.pick(g.pools.placeWords), `${givenName(rng, g.pools, 'gb', rng.chance(0.7) ? 'F' : 'M')} ${familyName(rng, g.pools, rng.chance(0.8) ? 'gb' : fam.origin)}`);
  return {
    id: rng.uuid(),
    receivedMs: t.receivedMs,
    source,
    concerns: concernText(rng, kind, child.given),
    referrerName: ref.name,
    referrerOrg: ref.organisation,
    rag: t.rag,
    decision: null,
    decidedMs: null,
    rationale: null,
    mashSeat: rng.int(0, seatCount - 1),
    episode: null,
  };
}

function startEarlyHelp(rng: Rng, child: ChildSim, day: number): void {
  const last = child.earlyHelp[child.earlyHelp.length - 1];
  if (last && (last.end === null || last.end > day)) return;
  const start = day + rng.int(0, 10);
  const r = rng.float();
  child.earlyHelp.push({ id: rng.uuid(), start, end: start + rng.int(60, 270), reason: 'Family support needs below the threshold for statutory services', endReason: r < 0.62 ? 'outcomes met' : r < 0.72 ? 'step up' : 'no further action' });
}

function closeEarlyHelpForReferral(child: ChildSim, day: number): void {
  const last = child.earlyHelp[child.earlyHelp.length - 1];
  if (last && last.start < day && (last.end === null || last.end > day)) {
    last.end = day;
    last.endReason = 'step up';
  }
}

/** Contacts about a child whose episode is already open: new information for the allocated worker. */
function linkedContacts(g: GenContext, fam: FamilySim, rng: Rng, child: ChildSim, ep: EpisodeSim): void {
  const nowDay = g.today;
  const from = ep.refDay + 1;
  const to = Math.min(ep.closure - 2, nowDay);
  if (to <= from) return;
  const rate = (ep.cps.length > 0 ? 0.8 : ep.period ? 0.6 : 0.45) / 365;
  const n = rng.poisson(rate * (to - from));
  const days: number[] = [];
  for (let i = 0; i < n; i++) days.push(rng.int(from, to));
  days.sort((a, b) => a - b);
  const kind: ConcernKind = ageOn(child.dob, from) >= 12 ? 'teen' : 'child';
  for (const day of days) {
    const source = SOURCES[kind].sample(rng);
    const times = frontDoorTimes(rng, day, rng.chance(0.5) ? 'low' : 'medium', source);
    const decidedDay = londonDayOf(new Date(times.decidedMs));
    if (decidedDay >= ep.closure) continue;
    const c = newContact(g, rng, times, source, kind, child, fam);
    c.episode = ep;
    if (times.decidedMs <= g.nowMs) {
      c.decision = weighted<ContactDecision>([['referral', 60], ['advice', 25], ['nfa', 15]]).sample(rng);
      c.decidedMs = times.decidedMs;
      c.rationale = c.decision === 'referral' ? 'Information passed to the allocated social worker; the child’s episode is open.' : rationale(rng, c.decision);
    }
    child.contacts.push(c);
  }
}

function involvedChildren(rng: Rng, fam: FamilySim, day: number, kind: ConcernKind): { kind: ConcernKind; children: ChildSim[] } {
  const eligible = fam.children.filter((c) => c.dob <= day && birthday(c.dob, 18) > day + 14);
  if (eligible.length === 0) return { kind, children: [] };
  const pickOne = () => [rng.pick(eligible)];
  switch (kind) {
    case 'family':
      return { kind, children: eligible };
    case 'teen': {
      const teens = eligible.filter((c) => ageOn(c.dob, day) >= 11);
      return teens.length > 0 ? { kind, children: [teens[0]!] } : { kind: 'child', children: pickOne() };
    }
    case 'baby': {
      const babies = eligible.filter((c) => ageOn(c.dob, day) < 1);
      return babies.length > 0 ? { kind, children: babies } : { kind: 'child', children: pickOne() };
    }
    case 'disability': {
      const d = eligible.filter((c) => c.disabled);
      return d.length > 0 ? { kind, children: [d[0]!] } : { kind: 'child', children: pickOne() };
    }
    default:
      return { kind, children: pickOne() };
  }
}

/** One concern at the front door about some of the family's children; returns the latest closure it opened. */
interface ConcernResult {
  latest: number;
  referred: ChildSim[];
}

const REPEAT_SEVERITY = weighted<Severity>([['low', 22], ['medium', 43], ['high', 28], ['critical', 7]]);

function processConcern(g: GenContext, fam: FamilySim, rng: Rng, day: number, requested: ConcernKind, focus: ChildSim[] | null = null): ConcernResult {
  let inv = involvedChildren(rng, fam, day, requested);
  if (focus) {
    const still = focus.filter((c) => c.dob <= day && birthday(c.dob, 18) > day + 14);
    if (still.length > 0) inv = { kind: requested === 'baby' ? 'baby' : still.length > 1 ? 'family' : ageOn(still[0]!.dob, day) >= 11 ? 'teen' : 'child', children: still };
  }
  const none: ConcernResult = { latest: day, referred: [] };
  if (inv.children.length === 0) return none;
  const kind = inv.kind;
  const sev = focus && kind !== 'disability' && kind !== 'baby' ? REPEAT_SEVERITY.sample(rng) : SEVERITY[kind].sample(rng);
  const source = SOURCES[kind].sample(rng);
  const times = frontDoorTimes(rng, day, sev, source);
  if (times.receivedMs > g.nowMs) return none;
  const pending = times.decidedMs > g.nowMs;
  const decidedDay = londonDayOf(new Date(times.decidedMs));
  const decision: ContactDecision = kind === 'uasc' ? 'referral' : kind === 'disability' ? (rng.chance(0.8) ? 'referral' : 'advice') : MASH_DECISION[sev].sample(rng);
  let template: Template | null = null;
  let latest = day;
  const referred: ChildSim[] = [];
  const receivedDay = londonDayOf(new Date(times.receivedMs));
  for (const child of inv.children) {
    const lastEp = child.episodes[child.episodes.length - 1];
    if (lastEp && lastEp.refDay > receivedDay) continue;
    const c = newContact(g, rng, times, source, kind, child, fam);
    child.contacts.push(c);
    const openAtReceipt = openEpisodeOn(child, receivedDay);
    if (pending) {
      c.episode = openAtReceipt;
      continue;
    }
    c.decidedMs = times.decidedMs;
    const open = openEpisodeOn(child, decidedDay);
    if (open) {
      c.episode = open;
      c.decision = decision === 'referral' || decision === 'strategy_discussion' ? 'referral' : decision;
      c.rationale = 'Information shared with the allocated social worker; the child’s episode is already open.';
      continue;
    }
    c.decision = decision;
    c.rationale = rationale(rng, decision);
    if (decision === 'early_help') startEarlyHelp(rng, child, decidedDay);
    if (decision !== 'referral' && decision !== 'strategy_discussion') continue;
    template ??= makeTemplate(rng, kind, sev, decidedDay, decision);
    if (birthday(child.dob, 18) <= mustBeChildUntil(template, g.today)) {
      c.decision = 'advice';
      c.rationale = 'Young person is nearly 18: advice given and signposted to adult services.';
      continue;
    }
    closeEarlyHelpForReferral(child, decidedDay);
    const ep = instantiate(g, fam, child, template, c, homePostcodeOn(fam, decidedDay), rng);
    c.episode = ep;
    child.episodes.push(ep);
    child.busyUntil = ep.closure;
    if (ep.closureReason === 'RC9' && template.earlyHelpFrom !== null) startEarlyHelp(rng, child, ep.closure);
    linkedContacts(g, fam, rng, child, ep);
    latest = Math.max(latest, ep.closure);
    referred.push(child);
  }
  return { latest, referred };
}

const KIND = weighted<ConcernKind>([['family', 44], ['child', 32], ['teen', 17], ['baby', 7]]);

/** A family's concerns from its first contact to today. */
export function simulateFamily(g: GenContext, fam: FamilySim, firstDay: number): void {
  const rng = fam.rng;
  let day = firstDay;
  let kind: ConcernKind = fam.children.some((c) => c.disabled) && rng.chance(0.35) ? 'disability' : KIND.sample(rng);
  let focus: ChildSim[] | null = null;
  const births = fam.children.filter((c) => c.dob > firstDay).sort((a, b) => a.dob - b.dob);
  let bi = 0;
  /** A baby born into a family known to children's social care: often a concern soon after the birth (pre-birth assessments are not simulated). */
  let lastDay = firstDay;
  const birthConcerns = (until: number) => {
    while (bi < births.length && births[bi]!.dob + 45 < until) {
      const baby = births[bi++]!;
      if (baby.contacts.length > 0) continue;
      const known = fam.children.some((c) => c.episodes.some((e) => e.cps.length > 0 || e.period !== null));
      const at = Math.max(lastDay, baby.dob + rng.int(0, 45));
      if (at <= g.today && rng.chance(known ? 0.6 : 0.07)) {
        processConcern(g, fam, rng, at, 'baby', [baby]);
        lastDay = at;
      }
    }
  };
  for (let guard = 0; guard < 40 && day <= g.today; guard++) {
    birthConcerns(day);
    day = Math.max(day, lastDay);
    const res = processConcern(g, fam, rng, day, kind, focus);
    lastDay = day;
    const r = rng.float();
    focus = null;
    if (res.referred.length > 0) {
      // Families whose case closed quickly are often back within the year (re-referrals).
      const soon = res.latest - day < 150 ? RETURN_AFTER_EPISODE.short : RETURN_AFTER_EPISODE.long;
      if (r < soon) {
        day = res.latest + rng.int(14, 240);
        if (rng.chance(0.85)) focus = res.referred;
      } else if (r < soon + RETURN_AFTER_EPISODE.later) day = res.latest + 365 + Math.round(rng.exp(800));
      else break;
    } else if (r < RETURN_AFTER_CONTACT.soon) day = day + rng.int(14, 330);
    else if (r < RETURN_AFTER_CONTACT.soon + RETURN_AFTER_CONTACT.later) day = day + 365 + Math.round(rng.exp(800));
    else break;
    kind = KIND.sample(rng);
  }
  birthConcerns(g.today + 46);
}

/** Chance that a family comes back to the front door within a year (after a short or a long episode, or after a contact only), and later. */
export const RETURN_AFTER_EPISODE = { short: 0.8, long: 0.35, later: 0.15 };
export const RETURN_AFTER_CONTACT = { soon: 0.3, later: 0.3 };

// ---- unaccompanied children -----------------------------------------------------------------------

const UASC_COUNTRIES = weighted([['Afghanistan', 24], ['Eritrea', 16], ['Sudan', 16], ['Iran', 10], ['Iraq', 8], ['Albania', 8], ['Vietnam', 7], ['Syria', 6], ['Ethiopia', 5]]);

export function newUascFamily(_g: GenContext, idx: number, rng: Rng, day: number): FamilySim {
  const country = UASC_COUNTRIES.sample(rng);
  const names = UASC_NAMES[country]!;
  const age = weighted([[13, 4], [14, 12], [15, 32], [16, 38], [17, 14]]).sample(rng);
  const sex = rng.chance(0.92) ? 'M' : 'F';
  const familyNameStr = rng.pick(names.family);
  const dob = day - age * 365 - rng.int(0, 300);
  const child: ChildSim = {
    id: rng.uuid(),
    given: rng.pick(sex === 'M' ? names.male : names.female),
    family: familyNameStr,
    sex,
    dob,
    ethnicity: names.ethnicity,
    origin: 'gb',
    idx: 0,
    disabled: false,
    disabilityCodes: [],
    uasc: true,
    nationality: country,
    busyUntil: -Infinity,
    contacts: [],
    episodes: [],
    earlyHelp: [],
    laChildNumber: 0,
  };
  return { idx, rng, uasc: true, legacy: false, origin: 'gb', familyName: familyNameStr, ethnicity: names.ethnicity, addresses: [], otherParentAddress: null, adults: [], children: [child], kinship: null };
}

export function simulateUasc(g: GenContext, fam: FamilySim, day: number): void {
  processConcern(g, fam, fam.rng, day, 'uasc');
}

// ---- children looked after since before the warm-up ----------------------------------------------

const LEGACY_AGE = weighted([[0, 19], [1, 4], [2, 4], [3, 4], [4, 3], [5, 3.2], [6, 3.2], [7, 3.2], [8, 3.2], [9, 3.2], [10, 4.5], [11, 5], [12, 5.5], [13, 5.5], [14, 5.5], [15, 5], [16, 11], [17, 8]]);

function legacyRoute(rng: Rng, age: number): Route {
  if (age < 1) return weighted<Route>([['proceedings', 60], ['police', 15], ['epo', 15], ['s20', 10]]).sample(rng);
  if (age < 10) return weighted<Route>([['proceedings', 55], ['police', 15], ['epo', 10], ['s20', 20]]).sample(rng);
  if (age < 16) return weighted<Route>([['s20', 50], ['proceedings', 30], ['police', 15], ['remand', 5]]).sample(rng);
  return weighted<Route>([['s20', 78], ['remand', 5], ['police', 10], ['proceedings', 7]]).sample(rng);
}

/**
 * A child who became looked after before the warm-up: the family, the referral that opened the
 * episode, and the period of care. Kept only if still looked after, or a care leaver, in the window.
 */
export function legacyFamily(g: GenContext, idx: number, rng: Rng, entry: number, uasc: boolean): FamilySim {
  let fam: FamilySim;
  let route: Route;
  if (uasc) {
    fam = newUascFamily(g, idx, rng, entry);
    route = 'uasc';
  } else {
    const age = LEGACY_AGE.sample(rng);
    fam = newFamily(g, idx, rng, entry, { legacy: true, singleChildAge: age });
    route = legacyRoute(rng, age);
  }
  fam.legacy = true;
  const child = fam.children[0]!;
  const kind: ConcernKind = uasc ? 'uasc' : ageOn(child.dob, entry) >= 11 ? 'teen' : ageOn(child.dob, entry) < 1 ? 'baby' : 'child';
  const refDay = route === 'police' || route === 'epo' || route === 'uasc' || route === 'remand' ? entry : Math.max(child.dob, entry - rng.int(15, 90));
  const source = SOURCES[kind].sample(rng);
  const times = frontDoorTimes(rng, refDay, 'high', source);
  const decidedDay = londonDayOf(new Date(times.decidedMs));
  const contact = newContact(g, rng, times, source, kind, child, fam);
  contact.decision = 'referral';
  contact.decidedMs = times.decidedMs;
  contact.rationale = rationale(rng, contact.decision);
  child.contacts.push(contact);
  const careDay = Math.max(entry, decidedDay);
  const aStart = decidedDay;
  const aEnd = Math.max(careDay, addWD(aStart, rng.int(15, 40)));
  const t: Template = {
    kind,
    refDay: decidedDay,
    referralDecision: 'assessment',
    decidedOn: decidedDay,
    need: uasc ? 'N8' : route === 'remand' ? 'N6' : weighted([['N1', 65], ['N4', 12], ['N5', 12], ['N3', 5], ['N8', 6]]).sample(rng),
    assessments: [{ start: aStart, end: aEnd, outcome: 'looked_after' }],
    strategies: [],
    cps: [],
    cins: [],
    care: { day: careDay, route },
    closure: { day: careDay, reason: 'RC7' },
    phases: [{ day: decidedDay, service: uasc ? 'cic' : 'assessment' }],
    earlyHelpFrom: null,
    cwd: false,
  };
  const ep = instantiate(g, fam, child, t, contact, homePostcodeOn(fam, careDay), rng);
  contact.episode = ep;
  child.episodes.push(ep);
  child.busyUntil = ep.closure;
  linkedContacts(g, fam, rng, child, ep);
  return fam;
}

