/**
 * Pure checks of a generated authority, child by child: the journey is coherent and every statutory
 * cadence is met, apart from the labelled faults. They use domain/time (not the generator's own
 * calendar) so that they check the generator independently.
 *
 * Recurring records start at the history start ("records begin"): a duty whose clock was running
 * then must be met within one interval of it.
 */
import type { Batch, Row } from './batches.js';
import { isValidNhsNumber, isValidUpn } from './identifiers.js';
import { lacVisitInterval, visitResets } from './schedule.js';
import { addMonths, addWorkingDays, BANK_HOLIDAY_YEARS, isWorkingDay, parsePlainDate, toDayNumber, fromDayNumber, type PlainDate } from '../domain/time/index.js';

export interface Violation {
  personId: string;
  table: string;
  recordId: string | null;
  rule: string;
  message: string;
}

export interface InvariantContext {
  today: string;
  historyStart: string;
  /** The authority's own postcode area (e.g. 'HH'): own provision (PR1) must be placed there (903 rule 1015). */
  ownPostcodeArea?: string;
}

export type ChildRows = Map<string, Row[]>;

const CHILD_KEYED = new Set([
  'addresses', 'relationships', 'disabilities', 'immigration_statuses', 'early_help_episodes', 'cin_episodes', 'contacts', 'allocations', 'assessments',
  'strategy_discussions', 's47_enquiries', 'initial_cp_conferences', 'cp_plans', 'cp_reviews', 'core_groups', 'cin_plans', 'cin_plan_reviews', 'visits',
  'periods_of_care', 'legal_statuses', 'placements', 'cla_reviews', 'health_checks', 'immunisations', 'sdq_scores', 'peps', 'missing_episodes', 'care_plans',
  'permanence', 'previous_permanence', 'cla_outcome_events', 'care_leavers', 'pathway_plans', 'care_leaver_contacts', 'supervision_children', 'synthetic_faults',
]);

/** Groups child rows by person (contact ratings and placement costs follow their parent row). */
export function groupByChild(batches: Iterable<Batch>): Map<string, ChildRows> {
  const children = new Map<string, ChildRows>();
  const owner = new Map<string, string>();
  const adults = new Set<string>();
  const add = (person: string, table: string, row: Row) => {
    let c = children.get(person);
    if (!c) {
      c = new Map();
      children.set(person, c);
    }
    let list = c.get(table);
    if (!list) {
      list = [];
      c.set(table, list);
    }
    list.push(row);
  };
  for (const b of batches) {
    for (const r of b.rows) {
      if (b.table === 'people') {
        if (r['is_child']) add(r['id'] as string, 'people', r);
        else adults.add(r['id'] as string);
      } else if (CHILD_KEYED.has(b.table)) {
        const person = r['person_id'] as string;
        if (b.table === 'contacts' || b.table === 'placements') owner.set(r['id'] as string, person);
        add(person, b.table, r);
      } else if (b.table === 'contact_rag_ratings') {
        add(owner.get(r['contact_id'] as string) ?? 'unknown', b.table, r);
      } else if (b.table === 'placement_costs') {
        add(owner.get(r['placement_id'] as string) ?? 'unknown', b.table, r);
      }
    }
  }
  for (const a of adults) children.delete(a);
  return children;
}

// ---- dates ---------------------------------------------------------------------------------------

type D = number;
const day = (s: unknown): D => toDayNumber(parsePlainDate(s as string));
const iso = (d: D) => fromDayNumber(d);
const FIRST = toDayNumber(`${BANK_HOLIDAY_YEARS.first}-01-01` as PlainDate);
const LAST = toDayNumber(`${BANK_HOLIDAY_YEARS.last}-12-31` as PlainDate) - 400;
const covered = (...ds: D[]) => ds.every((d) => d >= FIRST && d <= LAST);
const wd = (d: D, n: number): D => toDayNumber(addWorkingDays(iso(d), n));
const months = (d: D, n: number): D => toDayNumber(addMonths(iso(d), n));
const opt = (s: unknown): D | null => (s === null || s === undefined ? null : day(s));
const INF = Number.MAX_SAFE_INTEGER;
const endOr = (s: unknown): D => (s === null ? INF : day(s));
const ageOn = (dob: D, d: D) => {
  const b = iso(dob);
  const x = iso(d);
  let a = Number(x.slice(0, 4)) - Number(b.slice(0, 4));
  if (x.slice(5) < b.slice(5)) a--;
  return a;
};
const birthday = (dob: D, years: number) => months(dob, 12 * years);
const londonDay = (instant: Date): D => toDayNumber(parsePlainDate(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant)));
const byDate = (key: string) => (a: Row, b: Row) => (a[key] as string).localeCompare(b[key] as string);
const overlaps = (a0: D, a1: D, b0: D, b1: D) => a0 < b1 && b0 < a1;

const SW_REASONS = new Set(['MANAGE', 'FCONTA', 'LEFTRL', 'ORGRST', 'TSPROC', 'ABSENC', 'CHCHAN', 'PCCHAN', 'SWDIED', 'OTHERS']);
const LEGAL = new Set(['C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3']);
const URN_REQUIRED = /^(A[3-6]|K[123]|S1|U[1-6])$/;
const URN_FORBIDDEN = /^(P1|P3|R1|R2|R5|T[0-4])$/;
const K3_FROM = toDayNumber('2024-04-01' as PlainDate);
const H5_LAST = toDayNumber('2025-04-01' as PlainDate);

