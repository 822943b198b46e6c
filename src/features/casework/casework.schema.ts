/**
 * The casework forms, read field by field with every error collected (GOV.UK wording), into typed
 * commands. What a form can check by itself is checked here (a real date, not in the future, a
 * choice from the list); what needs the child's record (not before the referral, not before the
 * strategy discussion) is checked by casework.checks.ts inside the write's transaction.
 */
import { assessmentFactors, categoriesOfAbuse, cinClosureReasons, reviewParticipation } from '../../domain/codes/index.js';
import type { FieldError } from '../../domain/errors.js';
import type { PlainDate } from '../../domain/time/index.js';
import { type FormBody, FormReader } from '../../web/form-reader.js';
import { readFormToken, readVersion } from '../../web/form-tokens.js';
import { isUuid } from '../../web/ids.js';

export interface Parsed<T> {
  command: T | null;
  errors: FieldError[];
  /** What the user typed, to show back on the page. */
  values: Record<string, string | string[]>;
  formToken: string | null;
}

// ---------------------------------------------------------------------------------------------
// Choices

export const ASSESSMENT_OUTCOMES = ['nfa', 'early_help', 'cin_plan', 'strategy_discussion', 'looked_after', 'other'] as const;
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number];
export const assessmentOutcomeLabels: Record<AssessmentOutcome, string> = {
  nfa: 'No further action',
  early_help: 'Step down to early help',
  cin_plan: 'Child in need plan',
  strategy_discussion: 'Strategy discussion',
  looked_after: 'Become looked after',
  other: 'Other (for example, continue under a child protection plan)',
};

export const S47_OUTCOMES = ['substantiated_conference', 'substantiated_no_conference', 'not_substantiated'] as const;
export type S47Outcome = (typeof S47_OUTCOMES)[number];
export const s47OutcomeLabels: Record<S47Outcome, string> = {
  substantiated_conference: 'Concerns substantiated, the child is judged to be at continuing risk of significant harm: initial child protection conference',
  substantiated_no_conference: 'Concerns substantiated, but the child is not judged to be at continuing risk of significant harm: no conference',
  not_substantiated: 'Concerns not substantiated: no conference',
};

/** Agencies at a strategy discussion: Working Together 2023 asks for children’s social care, police and health at least. */
export const AGENCIES = [
  { key: 'social_care', stored: 'children’s social care', label: 'Children’s social care' },
  { key: 'police', stored: 'police', label: 'Police' },
  { key: 'health', stored: 'health', label: 'Health' },
  { key: 'education', stored: 'education', label: 'Education (school, nursery or college)' },
  { key: 'probation', stored: 'probation', label: 'Probation' },
  { key: 'other', stored: 'other', label: 'Another agency' },
] as const;

/** Factors that may be chosen today: the ones still returned in the CIN census (not 18A or 19A). */
export const currentFactors = assessmentFactors.codes.filter((c) => c.validTo === undefined);
export const NO_FACTORS = '21';

const YES_NO = ['yes', 'no'] as const;

function keep(form: FormReader, names: string[], lists: string[] = []): Record<string, string | string[]> {
  return { ...Object.fromEntries(names.map((n) => [n, form.raw(n)])), ...Object.fromEntries(lists.map((n) => [n, form.all(n)])) };
}

const dateFields = (...names: string[]) => names.flatMap((n) => [`${n}-day`, `${n}-month`, `${n}-year`]);

function pastDate(form: FormReader, name: string, label: string, today: PlainDate): PlainDate | null {
  return form.date(name, { label, notAfter: today, notAfterMessage: `${label} must be today or in the past` });
}

function yesNo(form: FormReader, name: string, message: string): boolean | null {
  const v = form.choice(name, YES_NO, message);
  return v === null ? null : v === 'yes';
}

function done<T>(form: FormReader, command: T | null, values: Record<string, string | string[]>, formToken: string | null): Parsed<T> {
  return { command: form.ok ? command : null, errors: form.errors, values, formToken };
}

// ---------------------------------------------------------------------------------------------
// Assessment

export interface StartAssessment {
  startDate: PlainDate;
  childSeen: boolean | null;
}

