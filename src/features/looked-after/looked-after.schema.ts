/**
 * The looked-after area's forms read into typed commands, every error collected (GOV.UK wording):
 * becoming looked after, legal status and placement changes, the IRO's review, missing episodes,
 * looked-after visits, health and the personal education plan. SSDA903 codes are checked against
 * the lists valid in the collection year of the date they apply from.
 */
import { type CodeList, categoriesOfNeed, permanencePlans, codesValidIn, collectionYearOf, legalStatuses, missingTypes, placementTypes, reasonsForPlacementChange, reviewParticipation, sdqReasons } from '../../domain/codes/index.js';
import { type PlainDate, londonDateTimeToInstant } from '../../domain/time/index.js';
import { type FormBody, FormReader } from '../../web/form-reader.js';
import { type Parsed, dateFields, done, keep, pastDate, readFormToken, readVersion, yesNo } from '../casework/form-schema.js';

const TEXT_MAX = 10_000;
const SHORT_MAX = 200;

/** A code from `list` valid in the collection year of `date` (or, with no date yet, any code of the list). */
function code(form: FormReader, name: string, list: CodeList, date: PlainDate | null, required: string): string | null {
  const value = form.raw(name);
  if (!value || !list.has(value)) {
    form.fail(name, required);
    return null;
  }
  if (date && !codesValidIn(list, collectionYearOf(date)).some((c) => c.code === value)) {
    form.fail(name, `${list.label(value)} (${value}) cannot be used in ${collectionYearOf(date)}: select another`);
    return null;
  }
  return value;
}

/** A date and a time (London) as one instant, not in the future. */
function pastInstant(form: FormReader, name: string, label: string, today: PlainDate, now?: Date): { date: PlainDate; at: Date } | null {
  const date = pastDate(form, name, `Date ${label}`, today);
  const time = form.time(`${name}Time`, { label: `Time ${label}` });
  if (!date || !time) return null;
  const at = londonDateTimeToInstant(date, time);
  if (now && at.getTime() > now.getTime()) {
    form.fail(`${name}Time`, `Time ${label} must be now or in the past`);
    return null;
  }
  return { date, at };
}

// ---------------------------------------------------------------------------------------------
// The placement: type, provider or carer, postcode, matching rationale

/** Where the child is placed: a provider, a foster carer, or neither (placed with parents, other). */
export type PlacedWith = { kind: 'provider'; id: string } | { kind: 'carer'; id: string } | { kind: 'none' };

export interface PlacementFields {
  placementType: string;
  placedWith: PlacedWith;
  postcode: string | null;
  matchingRationale: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i;
export const PLACEMENT_FIELDS = ['placementType', 'placedWith', 'postcode', 'matchingRationale'];

function placementFields(form: FormReader, start: PlainDate | null): PlacementFields | null {
  const placementType = code(form, 'placementType', placementTypes, start, 'Select the type of placement');
  const raw = form.raw('placedWith');
  let placedWith: PlacedWith | null = null;
  if (raw === 'none') placedWith = { kind: 'none' };
  else if (/^(provider|carer):/.test(raw) && UUID.test(raw.slice(raw.indexOf(':') + 1))) placedWith = { kind: raw.startsWith('provider') ? 'provider' : 'carer', id: raw.slice(raw.indexOf(':') + 1) };
  else form.fail('placedWith', 'Select the provider or foster carer, or ‘No provider’');
  const postcode = form.text('postcode', { label: 'The placement postcode', max: 10, pattern: [POSTCODE, 'Enter a real postcode, like FM6 9LW'] });
  const matchingRationale = form.text('matchingRationale', { required: 'Enter why this placement was chosen for the child (the matching)', max: TEXT_MAX, label: 'The matching rationale' });
  return placementType && placedWith && matchingRationale ? { placementType, placedWith, postcode: postcode?.toUpperCase() ?? null, matchingRationale } : null;
}

// ---------------------------------------------------------------------------------------------
// Becoming looked after

export interface StartCommand extends PlacementFields {
  startDate: PlainDate;
  legalStatus: string;
  categoryOfNeed: string;
  uasc: boolean;
}

export function parseStart(body: FormBody, today: PlainDate): Parsed<StartCommand> {
  const form = new FormReader(body);
  const startDate = pastDate(form, 'startDate', 'Date the child became looked after', today);
  const legalStatus = code(form, 'legalStatus', legalStatuses, startDate, 'Select the legal status');
  const categoryOfNeed = code(form, 'categoryOfNeed', categoriesOfNeed, startDate, 'Select the category of need');
  const uasc = yesNo(form, 'uasc', 'Select whether the child is an unaccompanied asylum-seeking child');
  const placement = placementFields(form, startDate);
  const formToken = readFormToken(form);
  const command = startDate && legalStatus && categoryOfNeed && uasc !== null && placement ? { startDate, legalStatus, categoryOfNeed, uasc, ...placement } : null;
  return done(form, command, keep(form, [...dateFields('startDate'), 'legalStatus', 'categoryOfNeed', 'uasc', ...PLACEMENT_FIELDS]), formToken);
}

// ---------------------------------------------------------------------------------------------
// Legal status change

export interface LegalStatusCommand {
  date: PlainDate;
  legalStatus: string;
  version: number;
}

export function parseLegalStatus(body: FormBody, today: PlainDate): Parsed<LegalStatusCommand> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date the new legal status started', today);
  const legalStatus = code(form, 'legalStatus', legalStatuses, date, 'Select the new legal status');
  const version = readVersion(form);
  const formToken = readFormToken(form);
  return done(form, date && legalStatus ? { date, legalStatus, version } : null, keep(form, [...dateFields('date'), 'legalStatus']), formToken);
}