/**
 * Checks one child's rows. `faultIds` are record ids labelled in synthetic_faults: violations on them
 * are not reported.
 */
export function checkChild(personId: string, rows: ChildRows, ctx: InvariantContext, faultIds: ReadonlySet<string> = new Set()): Violation[] {
  const out: Violation[] = [];
  const T = day(ctx.today);
  const H = day(ctx.historyStart);
  const get = (t: string) => rows.get(t) ?? [];
  const v = (table: string, recordId: string | null, rule: string, message: string) => {
    if (recordId !== null && faultIds.has(recordId)) return;
    out.push({ personId, table, recordId, rule, message });
  };
  const person = get('people')[0];
  if (!person) {
    v('people', personId, 'person-exists', 'rows for a person with no people row');
    return out;
  }
  const dob = day(person['date_of_birth']);
  checkPerson(person, T, v, dob);
  checkEpisodes(rows, T, H, v);
  checkContacts(rows, v);
  checkPlans(rows, T, H, v, dob);
  checkCare(rows, T, H, v, dob, ctx.ownPostcodeArea);
  checkLeavers(rows, T, H, v, dob);
  checkAllocations(rows, T, v);
  return out;
}

type Report = (table: string, recordId: string | null, rule: string, message: string) => void;

function checkPerson(p: Row, T: D, v: Report, dob: D): void {
  const id = p['id'] as string;
  if (!/^[A-Za-z0-9]{1,20}$/.test(String(p['la_child_id']))) v('people', id, 'la-child-id', `LA child ID ${p['la_child_id']} is not 1-20 alphanumerics`);
  if (p['upn'] !== null && !isValidUpn(p['upn'] as string)) v('people', id, 'upn-check-letter', `UPN ${p['upn']} has a wrong check letter`);
  if (p['upn'] === null && p['upn_unknown_reason'] === null) v('people', id, 'upn-or-reason', 'no UPN and no reason');
  if (p['upn_unknown_reason'] === 'UN1' && ageOn(dob, T) >= 6) v('people', id, 'upn-un1-school-age', 'UN1 for a school-age child');
  if (p['nhs_number'] !== null && !isValidNhsNumber(p['nhs_number'] as string)) v('people', id, 'nhs-check-digit', `NHS number ${p['nhs_number']} fails modulus 11`);
  if (!['M', 'F', 'U'].includes(p['sex'] as string)) v('people', id, 'sex', 'sex not M/F/U');
  if (dob > T) v('people', id, 'dob-future', 'date of birth after today');
}

function checkEpisodes(rows: ChildRows, T: D, H: D, v: Report): void {
  const eps = [...(rows.get('cin_episodes') ?? [])].sort(byDate('referral_date'));
  let open = 0;
  for (let i = 0; i < eps.length; i++) {
    const e = eps[i]!;
    const id = e['id'] as string;
    const ref = day(e['referral_date']);
    const close = opt(e['closure_date']);
    if ((close === null) !== (e['closure_reason'] === null)) v('cin_episodes', id, 'closure-and-reason', 'closure date and reason must both be present or absent');
    if (close !== null && close < ref) v('cin_episodes', id, 'closure-after-referral', 'closed before referral');
    if (close === null) open++;
    if (i > 0) {
      const prev = eps[i - 1]!;
      const prevEnd = endOr(prev['closure_date']);
      if (prevEnd > ref) v('cin_episodes', id, 'episodes-overlap', `episode referred ${e['referral_date']} overlaps the episode referred ${prev['referral_date']} (CIN rule 8820)`);
    }
    const decided = opt(e['referral_decided_on']);
    if (decided !== null && covered(ref) && (decided < ref || decided > wd(ref, 1))) v('cin_episodes', id, 'referral-decision-1wd', 'referral decision not within 1 working day');
    if ((e['closure_reason'] === 'RC8' || e['closure_reason'] === 'RC9') && hasActivity(rows, id)) v('cin_episodes', id, 'rc8-rc9-activity', 'S47, CP or CIN plan on an episode closed after assessment (CIN rule 2990)');
  }
  if (open > 1) v('cin_episodes', null, 'one-open-episode', `${open} open episodes (CIN rule 8815)`);
  void T;
  void H;
}

function hasActivity(rows: ChildRows, episodeId: string): boolean {
  for (const t of ['s47_enquiries', 'cp_plans', 'cin_plans', 'initial_cp_conferences']) if ((rows.get(t) ?? []).some((r) => r['cin_episode_id'] === episodeId)) return true;
  return false;
}

function episodeOf(rows: ChildRows, id: unknown): Row | undefined {
  return (rows.get('cin_episodes') ?? []).find((e) => e['id'] === id);
}