export function parseStartAssessment(body: FormBody, today: PlainDate): Parsed<StartAssessment> {
  const form = new FormReader(body);
  const startDate = pastDate(form, 'startDate', 'Date the assessment started', today);
  const seenRaw = form.raw('childSeen');
  let childSeen: boolean | null = null;
  if (seenRaw && seenRaw !== 'not_yet') {
    childSeen = yesNo(form, 'childSeen', 'Select whether the child has been seen');
  }
  const formToken = readFormToken(form);
  return done(form, startDate ? { startDate, childSeen } : null, keep(form, [...dateFields('startDate'), 'childSeen']), formToken);
}

export interface AuthoriseAssessment {
  authorisedDate: PlainDate;
  factors: string[];
  childSeen: boolean;
  outcome: AssessmentOutcome;
  version: number;
}

export function parseAuthoriseAssessment(body: FormBody, today: PlainDate): Parsed<AuthoriseAssessment> {
  const form = new FormReader(body);
  const authorisedDate = pastDate(form, 'authorisedDate', 'Date the assessment was authorised', today);
  const childSeen = yesNo(form, 'childSeen', 'Select whether the child was seen during the assessment');
  const chosen = [...new Set(form.all('factors'))];
  const allowed = new Set(currentFactors.map((c) => c.code));
  let factors: string[] = [];
  if (chosen.length === 0) form.fail('factors', 'Select the factors identified at the assessment, or ‘No factors identified’');
  else if (chosen.some((c) => !allowed.has(c))) form.fail('factors', 'Select factors from the list');
  else if (chosen.includes(NO_FACTORS) && chosen.length > 1) form.fail('factors', 'Select ‘No factors identified’ on its own, or the factors identified, not both');
  else factors = chosen.sort((a, b) => currentFactors.findIndex((c) => c.code === a) - currentFactors.findIndex((c) => c.code === b));
  const outcome = form.choice('outcome', ASSESSMENT_OUTCOMES, 'Select the outcome of the assessment');
  const version = readVersion(form);
  const formToken = readFormToken(form);
  const command = authorisedDate && childSeen !== null && outcome ? { authorisedDate, factors, childSeen, outcome, version } : null;
  return done(form, command, keep(form, ['childSeen', 'outcome', ...dateFields('authorisedDate')], ['factors']), formToken);
}

// ---------------------------------------------------------------------------------------------
// Strategy discussion and section 47

export interface RecordStrategyDiscussion {
  date: PlainDate;
  attendees: { agency: string; name: string | null }[];
  decision: 's47' | 'no_s47';
  rationale: string;
}

export function parseStrategyDiscussion(body: FormBody, today: PlainDate): Parsed<RecordStrategyDiscussion> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date of the strategy discussion', today);
  const chosen = new Set(form.all('agencies'));
  const attendees: RecordStrategyDiscussion['attendees'] = [];
  for (const a of AGENCIES) {
    if (!chosen.has(a.key)) continue;
    const name = form.text(`names-${a.key}`, { max: 500, label: `Who attended for ${a.label.toLowerCase()}` });
    attendees.push({ agency: a.stored, name });
  }
  if (chosen.size === 0) form.fail('agencies', 'Select the agencies that took part');
  else if ([...chosen].some((k) => !AGENCIES.some((a) => a.key === k))) form.fail('agencies', 'Select agencies from the list');
  const decision = form.choice('decision', ['s47', 'no_s47'] as const, 'Select whether a section 47 enquiry will start');
  const rationale = form.text('rationale', { required: 'Enter the reasons for the decision', max: 10_000, label: 'Reasons for the decision' });
  const formToken = readFormToken(form);
  const command = date && decision && rationale ? { date, attendees, decision, rationale } : null;
  return done(form, command, keep(form, [...dateFields('date'), 'decision', 'rationale', ...AGENCIES.map((a) => `names-${a.key}`)], ['agencies']), formToken);
}

export interface StartS47 {
  strategyDiscussionId: string;
}

export function parseStartS47(body: FormBody): Parsed<StartS47> {
  const form = new FormReader(body);
  const id = form.raw('strategyDiscussionId');
  if (!isUuid(id)) form.fail('strategyDiscussionId', 'Select the strategy discussion that decided on the enquiry');
  const formToken = readFormToken(form);
  return done(form, isUuid(id) ? { strategyDiscussionId: id } : null, keep(form, ['strategyDiscussionId']), formToken);
}