// ---------------------------------------------------------------------------------------------
// Placement change

export interface PlacementCommand extends PlacementFields {
  date: PlainDate;
  reason: string;
  version: number;
}

export function parsePlacement(body: FormBody, today: PlainDate): Parsed<PlacementCommand> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date the child moved', today);
  const reason = code(form, 'reason', reasonsForPlacementChange, date, 'Select the reason the placement changed');
  const placement = placementFields(form, date);
  const version = readVersion(form);
  const formToken = readFormToken(form);
  return done(form, date && reason && placement ? { date, reason, version, ...placement } : null, keep(form, [...dateFields('date'), 'reason', ...PLACEMENT_FIELDS]), formToken);
}

// ---------------------------------------------------------------------------------------------
// The IRO's review

export interface ReviewCommand {
  date: PlainDate;
  participation: string;
  decisions: string;
  letter: string;
}

export function parseReview(body: FormBody, today: PlainDate): Parsed<ReviewCommand> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date of the review', today);
  const participation = code(form, 'participation', reviewParticipation, date, 'Select how the child took part in the review');
  const decisions = form.text('decisions', { required: 'Enter the review’s decisions', max: TEXT_MAX, label: 'The decisions' });
  const letter = form.text('letter', { required: 'Enter the letter to the child', max: TEXT_MAX, label: 'The letter' });
  const formToken = readFormToken(form);
  return done(form, date && participation && decisions && letter ? { date, participation, decisions, letter } : null, keep(form, [...dateFields('date'), 'participation', 'decisions', 'letter']), formToken);
}

// ---------------------------------------------------------------------------------------------
// Missing and away

export interface MissingCommand {
  start: { date: PlainDate; at: Date };
  missingType: 'M' | 'A';
  reportedToPolice: boolean;
}

export function parseMissing(body: FormBody, today: PlainDate, now?: Date): Parsed<MissingCommand> {
  const form = new FormReader(body);
  const start = pastInstant(form, 'start', 'the child went missing or away', today, now);
  const missingType = code(form, 'missingType', missingTypes, null, 'Select whether the child was missing or away') as 'M' | 'A' | null;
  const reportedToPolice = yesNo(form, 'reportedToPolice', 'Select whether the police were told');
  const formToken = readFormToken(form);
  return done(form, start && missingType && reportedToPolice !== null ? { start, missingType, reportedToPolice } : null, keep(form, [...dateFields('start'), 'startTime', 'missingType', 'reportedToPolice']), formToken);
}