function checkContacts(rows: ChildRows, v: Report): void {
  const ratings = new Map<string, Row[]>();
  for (const r of rows.get('contact_rag_ratings') ?? []) {
    const list = ratings.get(r['contact_id'] as string) ?? [];
    list.push(r);
    ratings.set(r['contact_id'] as string, list);
  }
  for (const c of rows.get('contacts') ?? []) {
    const id = c['id'] as string;
    const received = (c['received_at'] as Date).getTime();
    const decided = c['decided_at'] as Date | null;
    if ((c['decision'] === null) !== (decided === null)) v('contacts', id, 'decision-and-time', 'decision and decided_at must both be present or absent');
    if (decided && decided.getTime() < received) v('contacts', id, 'decided-after-received', 'decided before it was received');
    const rs = (ratings.get(id) ?? []).sort((a, b) => (a['rated_at'] as Date).getTime() - (b['rated_at'] as Date).getTime());
    if (decided && rs.length === 0) v('contacts', id, 'rag-before-decision', 'decided without a RAG rating');
    for (const r of rs) {
      const at = (r['rated_at'] as Date).getTime();
      if (at < received || (decided && at > decided.getTime())) v('contacts', id, 'rag-times', 'RAG rating outside receipt..decision');
    }
    if (decided && rs.length > 0) {
      const current = rs[rs.length - 1]!;
      const from = rs.length === 1 ? received : (current['rated_at'] as Date).getTime();
      const hours = ({ red: 4, amber: 24, green: 72 } as Record<string, number>)[current['rating'] as string]!;
      if (decided.getTime() > from + hours * 3_600_000) v('contacts', id, 'rag-clock', `MASH decision after the ${current['rating']} clock`);
    }
    if (c['decision'] === 'referral' || c['decision'] === 'strategy_discussion') {
      const ep = episodeOf(rows, c['cin_episode_id']);
      if (!ep) {
        v('contacts', id, 'referral-links-episode', 'a contact that became a referral is not linked to its episode');
        continue;
      }
      const dd = londonDay(decided!);
      const ref = day(ep['referral_date']);
      const close = endOr(ep['closure_date']);
      if (ref > dd || (close <= dd && ref !== dd)) v('contacts', id, 'referral-episode-open', `linked episode (referred ${ep['referral_date']}) was not open when the contact was decided`);
    }
  }
}

/** A recurring duty: each event on or before its due day; the next falls due from the event. */
function cadenceCheck(events: { id: string; d: D }[], firstDue: D, next: (d: D) => D, endAt: D, table: string, rule: string, what: string, v: Report, guard: (d: D) => boolean = () => true): void {
  let due = firstDue;
  for (const e of events) {
    if (e.d >= endAt) break;
    if (guard(e.d) && e.d > due) v(table, e.id, rule, `${what} on ${iso(e.d)} was due by ${iso(due)}`);
    due = Math.max(due, next(e.d));
  }
  if (guard(due) && due < endAt) v(table, null, `${rule}-overdue`, `${what} due by ${iso(due)} was not held before ${iso(endAt)}`);
}