export interface S47OutcomeCommand {
  endDate: PlainDate;
  outcome: S47Outcome;
  /** Derived from the outcome: only "substantiated, continuing risk" leads to a conference. */
  icpcRequired: boolean;
  version: number;
}

export function parseS47Outcome(body: FormBody, today: PlainDate): Parsed<S47OutcomeCommand> {
  const form = new FormReader(body);
  const endDate = pastDate(form, 'endDate', 'Date the enquiry was completed', today);
  const outcome = form.choice('outcome', S47_OUTCOMES, 'Select the outcome of the section 47 enquiry');
  const version = readVersion(form);
  const formToken = readFormToken(form);
  const command = endDate && outcome ? { endDate, outcome, icpcRequired: outcome === 'substantiated_conference', version } : null;
  return done(form, command, keep(form, ['outcome', ...dateFields('endDate')]), formToken);
}

// ---------------------------------------------------------------------------------------------
// Conferences, core groups

export interface InitialConferenceCommand {
  date: PlainDate;
  /** The section 47 enquiry that needs the conference, or a transfer-in from another authority. */
  link: { s47Id: string } | 'transfer-in';
  planRequired: boolean;
  initialCategory: string | null;
}

export function parseInitialConference(body: FormBody, today: PlainDate): Parsed<InitialConferenceCommand> {
  const form = new FormReader(body);
  const linkRaw = form.raw('link');
  let link: InitialConferenceCommand['link'] | null = null;
  if (linkRaw === 'transfer-in') link = 'transfer-in';
  else if (isUuid(linkRaw)) link = { s47Id: linkRaw };
  else form.fail('link', 'Select the section 47 enquiry the conference follows, or that it is a transfer-in');
  const date = pastDate(form, 'date', 'Date of the conference', today);
  const planRequired = yesNo(form, 'planRequired', 'Select whether the child will be the subject of a child protection plan');
  let initialCategory: string | null = null;
  if (planRequired) {
    initialCategory = form.raw('initialCategory');
    if (!categoriesOfAbuse.has(initialCategory)) {
      form.fail('initialCategory', 'Select the category of abuse');
      initialCategory = null;
    }
  }
  const formToken = readFormToken(form);
  const command = date && link && planRequired !== null ? { date, link, planRequired, initialCategory } : null;
  return done(form, command, keep(form, [...dateFields('date'), 'link', 'planRequired', 'initialCategory']), formToken);
}

export interface ReviewConferenceCommand {
  date: PlainDate;
  continuePlan: boolean;
  latestCategory: string;
  participation: string | null;
  /** The plan's version the form was rendered with: a review edits the plan. */
  version: number;
}

export function parseReviewConference(body: FormBody, today: PlainDate): Parsed<ReviewConferenceCommand> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date of the review conference', today);
  const continuePlan = yesNo(form, 'continuePlan', 'Select whether the child protection plan continues');
  let latestCategory: string | null = form.raw('latestCategory');
  if (!categoriesOfAbuse.has(latestCategory)) {
    form.fail('latestCategory', 'Select the latest category of abuse');
    latestCategory = null;
  }
  let participation: string | null = form.raw('participation') || null;
  if (participation && !reviewParticipation.has(participation)) {
    form.fail('participation', 'Select how the child took part, from the list');
    participation = null;
  }
  const version = readVersion(form);
  const formToken = readFormToken(form);
  const command = date && continuePlan !== null && latestCategory ? { date, continuePlan, latestCategory, participation, version } : null;
  return done(form, command, keep(form, [...dateFields('date'), 'continuePlan', 'latestCategory', 'participation']), formToken);
}

export interface CoreGroupCommand {
  date: PlainDate;
  notes: string | null;
}

export function parseCoreGroup(body: FormBody, today: PlainDate): Parsed<CoreGroupCommand> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date of the core group', today);
  const notes = form.text('notes', { max: 20_000, label: 'Notes' });
  const formToken = readFormToken(form);
  return done(form, date ? { date, notes } : null, keep(form, [...dateFields('date'), 'notes']), formToken);
}

