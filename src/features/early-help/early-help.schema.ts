/** Early help's forms read into typed commands, every error collected (GOV.UK wording). */
import { CLOSING_OUTCOMES, earlyHelpReviewOutcomes, earlyHelpServices } from '../../domain/early-help/codes.js';
import type { PlainDate } from '../../domain/time/index.js';
import { type FormBody, FormReader } from '../../web/form-reader.js';
import { type Parsed, dateFields, done, keep, pastDate, readFormToken, readVersion } from '../casework/form-schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AllocateEarlyHelpCommand {
  teamId: string;
  workerId: string;
  service: string;
  version: number;
}

export function parseAllocateEarlyHelp(body: FormBody): Parsed<AllocateEarlyHelpCommand> {
  const form = new FormReader(body);
  const teamId = form.raw('teamId');
  if (!UUID.test(teamId)) form.fail('teamId', 'Select the early help team');
  const workerId = form.raw('workerId');
  if (!UUID.test(workerId)) form.fail('workerId', 'Select the lead practitioner');
  const service = form.choice('service', earlyHelpServices.codes.map((c) => c.code), 'Select the service offered');
  const version = readVersion(form);
  return done(form, service ? { teamId, workerId, service, version } : null, keep(form, ['teamId', 'workerId', 'service']), readFormToken(form));
}

export interface EarlyHelpReviewCommand {
  date: PlainDate;
  outcome: string;
  notes: string;
}

export function parseEarlyHelpReview(body: FormBody, today: PlainDate): Parsed<EarlyHelpReviewCommand> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date of the review', today);
  const outcome = form.choice('outcome', earlyHelpReviewOutcomes.codes.map((c) => c.code), 'Select what the review decided');
  const notes = form.text('notes', { required: 'Enter what the review found and agreed', max: 10_000, label: 'The notes' });
  return done(form, date && outcome && notes ? { date, outcome, notes } : null, keep(form, ['outcome', 'notes', ...dateFields('date')]), readFormToken(form));
}

export interface StepUpCommand {
  date: PlainDate;
  concerns: string;
  version: number;
}

export function parseStepUp(body: FormBody, today: PlainDate): Parsed<StepUpCommand> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date of the step up', today);
  const concerns = form.text('concerns', { required: 'Enter the concerns that need children’s social care', max: 10_000, label: 'The concerns' });
  const version = readVersion(form);
  return done(form, date && concerns ? { date, concerns, version } : null, keep(form, ['concerns', ...dateFields('date')]), readFormToken(form));
}

export interface CloseEarlyHelpCommand {
  date: PlainDate;
  outcome: string;
  summary: string;
  version: number;
}

export function parseCloseEarlyHelp(body: FormBody, today: PlainDate): Parsed<CloseEarlyHelpCommand> {
  const form = new FormReader(body);
  const date = pastDate(form, 'date', 'Date early help ended', today);
  const outcome = form.choice('outcome', CLOSING_OUTCOMES, 'Select the outcome');
  const summary = form.text('summary', { required: 'Enter a summary of the support and what changed', max: 10_000, label: 'The summary' });
  const version = readVersion(form);
  return done(form, date && outcome && summary ? { date, outcome, summary, version } : null, keep(form, ['outcome', 'summary', ...dateFields('date')]), readFormToken(form));
}