function checkPlans(rows: ChildRows, T: D, H: D, v: Report, dob: D): void {
  const eps = new Map((rows.get('cin_episodes') ?? []).map((e) => [e['id'] as string, e]));
  const inside = (table: string, r: Row, start: D, end: D | null) => {
    const e = eps.get(r['cin_episode_id'] as string);
    if (!e) return v(table, r['id'] as string, 'episode-exists', 'linked episode missing');
    const ref = day(e['referral_date']);
    const close = opt(e['closure_date']);
    if (start < ref || (close !== null && (end === null || end > close))) v(table, r['id'] as string, 'inside-episode', `${iso(start)}..${end === null ? 'open' : iso(end)} is not inside its episode ${e['referral_date']}..${e['closure_date'] ?? 'open'}`);
  };
  const assessments = rows.get('assessments') ?? [];
  for (const a of assessments) {
    const id = a['id'] as string;
    const start = day(a['start_date']);
    const auth = opt(a['authorised_date']);
    const e = eps.get(a['cin_episode_id'] as string);
    inside('assessments', a, start, auth ?? (e && e['closure_date'] !== null ? day(e['closure_date']) : null));
    if (auth !== null && auth < start) v('assessments', id, 'authorised-after-start', 'authorised before it started');
    if (auth === null && e && e['closure_date'] !== null) v('assessments', id, 'closed-episode-assessment-complete', 'episode closed with the assessment unauthorised (CIN rule 8867)');
    if (auth === null && covered(start, T) && T > wd(start, 80)) v('assessments', id, 'assessment-unauthorised-too-long', `assessment started ${a['start_date']} still not authorised`);
    const f = a['factors'] as string[];
    if (new Set(f).size !== f.length || (f.includes('21') && f.length > 1)) v('assessments', id, 'factors', 'duplicate factors, or 21 with others');
  }
  for (const list of groupBy(assessments, 'cin_episode_id').values()) {
    list.sort(byDate('start_date'));
    for (let i = 1; i < list.length; i++) if (day(list[i]!['start_date']) <= endOr(list[i - 1]!['authorised_date'])) v('assessments', list[i]!['id'] as string, 'assessments-overlap', 'assessment starts while another is open (CIN 8863Q)');
  }
  const sds = new Map((rows.get('strategy_discussions') ?? []).map((s) => [s['id'] as string, s]));
  for (const sd of sds.values()) inside('strategy_discussions', sd, day(sd['discussion_date']), day(sd['discussion_date']));
  const s47s = rows.get('s47_enquiries') ?? [];
  for (const s of s47s) {
    const id = s['id'] as string;
    const sd = sds.get(s['strategy_discussion_id'] as string);
    if (!sd || sd['discussion_date'] !== s['start_date'] || sd['decision'] !== 's47') v('s47_enquiries', id, 's47-starts-at-strategy', 'section 47 enquiry does not start on its strategy discussion date');
    const end = opt(s['end_date']);
    inside('s47_enquiries', s, day(s['start_date']), end);
    if (end !== null && end < day(s['start_date'])) v('s47_enquiries', id, 's47-dates', 'ends before it starts');
  }
  for (const list of groupBy(s47s, 'cin_episode_id').values()) {
    list.sort(byDate('start_date'));
    for (let i = 1; i < list.length; i++) if (day(list[i]!['start_date']) <= endOr(list[i - 1]!['end_date'])) v('s47_enquiries', list[i]!['id'] as string, 's47-overlap', 'section 47 enquiry starts while another is open (CIN 8890)');
  }
  const icpcs = new Map((rows.get('initial_cp_conferences') ?? []).map((c) => [c['id'] as string, c]));
  for (const c of icpcs.values()) {
    const id = c['id'] as string;
    const date = day(c['conference_date']);
    inside('initial_cp_conferences', c, date, date);
    const s47 = s47s.find((s) => s['id'] === c['s47_enquiry_id']);
    if (!s47 && !c['transfer_in']) v('initial_cp_conferences', id, 'icpc-follows-s47', 'conference with no section 47 enquiry and not a transfer-in');
    if (s47) {
      if (date < day(s47['start_date'])) v('initial_cp_conferences', id, 'icpc-after-s47', 'conference before the section 47 enquiry started');
      const sd = sds.get(s47['strategy_discussion_id'] as string);
      if (sd && covered(day(sd['discussion_date'])) && c['target_date'] !== iso(wd(day(sd['discussion_date']), 15))) v('initial_cp_conferences', id, 'icpc-target', 'target date is not 15 working days after the strategy discussion');
    }
    if (covered(date) && !isWorkingDay(iso(date))) v('initial_cp_conferences', id, 'icpc-working-day', 'conference on a weekend or bank holiday (CIN 8875)');
  }
  const visits = (rows.get('visits') ?? []).map((x) => ({ id: x['id'] as string, d: day(x['visit_date']) })).sort((a, b) => a.d - b.d);
  const visitsFrom = (from: D) => visits.filter((x) => x.d > from || (x.d === from && from >= H));
  const cps = [...(rows.get('cp_plans') ?? [])].sort(byDate('start_date'));
  const cins = [...(rows.get('cin_plans') ?? [])].sort(byDate('start_date'));
  const reviews = groupBy(rows.get('cp_reviews') ?? [], 'cp_plan_id');
  const cores = groupBy(rows.get('core_groups') ?? [], 'cp_plan_id');
  for (let i = 0; i < cps.length; i++) {
    const p = cps[i]!;
    const id = p['id'] as string;
    const start = day(p['start_date']);
    const end = opt(p['end_date']);
    const stop = end ?? T + 1;
    inside('cp_plans', p, start, end);
    const icpc = p['icpc_id'] ? icpcs.get(p['icpc_id'] as string) : undefined;
    if (!icpc || icpc['conference_date'] !== p['start_date'] || !icpc['plan_required']) v('cp_plans', id, 'cp-starts-at-icpc', 'CP plan does not start on its initial conference date');
    if (end !== null && end <= start) v('cp_plans', id, 'cp-dates', 'CP plan ends on or before its start (CIN 8840)');
    if (i > 0 && overlaps(day(cps[i - 1]!['start_date']), endOr(cps[i - 1]!['end_date']), start, stop)) v('cp_plans', id, 'cp-overlap', 'CP plans overlap');
    for (const c of cins) if (overlaps(day(c['start_date']), endOr(c['end_date']), start, end ?? INF)) v('cin_plans', c['id'] as string, 'cin-cp-overlap', 'CIN plan overlaps a CP plan (CIN rule 4001)');
    const rs = (reviews.get(id) ?? []).sort(byDate('review_date'));
    let due = months(start, 3);
    for (const r of rs) {
      const d = day(r['review_date']);
      if (d <= start || (end !== null && d > end)) v('cp_reviews', r['id'] as string, 'cp-review-in-plan', 'review outside its plan (CIN 8841)');
      if (d > due) v('cp_reviews', r['id'] as string, 'cp-review-on-time', `review on ${r['review_date']} was due by ${iso(due)}`);
      due = months(d, 6);
    }
    if (end !== null) {
      const last = rs[rs.length - 1];
      if (!last || last['review_date'] !== p['end_date'] || last['continue_plan'] !== false) v('cp_plans', id, 'cp-ends-at-review', 'CP plan does not end at a review conference that ended it');
    } else if (due < T) v('cp_plans', id, 'cp-review-overdue', `review conference due by ${iso(due)} not held`);
    if (covered(Math.max(start, H))) {
      const from = Math.max(start, H);
      const coreEvents = (cores.get(id) ?? []).map((x) => ({ id: x['id'] as string, d: day(x['meeting_date']) })).sort((a, b) => a.d - b.d);
      cadenceCheck(coreEvents, start >= H ? wd(start, 10) : wd(H, 20), (d) => wd(d, 20), Math.min(stop, T + 1), 'core_groups', 'core-group-20wd', 'core group', v, covered);
      cadenceCheck(visitsFrom(from), start >= H ? wd(start, 10) : wd(H, 10), (d) => wd(d, 10), Math.min(stop, T + 1), 'visits', 'cp-visit-10wd', 'CP visit', v, covered);
    }
  }
  const cinReviews = groupBy(rows.get('cin_plan_reviews') ?? [], 'cin_plan_id');
  for (let i = 0; i < cins.length; i++) {
    const p = cins[i]!;
    const id = p['id'] as string;
    const start = day(p['start_date']);
    const end = opt(p['end_date']);
    const stop = end ?? T + 1;
    inside('cin_plans', p, start, end);
    if (i > 0 && overlaps(day(cins[i - 1]!['start_date']), endOr(cins[i - 1]!['end_date']), start, stop)) v('cin_plans', id, 'cin-overlap', 'CIN plans overlap (CIN 4014)');
    let due = months(start, 3);
    for (const r of (cinReviews.get(id) ?? []).sort(byDate('review_date'))) {
      const d = day(r['review_date']);
      if (d > due) v('cin_plan_reviews', r['id'] as string, 'cin-review-3-months', `CIN review on ${r['review_date']} was due by ${iso(due)}`);
      due = months(d, 3);
    }
    if (due < Math.min(stop, T)) v('cin_plans', id, 'cin-review-overdue', `CIN plan review due by ${iso(due)} not held`);
    const from = Math.max(start, H);
    if (covered(from) && from < stop) cadenceCheck(visitsFrom(from), start >= H ? wd(start, 20) : wd(H, 20), (d) => wd(d, 20), Math.min(stop, T + 1), 'visits', 'cin-visit-20wd', 'CIN visit', v, covered);
  }
  void dob;
}

