/** The child protection area's forms read into typed commands: strategy discussions, section 47 enquiries, conferences, core groups. */
import { categoriesOfAbuse, reviewParticipation } from '../../domain/codes/index.js';
import type { PlainDate } from '../../domain/time/index.js';
import { type FormBody, FormReader } from '../../web/form-reader.js';
import { isUuid } from '../../web/ids.js';
import { type Parsed, dateFields, done, keep, pastDate, readFormToken, readVersion, yesNo } from '../casework/form-schema.js';

// ---------------------------------------------------------------------------------------------
// Choices

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