// ---------------------------------------------------------------------------------------------
// Visits

export interface VisitCommand {
  date: PlainDate;
  seen: boolean;
  seenAlone: boolean;
  bedroomSeen: boolean;
  writtenUp: boolean;
  notes: string | null;
}

export function parseVisit(body: FormBody, today: PlainDate): Parsed<VisitCommand> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date of the visit', today);
  const seen = yesNo(form, 'seen', 'Select whether the child was seen');
  // Seen alone only means something when the child was seen; the question is revealed under "Yes".
  let seenAlone: boolean | null = false;
  if (seen) seenAlone = yesNo(form, 'seenAlone', 'Select whether the child was seen alone');
  const bedroomSeen = yesNo(form, 'bedroomSeen', 'Select whether the child’s bedroom was seen');
  const notes = form.text('notes', { max: 50_000, label: 'Visit notes' });
  const writtenUp = yesNo(form, 'writtenUp', 'Select whether the visit is written up');
  if (writtenUp && !notes && form.ok) form.fail('notes', 'Enter the visit notes, or answer ‘No’ to written up and write it up later');
  const formToken = readFormToken(form);
  const command = date && seen !== null && seenAlone !== null && bedroomSeen !== null && writtenUp !== null ? { date, seen, seenAlone, bedroomSeen, writtenUp, notes } : null;
  return done(form, command, keep(form, [...dateFields('date'), 'seen', 'seenAlone', 'bedroomSeen', 'writtenUp', 'notes']), formToken);
}

export interface VisitWriteUpCommand {
  notes: string;
  version: number;
}

export function parseVisitWriteUp(body: FormBody): Parsed<VisitWriteUpCommand> {
  const form = new FormReader(body);
  const notes = form.text('notes', { required: 'Enter the visit notes', max: 50_000, label: 'Visit notes' });
  const version = readVersion(form);
  const formToken = readFormToken(form);
  return done(form, notes ? { notes, version } : null, keep(form, ['notes']), formToken);
}

// ---------------------------------------------------------------------------------------------
// Child in need plan

export interface CinPlanStartCommand {
  startDate: PlainDate;
}

export function parseCinPlanStart(body: FormBody, today: PlainDate): Parsed<CinPlanStartCommand> {
  const form = new FormReader(body);
  const startDate = pastDate(form, 'startDate', 'Date the plan started', today);
  const formToken = readFormToken(form);
  return done(form, startDate ? { startDate } : null, keep(form, dateFields('startDate')), formToken);
}

export interface CinPlanEndCommand {
  endDate: PlainDate;
  version: number;
}

export function parseCinPlanEnd(body: FormBody, today: PlainDate): Parsed<CinPlanEndCommand> {
  const form = new FormReader(body);
  const endDate = pastDate(form, 'endDate', 'Date the plan ended', today);
  const version = readVersion(form);
  const formToken = readFormToken(form);
  return done(form, endDate ? { endDate, version } : null, keep(form, dateFields('endDate')), formToken);
}

export interface CinPlanReviewCommand {
  date: PlainDate;
  outcome: string | null;
}

export function parseCinPlanReview(body: FormBody, today: PlainDate): Parsed<CinPlanReviewCommand> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date of the review', today);
  const outcome = form.text('outcome', { max: 10_000, label: 'What the review decided' });
  const formToken = readFormToken(form);
  return done(form, date ? { date, outcome } : null, keep(form, [...dateFields('date'), 'outcome']), formToken);
}

// ---------------------------------------------------------------------------------------------
// Closure

export interface CloseEpisodeCommand {
  date: PlainDate;
  reason: string;
  version: number;
}

export function parseCloseEpisode(body: FormBody, today: PlainDate): Parsed<CloseEpisodeCommand> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date the episode closed', today);
  const reason = form.raw('reason');
  if (!cinClosureReasons.has(reason)) form.fail('reason', 'Select the reason for closing the episode');
  const version = readVersion(form);
  const formToken = readFormToken(form);
  return done(form, date && cinClosureReasons.has(reason) ? { date, reason, version } : null, keep(form, ['reason', ...dateFields('date')]), formToken);
}