function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const k = r[key] as string;
    const list = m.get(k) ?? [];
    list.push(r);
    m.set(k, list);
  }
  return m;
}

function tiles(table: string, segs: Row[], start: D, end: D | null, v: Report, what: string): void {
  if (segs.length === 0) return v(table, null, `${what}-tiles`, `period has no ${what}`);
  if (day(segs[0]!['start_date']) !== start) v(table, segs[0]!['id'] as string, `${what}-tiles`, `first ${what} does not start with the period`);
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const sEnd = opt(s['end_date']);
    if (sEnd !== null && sEnd <= day(s['start_date'])) v(table, s['id'] as string, `${what}-length`, `${what} shorter than a day`);
    const next = segs[i + 1];
    if (next && (sEnd === null || day(next['start_date']) !== sEnd)) v(table, next['id'] as string, `${what}-tiles`, `gap or overlap between ${what}s`);
    if (!next && sEnd !== end) v(table, s['id'] as string, `${what}-tiles`, `last ${what} does not end with the period`);
  }
}

function checkCare(rows: ChildRows, T: D, H: D, v: Report, dob: D, ownArea?: string): void {
  const periods = [...(rows.get('periods_of_care') ?? [])].sort(byDate('start_date'));
  const legal = groupBy(rows.get('legal_statuses') ?? [], 'period_of_care_id');
  const placements = groupBy(rows.get('placements') ?? [], 'period_of_care_id');
  const visits = (rows.get('visits') ?? []).map((x) => ({ id: x['id'] as string, d: day(x['visit_date']) })).sort((a, b) => a.d - b.d);
  const reviews = groupBy(rows.get('cla_reviews') ?? [], 'period_of_care_id');
  const health = (rows.get('health_checks') ?? []).filter((h) => h['check_type'] !== 'dental_check').map((h) => ({ id: h['id'] as string, d: day(h['check_date']), type: h['check_type'] as string })).sort((a, b) => a.d - b.d);
  const dental = (rows.get('health_checks') ?? []).filter((h) => h['check_type'] === 'dental_check').map((h) => ({ id: h['id'] as string, d: day(h['check_date']) })).sort((a, b) => a.d - b.d);
  const b18 = birthday(dob, 18);
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i]!;
    const id = p['id'] as string;
    const start = day(p['start_date']);
    const end = opt(p['end_date']);
    const stop = end ?? T + 1;
    const rec = p['reason_ended'] as string | null;
    if ((end === null) !== (rec === null)) v('periods_of_care', id, 'period-end-and-reason', 'end date and reason must both be present or absent');
    if (i > 0 && endOr(periods[i - 1]!['end_date']) > start) v('periods_of_care', id, 'periods-overlap', 'periods of care overlap');
    if (!/^N[1-8]$/.test(p['category_of_need'] as string)) v('periods_of_care', id, 'category-of-need', 'category of need not N1-N8');
    if (start < dob || ageOn(dob, start) >= 18) v('periods_of_care', id, 'start-age', 'period starts before birth or at 18+ (903 rules 302/352)');
    if (end !== null && end > b18) v('periods_of_care', id, 'end-by-18', 'looked after past the 18th birthday');
    if (end !== null && rec) {
      const age = ageOn(dob, end);
      if (rec === 'E17' && age < 18) v('periods_of_care', id, 'e17-age', 'E17 under 18 (903 rule 460)');
      if (['E11', 'E12', 'E45', 'E46', 'E47', 'E48'].includes(rec) && age >= 18) v('periods_of_care', id, 'adopted-sgo-age', `${rec} at 18+ (903 rules 386/407)`);
      if ((rec === 'E5' || rec === 'E6') && age < 14) v('periods_of_care', id, 'e5-e6-age', `${rec} under 14 (903 rule 387)`);
      if (rec === 'E7' && age < 16) v('periods_of_care', id, 'e7-age', 'E7 under 16 (903 rule 389)');
      if (rec === 'X1') v('periods_of_care', id, 'no-x1', 'a period cannot end with X1');
    }
    const ls = [...(legal.get(id) ?? [])].sort(byDate('start_date'));
    tiles('legal_statuses', ls, start, end, v, 'legal status');
    for (const l of ls) {
      const code = l['code'] as string;
      if (!LEGAL.has(code)) v('legal_statuses', l['id'] as string, 'legal-status-code', `unknown legal status ${code}`);
      const len = endOr(l['end_date']) - day(l['start_date']);
      if ((code === 'L1' && len > 3) || (code === 'L2' && len > 21) || (code === 'L3' && len > 7)) v('legal_statuses', l['id'] as string, 'emergency-duration', `${code} lasted ${len} days (903 rules 361-363)`);
    }
    const pls = [...(placements.get(id) ?? [])].sort(byDate('start_date'));
    tiles('placements', pls, start, end, v, 'placement');
    if (pls.length > 0 && String(pls[0]!['placement_type']).startsWith('T')) v('placements', pls[0]!['id'] as string, 'no-temporary-start', 'period starts with a temporary placement (903 rule 380)');
    if (end !== null && pls.length > 0 && String(pls[pls.length - 1]!['placement_type']).startsWith('T')) v('placements', pls[pls.length - 1]!['id'] as string, 'no-temporary-end', 'period ends with a temporary placement (903 rule 381)');
    for (let k = 0; k < pls.length; k++) {
      const pl = pls[k]!;
      const pid = pl['id'] as string;
      const type = pl['placement_type'] as string;
      const prov = pl['provider'] as string | null;
      const pStart = day(pl['start_date']);
      const pEnd = endOr(pl['end_date']);
      const age = ageOn(dob, pStart);
      const temp = type.startsWith('T');
      if (temp && prov !== null) v('placements', pid, 'temporary-no-provider', 'provider recorded for a temporary placement (903 rule 213)');
      if (!temp && prov === null) v('placements', pid, 'provider-required', 'no placement provider (903 rule 526)');
      if ((type === 'P1') !== (prov === 'PR0')) v('placements', pid, 'pr0-p1', 'PR0 is only for P1 (903 rule 550)');
      if ((prov === 'PR1' || prov === 'PR2') && /^(P1|R2|R5)$/.test(type)) v('placements', pid, 'provider-compatible', `${prov} with ${type} (903 rules 527/528)`);
      if (prov === 'PR3' && /^(P1|A[3-6]|K[12]|U[1-6])$/.test(type)) v('placements', pid, 'provider-compatible', `PR3 with ${type} (903 rule 529)`);
      if ((prov === 'PR4' || prov === 'PR5') && type === 'P1') v('placements', pid, 'provider-compatible', `${prov} with P1 (903 rules 530/531)`);
      if (ownArea && prov === 'PR1' && !new RegExp(`^${ownArea}[0-9]`).test(String(pl['postcode']))) v('placements', pid, 'own-provision-in-area', `own provision placed outside the authority, at ${pl['postcode']} (903 rule 1015)`);
      if ((type === 'K3' && age < 16) || (type === 'R5' && age < 10) || (type === 'S1' && age < 4) || (type === 'P3' && age < 14)) v('placements', pid, 'placement-age', `${type} at age ${age} (903 rules 371-374)`);
      if (type === 'K3' && pStart < K3_FROM) v('placements', pid, 'placement-code-date', 'K3 before 2024-25');
      if (type === 'H5' && Math.min(pEnd, T + 1) > H5_LAST) v('placements', pid, 'placement-code-date', 'H5 after 2024-25');
      if (type === 'P2' || type === 'Z1') v('placements', pid, 'placement-code-date', `${type} is no longer valid`);
      if (URN_REQUIRED.test(type) && !pl['urn']) v('placements', pid, 'urn-required', `${type} without a URN (903 rule 218)`);
      if (URN_FORBIDDEN.test(type) && pl['urn']) v('placements', pid, 'urn-not-allowed', `${type} with a URN (903 rule 222)`);
      const tLen = Math.min(pEnd, T) - pStart;
      if (type === 'T1' && tLen > 42) v('placements', pid, 'temporary-length', 'T1 longer than 6 weeks (903 rule 375)');
      if (type === 'T3' && tLen > 21) v('placements', pid, 'temporary-length', 'T3 longer than 3 weeks (903 rule 376)');
      if (type === 'T4' && tLen > 7) v('placements', pid, 'temporary-length', 'T4 longer than 7 days (903 rule 379)');
      if (temp && k > 0 && k + 1 < pls.length) {
        const before = pls[k - 1]!;
        const after = pls[k + 1]!;
        if (before['placement_type'] !== after['placement_type'] || before['foster_carer_id'] !== after['foster_carer_id'] || before['provider_id'] !== after['provider_id']) v('placements', pid, 'temporary-return', 'child does not return to the usual placement after a temporary one (903 rule 383)');
      }
      if (type === 'P1') for (const l of ls) if (l['code'] === 'V2' && overlaps(day(l['start_date']), endOr(l['end_date']), pStart, pEnd)) v('placements', pid, 'p1-not-v2', 'placed with parents while accommodated under section 20 (903 rule 378)');
      if (pl['weekly_cost'] !== null && (typeof pl['weekly_cost'] !== 'number' || pl['weekly_cost'] <= 0)) v('placements', pid, 'weekly-cost', 'weekly cost is not a positive number');
    }
    // reviews (reg 33): within 20 working days, then 3 months, then 6 months
    const rs = (reviews.get(id) ?? []).map((r) => ({ id: r['id'] as string, d: day(r['review_date']), row: r })).sort((a, b) => a.d - b.d);
    for (const r of rs) if ((r.row['participation'] === 'PN0') !== (ageOn(dob, r.d) < 4)) v('cla_reviews', r.id, 'pn0-age', 'PN0 if and only if under 4 (903 rules 440/441)');
    const from = Math.max(start, H);
    if (covered(from)) {
      let n = 0;
      cadenceCheck(rs, start >= H ? wd(start, 20) : months(H, 6), (d) => months(d, start >= H && n++ === 0 ? 3 : 6), Math.min(stop, T + 1), 'cla_reviews', 'cla-review-reg33', 'looked-after review', v, covered);
      // reg 28 visits
      const pl = pls.map((x) => ({ id: x['id'] as string, type: x['placement_type'] as string, start: day(x['start_date']), end: endOr(x['end_date']), changeReason: x['change_reason'] as string | null, longTerm: x['long_term'] as boolean }));
      const resets = visitResets(pl).filter((r) => r > from || (r === start && start >= H));
      // records begin at H: the visit before it is unseen, so allow the longest interval in force just before H
      let due = start >= H ? start + 7 : from + (pl.some((x) => x.longTerm && x.start < from && x.end > from - 91) ? 91 : 42);
      let ri = 0;
      const stopAt = Math.min(stop, T + 1);
      for (const vis of visits) {
        if (vis.d < from || (vis.d === start && start < H)) continue;
        if (vis.d >= stopAt) break;
        while (ri < resets.length && resets[ri]! <= vis.d) {
          if (resets[ri]! !== start) due = Math.min(due, resets[ri]! + 7);
          ri++;
        }
        if (vis.d > due) v('visits', vis.id, 'cla-visit-reg28', `looked-after visit on ${iso(vis.d)} was due by ${iso(due)}`);
        due = vis.d + lacVisitInterval(pl, vis.d);
      }
      while (ri < resets.length && resets[ri]! < stopAt) {
        if (resets[ri]! !== start) due = Math.min(due, resets[ri]! + 7);
        ri++;
      }
      if (due < stopAt) v('periods_of_care', id, 'cla-visit-reg28-overdue', `looked-after visit due by ${iso(due)} not made`);
      // health assessments: initial within 20 working days, then 6-monthly under 5, 12-monthly from 5
      const hs = health.filter((h) => h.d >= from && h.d < stopAt);
      cadenceCheck(hs, start >= H ? wd(start, 20) : months(H, 12), (d) => months(d, ageOn(dob, d) < 5 ? 6 : 12), stopAt, 'health_checks', 'health-assessment', 'health assessment', v);
      if (start >= H && hs.length > 0 && hs[0]!.type !== 'initial_health_assessment') v('health_checks', hs[0]!.id, 'iha-first', 'first health assessment is not the initial one');
      const dentalFrom = Math.max(start, birthday(dob, 1));
      if (dentalFrom < stopAt) {
        const ds = dental.filter((x) => x.d >= Math.max(from, dentalFrom) && x.d < stopAt);
        cadenceCheck(ds, dentalFrom >= H ? months(dentalFrom, 12) : months(H, 12), (d) => months(d, 12), stopAt, 'health_checks', 'dental-12-months', 'dental check', v);
      }
    }
    checkSdqAndPeps(rows, p, start, stop, T, H, dob, v);
  }
  // missing episodes: inside a period, no overlaps, RHI offered
  const ms = [...(rows.get('missing_episodes') ?? [])].sort(byDate('start_date'));
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    const id = m['id'] as string;
    const s = day(m['start_date']);
    const e = opt(m['end_date']);
    const inCare = periods.some((p) => day(p['start_date']) <= s && (e === null ? p['end_date'] === null : e < endOr(p['end_date'])));
    if (!inCare) v('missing_episodes', id, 'missing-in-care', 'missing episode outside a period of care (903 rules 577/578/581)');
    if (e !== null && e < s) v('missing_episodes', id, 'missing-dates', 'ends before it starts (903 rule 567)');
    if (i > 0 && endOr(ms[i - 1]!['end_date']) >= s) v('missing_episodes', id, 'missing-overlap', 'starts before the previous one ended (903 rule 574)');
    if (e !== null && e <= T - 4 && (m['rhi_offered'] !== true || m['rhi_offered_date'] === null || day(m['rhi_offered_date']) < e)) v('missing_episodes', id, 'rhi-offered', 'no return home interview offered');
  }
}