/**
 * The missing episode's page: the return (while the child is missing), and the strategy meeting
 * held when the triggers fired, with whether the senior manager was told. Each part is optional
 * here; the service asks for what the episode still needs.
 */
export interface ReturnCommand {
  returned: { date: PlainDate; at: Date } | null;
  strategyMeetingOn: PlainDate | null;
  seniorManagerTold: boolean | null;
  version: number;
}

export function parseReturn(body: FormBody, today: PlainDate, now?: Date): Parsed<ReturnCommand> {
  const form = new FormReader(body);
  const given = (...names: string[]) => names.some((n) => form.raw(n).trim() !== '');
  const returned = given(...dateFields('returned'), 'returnedTime') ? pastInstant(form, 'returned', 'the child returned', today, now) : null;
  const strategyMeetingOn = given(...dateFields('strategyMeeting')) ? pastDate(form, 'strategyMeeting', 'Date of the strategy meeting', today) : null;
  const seniorManagerTold = form.raw('seniorManagerTold') ? yesNo(form, 'seniorManagerTold', 'Select whether the senior manager was told') : null;
  if (strategyMeetingOn && seniorManagerTold === null && !form.raw('seniorManagerTold')) form.fail('seniorManagerTold', 'Select whether the senior manager was told');
  const version = readVersion(form);
  const formToken = readFormToken(form);
  return done(form, { returned, strategyMeetingOn, seniorManagerTold, version }, keep(form, [...dateFields('returned'), 'returnedTime', ...dateFields('strategyMeeting'), 'seniorManagerTold']), formToken);
}

export interface ReturnInterviewCommand {
  offered: boolean;
  offeredAt: { date: PlainDate; at: Date } | null;
  accepted: boolean | null;
  by: string | null;
  version: number;
}

export function parseReturnInterview(body: FormBody, today: PlainDate, now?: Date): Parsed<ReturnInterviewCommand> {
  const form = new FormReader(body);
  const offered = yesNo(form, 'offered', 'Select whether a return home interview was offered');
  let offeredAt: ReturnInterviewCommand['offeredAt'] = null;
  let accepted: boolean | null = null;
  let by: string | null = null;
  if (offered) {
    offeredAt = pastInstant(form, 'offeredAt', 'the interview was offered', today, now);
    accepted = yesNo(form, 'accepted', 'Select whether the child accepted the interview');
    by = form.text('by', { required: 'Enter who offered or holds the interview', max: SHORT_MAX, label: 'Who' });
  }
  const version = readVersion(form);
  const formToken = readFormToken(form);
  const command = offered === null || (offered && (!offeredAt || accepted === null || !by)) ? null : { offered, offeredAt, accepted, by, version };
  return done(form, command, keep(form, ['offered', ...dateFields('offeredAt'), 'offeredAtTime', 'accepted', 'by']), formToken);
}

// ---------------------------------------------------------------------------------------------
// Statutory visit to a looked-after child

export interface ClaVisitCommand {
  date: PlainDate;
  seen: boolean;
  seenAlone: boolean;
  childSaid: string | null;
}

export function parseClaVisit(body: FormBody, today: PlainDate): Parsed<ClaVisitCommand> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date of the visit', today);
  const seen = yesNo(form, 'seen', 'Select whether the child was seen');
  const alone = form.raw('seenAlone') ? yesNo(form, 'seenAlone', 'Select whether the child was seen alone') : null;
  if (seen && alone === null && !form.raw('seenAlone')) form.fail('seenAlone', 'Select whether the child was seen alone');
  const childSaid = form.text('childSaid', { max: TEXT_MAX, label: 'What the child said' });
  const formToken = readFormToken(form);
  return done(form, date && seen !== null ? { date, seen, seenAlone: seen && alone === true, childSaid } : null, keep(form, [...dateFields('date'), 'seen', 'seenAlone', 'childSaid']), formToken);
}

// ---------------------------------------------------------------------------------------------
// Health

