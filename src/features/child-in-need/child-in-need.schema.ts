/** The child in need area's forms read into typed commands: the assessment, visits, the child in need plan, closure. */
import { assessmentFactors, cinClosureReasons } from '../../domain/codes/index.js';
import type { PlainDate } from '../../domain/time/index.js';
import { type FormBody, FormReader } from '../../web/form-reader.js';
import { type Parsed, dateFields, done, keep, pastDate, readFormToken, readVersion, yesNo } from '../casework/form-schema.js';

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

/** Factors that may be chosen today: the ones still returned in the CIN census (not 18A or 19A). */
export const currentFactors = assessmentFactors.codes.filter((c) => c.validTo === undefined);
export const NO_FACTORS = '21';

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
  /** The analysis: what the assessment found and why the outcome (shown on the chronology). */
  analysis: string | null;
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
  const analysis = form.text('analysis', { max: 50_000, label: 'The analysis' });
  const version = readVersion(form);
  const formToken = readFormToken(form);
  const command = authorisedDate && childSeen !== null && outcome ? { authorisedDate, factors, childSeen, outcome, analysis, version } : null;
  return done(form, command, keep(form, ['childSeen', 'outcome', 'analysis', ...dateFields('authorisedDate')], ['factors']), formToken);
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

/** What a visit's write-up records (issue 9): what was seen, heard and done, and any other notes. */
export interface VisitWriteUp {
  seen: string | null;
  heard: string | null;
  done: string | null;
}

export interface VisitWriteUpCommand extends VisitWriteUp {
  notes: string | null;
  version: number;
}

export function parseVisitWriteUp(body: FormBody): Parsed<VisitWriteUpCommand> {
  const form = new FormReader(body);
  const seen = form.text('seen', { max: 50_000, label: 'What you saw' });
  const heard = form.text('heard', { max: 50_000, label: 'What you heard' });
  const didText = form.text('done', { max: 50_000, label: 'What you did' });
  const notes = form.text('notes', { max: 50_000, label: 'Other notes' });
  // A write-up says something: at least one of the four.
  if (form.ok && !seen && !heard && !didText && !notes) form.fail('seen', 'Enter what you saw, heard or did on the visit');
  const version = readVersion(form);
  const formToken = readFormToken(form);
  return done(form, form.ok ? { seen, heard, done: didText, notes, version } : null, keep(form, ['seen', 'heard', 'done', 'notes']), formToken);
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