function checkSdqAndPeps(rows: ChildRows, p: Row, start: D, stop: D, T: D, H: D, dob: D, v: Report): void {
  const sdqs = (rows.get('sdq_scores') ?? []).map((s) => day(s['completed_date']));
  const yH = Number(iso(H).slice(0, 4));
  const yT = Number(iso(T).slice(0, 4));
  for (let y = yH; y <= yT; y++) {
    const m = toDayNumber(`${y}-03-31` as PlainDate);
    const yearStart = toDayNumber(`${y - 1}-04-01` as PlainDate);
    if (m < H || m > T || start > months(m, -12) || stop <= m) continue;
    if (ageOn(dob, yearStart) < 4 || ageOn(dob, m) >= 17) continue;
    if (!sdqs.some((d) => d >= Math.max(yearStart, H) && d <= m)) v('periods_of_care', p['id'] as string, 'sdq-annual', `no SDQ for the year to ${iso(m)} (903 rule 186)`);
  }
  const peps = (rows.get('peps') ?? []).map((x) => day(x['pep_date']));
  const by = Number(iso(dob).slice(0, 4)) + (Number(iso(dob).slice(5, 7)) <= 8 ? 4 : 5);
  const school = toDayNumber(`${by}-09-01` as PlainDate);
  for (let y = Math.max(yH - 1, by); y <= yT; y++) {
    for (const [a, b] of [
      [`${y}-09-01`, `${y}-12-20`],
      [`${y + 1}-01-04`, `${y + 1}-03-31`],
      [`${y + 1}-04-15`, `${y + 1}-07-20`],
    ] as const) {
      const ts = toDayNumber(a as PlainDate);
      const te = toDayNumber(b as PlainDate);
      if (ts < start || te >= stop || ts < H || te > T || ts < school) continue;
      if (!peps.some((d) => d >= ts && d <= te)) v('periods_of_care', p['id'] as string, 'pep-termly', `no PEP in the term ${a}..${b}`);
    }
  }
}