export const HEALTH_KINDS = ['initial_health_assessment', 'review_health_assessment', 'dental_check', 'sdq', 'immunisations'] as const;
export type HealthKind = (typeof HEALTH_KINDS)[number];
export const healthKindLabels: Record<HealthKind, string> = {
  initial_health_assessment: 'Initial health assessment',
  review_health_assessment: 'Review health assessment',
  dental_check: 'Dental check',
  sdq: 'Strengths and Difficulties Questionnaire (SDQ)',
  immunisations: 'Immunisations status',
};

export interface HealthCommand {
  kind: HealthKind;
  date: PlainDate;
  /** SDQ: a score 0-40, or the SSDA903 reason there is none. */
  sdqScore: number | null;
  sdqReason: string | null;
  /** Immunisations: up to date or not. */
  upToDate: boolean | null;
}

export function parseHealth(body: FormBody, today: PlainDate): Parsed<HealthCommand> {
  const form = new FormReader(body);
  const kind = form.choice('kind', HEALTH_KINDS, 'Select what is being recorded');
  const date = pastDate(form, 'date', 'Date', today);
  let sdqScore: number | null = null;
  let sdqReason: string | null = null;
  let upToDate: boolean | null = null;
  if (kind === 'sdq') {
    const score = form.raw('sdqScore').trim();
    const reason = form.raw('sdqReason');
    if (score && reason) form.fail('sdqScore', 'Enter a score or a reason there is none, not both');
    else if (score) {
      if (!/^\d{1,2}$/.test(score) || Number(score) > 40) form.fail('sdqScore', 'The SDQ score must be a whole number from 0 to 40');
      else sdqScore = Number(score);
    } else if (reason) sdqReason = code(form, 'sdqReason', sdqReasons, date, 'Select the reason there is no score');
    else form.fail('sdqScore', 'Enter the SDQ score, or select the reason there is none');
  }
  if (kind === 'immunisations') upToDate = yesNo(form, 'upToDate', 'Select whether the child’s immunisations are up to date');
  const formToken = readFormToken(form);
  return done(form, kind && date ? { kind, date, sdqScore, sdqReason, upToDate } : null, keep(form, ['kind', ...dateFields('date'), 'sdqScore', 'sdqReason', 'upToDate']), formToken);
}

// ---------------------------------------------------------------------------------------------
// Personal education plan

export interface PepCommand {
  date: PlainDate;
  school: string | null;
  targets: string;
}

export function parsePep(body: FormBody, today: PlainDate): Parsed<PepCommand> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date of the PEP meeting', today);
  const school = form.text('school', { max: SHORT_MAX, label: 'The school' });
  const targets = form.text('targets', { required: 'Enter the PEP’s targets', max: TEXT_MAX, label: 'The targets' });
  const formToken = readFormToken(form);
  return done(form, date && targets ? { date, school, targets } : null, keep(form, [...dateFields('date'), 'school', 'targets']), formToken);
}

// ---------------------------------------------------------------------------------------------
// Care plan

export interface CarePlanCommand {
  date: PlainDate;
  /** Annex A list 8 permanence plans: several under parallel planning. */
  permanencePlans: string[];
}

export function parseCarePlan(body: FormBody, today: PlainDate): Parsed<CarePlanCommand> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date the care plan was agreed', today);
  const chosen = [...new Set(form.all('permanencePlans'))];
  if (chosen.length === 0) form.fail('permanencePlans', 'Select the permanence plan, or plans under parallel planning');
  else if (chosen.some((c) => !permanencePlans.has(c))) form.fail('permanencePlans', 'Select permanence plans from the list');
  const plans = permanencePlans.codes.map((c) => c.code).filter((c) => chosen.includes(c));
  const formToken = readFormToken(form);
  return done(form, date ? { date, permanencePlans: plans } : null, keep(form, dateFields('date'), ['permanencePlans']), formToken);
}

// ---------------------------------------------------------------------------------------------
// Placement plan

export interface PlacementPlanCommand {
  date: PlainDate;
  version: number;
}

export function parsePlacementPlan(body: FormBody, today: PlainDate): Parsed<PlacementPlanCommand> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date the placement plan was agreed', today);
  const version = readVersion(form);
  const formToken = readFormToken(form);
  return done(form, date ? { date, version } : null, keep(form, dateFields('date')), formToken);
}