function checkLeavers(rows: ChildRows, T: D, H: D, v: Report, dob: D): void {
  const st = [...(rows.get('care_leavers') ?? [])].sort(byDate('start_date'));
  for (let i = 0; i < st.length; i++) {
    const s = st[i]!;
    const id = s['id'] as string;
    const start = day(s['start_date']);
    const age = ageOn(dob, start);
    const e = s['eligibility'] as string;
    if (i > 0 && endOr(st[i - 1]!['end_date']) > start) v('care_leavers', id, 'care-leaver-overlap', 'care-leaver statuses overlap');
    if ((e === 'eligible' || e === 'relevant') && (age < 16 || age >= 18)) v('care_leavers', id, 'care-leaver-age', `${e} at age ${age}`);
    if (e === 'former_relevant' && age < 18) v('care_leavers', id, 'care-leaver-age', `former relevant at ${age}`);
    if (s['personal_adviser_id'] === null) v('care_leavers', id, 'personal-adviser', 'no personal adviser');
  }
  if (st.length === 0) return;
  const first = day(st[0]!['start_date']);
  const last = endOr(st[st.length - 1]!['end_date']);
  const stop = Math.min(last, T + 1);
  const from = Math.max(first, H);
  const plans = (rows.get('pathway_plans') ?? []).map((x) => ({ id: x['id'] as string, d: day(x['plan_date']) })).sort((a, b) => a.d - b.d);
  if (from < stop) cadenceCheck(plans.filter((x) => x.d >= from), first >= H ? months(first, 3) : months(H, 6), (d) => months(d, 6), stop, 'pathway_plans', 'pathway-plan-6-months', 'pathway plan', v);
  const left = st.find((x) => x['eligibility'] !== 'eligible');
  if (left) {
    const l = day(left['start_date']);
    const lf = Math.max(l, H);
    const contacts = (rows.get('care_leaver_contacts') ?? []).map((x) => ({ id: x['id'] as string, d: day(x['contact_date']) })).sort((a, b) => a.d - b.d);
    if (lf < stop) cadenceCheck(contacts.filter((x) => x.d >= lf), l >= H ? l + 28 : H + 56, (d) => d + 56, stop, 'care_leaver_contacts', 'keep-in-touch-8-weeks', 'keep-in-touch contact', v);
  }
}

function checkAllocations(rows: ChildRows, T: D, v: Report): void {
  const cw = [...(rows.get('allocations') ?? [])].filter((a) => a['role'] === 'CW').sort(byDate('start_date'));
  for (let i = 0; i < cw.length; i++) {
    const a = cw[i]!;
    const id = a['id'] as string;
    if (a['end_date'] !== null && day(a['end_date']) < day(a['start_date'])) v('allocations', id, 'allocation-dates', 'ends before it starts');
    if (i > 0 && endOr(cw[i - 1]!['end_date']) > day(a['start_date'])) v('allocations', id, 'allocations-overlap', 'two allocated case workers at once');
    const code = a['change_reason_code'] as string | null;
    if (code !== null && !SW_REASONS.has(code)) v('allocations', id, 'sw-reason', `unknown SW_REASON ${code}`);
    if (i > 0 && code === null && cw[i - 1]!['end_date'] === a['start_date']) v('allocations', id, 'reallocation-reason', 'reallocation without an SW_REASON');
  }
  for (const e of rows.get('cin_episodes') ?? []) {
    if (e['closure_date'] !== null || e['referral_decision'] === null) continue;
    const ref = day(e['referral_date']);
    const has = cw.some((a) => a['end_date'] === null && day(a['start_date']) >= ref);
    if (!has) v('cin_episodes', e['id'] as string, 'open-episode-allocated', 'open episode has no allocated case worker');
  }
  void T;
}

/** Checks every child in the batches; the labelled faults are excluded by record id. */
export function checkAuthority(batches: Iterable<Batch>, ctx: InvariantContext): { violations: Violation[]; children: number; faults: Row[] } {
  const list = [...batches];
  const faults = list.filter((b) => b.table === 'synthetic_faults').flatMap((b) => b.rows);
  const faultIds = new Set(faults.map((f) => f['record_id'] as string));
  const groups = groupByChild(list);
  const violations: Violation[] = [];
  for (const [person, rows] of groups) violations.push(...checkChild(person, rows, ctx, faultIds));
  return { violations, children: groups.size, faults };
}
