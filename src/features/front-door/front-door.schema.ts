import { referralSources, primaryNeeds } from '../../domain/codes/index.js';
import type { FieldError } from '../../domain/errors.js';
import { CONTACT_DECISIONS, REFERRAL_DECISIONS, type ReferralDecision, decisionIsReferral } from '../../domain/front-door/contact-decision.js';
import { RAG_RATINGS, type RagRating } from '../../domain/front-door/rag.js';
import { type PlainDate, addDays, compareDates, londonDateOf, londonDateTimeToInstant } from '../../domain/time/index.js';
import { type FormBody, FormReader } from '../../web/form-reader.js';
import { readFormToken, readVersion } from '../../web/form-tokens.js';
import type { DecisionCommand, NewPerson, RecordContactCommand } from './front-door.service.js';
import { HOUSEHOLD_FIELDS, readHousehold } from './household.schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Parsed<T> {
  command: T | null;
  errors: FieldError[];
  /** What the user typed, to show back on the page. */
  values: Record<string, string>;
}

function nhsNumber(form: FormReader): string | null {
  const raw = form.raw('nhsNumber').replace(/[\s-]/g, '');
  if (!raw) return null;
  if (!/^\d{10}$/.test(raw)) {
    form.fail('nhsNumber', 'NHS number must be 10 digits, like 485 777 3456');
    return null;
  }
  if (!nhsCheckDigitValid(raw)) {
    form.fail('nhsNumber', 'Check the NHS number: it is not a real NHS number (a digit may be wrong)');
    return null;
  }
  return raw;
}

/** The NHS number's modulus 11 check digit. */
export function nhsCheckDigitValid(n: string): boolean {
  const digits = [...n].map(Number);
  const total = digits.slice(0, 9).reduce((sum, d, i) => sum + d * (10 - i), 0);
  const check = 11 - (total % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === digits[9];
}

const PERSON_FIELDS = ['givenName', 'familyName', 'dateOfBirth-day', 'dateOfBirth-month', 'dateOfBirth-year', 'nhsNumber', 'sex'];
const CONTACT_FIELDS = ['receivedAt-day', 'receivedAt-month', 'receivedAt-year', 'receivedTime', 'source', 'referrerName', 'referrerOrganisation', 'referrerContact', 'concerns', 'assignedWorkerId', 'confirmNotDuplicate', 'personId', 'formToken'];

function keep(form: FormReader, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, form.raw(n)]));
}

export function parseFind(body: FormBody, today: PlainDate): Parsed<{ givenName: string | null; familyName: string | null; dateOfBirth: PlainDate | null; nhsNumber: string | null }> {
  const form = new FormReader(body);
  const givenName = form.text('givenName', { max: 100, label: 'First name' , personName: true });
  const familyName = form.text('familyName', { max: 100, label: 'Last name' , personName: true });
  const dateOfBirth = form.date('dateOfBirth', { label: 'Date of birth', required: false, notAfter: addDays(today, 280), notAfterMessage: 'Date of birth must be no more than 40 weeks from today' });
  const nhs = nhsNumber(form);
  if (form.ok && !familyName && !nhs) form.fail('familyName', 'Enter the child’s last name, or their NHS number');
  const values = keep(form, PERSON_FIELDS);
  return { command: form.ok ? { givenName, familyName, dateOfBirth, nhsNumber: nhs } : null, errors: form.errors, values };
}

export function parseContact(body: FormBody, today: PlainDate, now: Date): Parsed<RecordContactCommand> & { formToken: string | null; personId: string | null } {
  const form = new FormReader(body);
  const personIdRaw = form.raw('personId');
  const personId = UUID.test(personIdRaw) ? personIdRaw : null;
  let person: RecordContactCommand['person'] | null = null;
  if (personId) {
    person = { existingId: personId };
  } else {
    const givenName = form.text('givenName', { required: 'Enter the child’s first name', max: 100, label: 'First name' , personName: true });
    const familyName = form.text('familyName', { required: 'Enter the child’s last name', max: 100, label: 'Last name' , personName: true });
    // A date after today is an unborn child's expected date of birth (up to 40 weeks ahead, as CIN census rule 8606 allows).
    const givenDate = form.date('dateOfBirth', { label: 'Date of birth', required: false, notAfter: addDays(today, 280), notAfterMessage: 'Date of birth must be in the past, or for an unborn child no more than 40 weeks from today' });
    const unborn = givenDate !== null && compareDates(givenDate, today) > 0;
    const dateOfBirth = unborn ? null : givenDate;
    const expectedDateOfBirth = unborn ? givenDate : null;
    const nhs = nhsNumber(form);
    const sexRaw = form.raw('sex') || 'U';
    if (!['M', 'F', 'U'].includes(sexRaw)) form.fail('sex', 'Select the child’s sex, or ‘Not known’');
    const sex = (['M', 'F', 'U'].includes(sexRaw) ? sexRaw : 'U') as NewPerson['sex'];
    const household = readHousehold(form);
    if (givenName && familyName) {
      person = { new: { givenName, familyName, dateOfBirth, expectedDateOfBirth, sex, nhsNumber: nhs, household }, confirmedNotDuplicate: form.raw('confirmNotDuplicate') === 'yes' };
    }
  }
  const receivedOn = form.date('receivedAt', { label: 'Date the contact was received', notAfter: today, notAfterMessage: 'Date the contact was received must be today or in the past' });
  const receivedTime = form.time('receivedTime', { label: 'Time the contact was received' });
  let receivedAt: Date | null = null;
  if (receivedOn && receivedTime) {
    receivedAt = londonDateTimeToInstant(receivedOn, receivedTime);
    if (receivedAt.getTime() > now.getTime() + 60_000) {
      form.fail('receivedTime', 'Time the contact was received must be in the past');
      receivedAt = null;
    }
  }
  const source = form.raw('source');
  if (!referralSources.has(source)) form.fail('source', 'Select who the contact came from');
  const referrerName = form.text('referrerName', { max: 200, label: 'Referrer’s name' , personName: true });
  const referrerOrganisation = form.text('referrerOrganisation', { max: 200, label: 'Organisation' });
  const referrerContact = form.text('referrerContact', { max: 200, label: 'Referrer’s phone or email' });
  const concerns = form.text('concerns', { required: 'Enter the concerns raised', max: 10_000, label: 'Concerns' });
  const assignedRaw = form.raw('assignedWorkerId');
  const assignedWorkerId = UUID.test(assignedRaw) ? assignedRaw : null;
  const formToken = readFormToken(form);
  const values = keep(form, [...PERSON_FIELDS, ...HOUSEHOLD_FIELDS, ...CONTACT_FIELDS]);
  const command =
    form.ok && person && receivedAt && concerns
      ? { person, receivedAt, source, referrerName, referrerOrganisation, referrerContact, concerns, assignedWorkerId }
      : null;
  return { command, errors: form.errors, values, formToken, personId };
}

export function parseRating(body: FormBody): Parsed<{ rating: RagRating; reason: string | null; version: number }> & { formToken: string | null } {
  const form = new FormReader(body);
  const rating = form.choice('rating', RAG_RATINGS, 'Select a RAG rating');
  const reason = form.text('reason', { max: 2000, label: 'Reason' });
  const version = readVersion(form);
  const formToken = readFormToken(form);
  return { command: form.ok && rating ? { rating, reason, version } : null, errors: form.errors, values: keep(form, ['rating', 'reason']), formToken };
}

/**
 * When a decision happened: a date and a time (the MASH decision runs on an hour clock), defaulting
 * to now when both are left empty, never in the future. "Not before what it follows" needs the
 * record, so the service checks it.
 */
function readWhen(form: FormReader, names: { date: string; time: string }, label: string, now: Date): Date | null {
  const blank = [`${names.date}-day`, `${names.date}-month`, `${names.date}-year`, names.time].every((n) => !form.raw(n).trim());
  if (blank) return now;
  const today = londonDateOf(now);
  const on = form.date(names.date, { label: `Date ${label}`, notAfter: today, notAfterMessage: `Date ${label} must be today or in the past` });
  const at = form.time(names.time, { label: `Time ${label}` });
  if (!on || !at) return null;
  const when = londonDateTimeToInstant(on, at);
  if (when.getTime() > now.getTime() + 60_000) {
    form.fail(names.time, `Time ${label} must be now or in the past`);
    return null;
  }
  return when;
}

export function parseDecision(body: FormBody, now: Date): Parsed<DecisionCommand> & { formToken: string | null } {
  const form = new FormReader(body);
  const decision = form.choice('decision', CONTACT_DECISIONS, 'Select the decision');
  // Read in the order of the page (decision, when, team, primary need, rationale): the error summary follows it.
  const decidedAt = readWhen(form, { date: 'decidedOn', time: 'decidedTime' }, 'of the decision', now);
  let primaryNeedCode: string | null = null;
  // The receiving team is required by the service, for a referral that opens an episode: whether
  // one does is the record's to say (a decided contact is refused first, with 409).
  const teamRaw = form.raw('receivingTeamId');
  const receivingTeamId = UUID.test(teamRaw) ? teamRaw : null;
  if (decision && decisionIsReferral(decision) && form.raw('hasOpenEpisode') !== 'yes') {
    primaryNeedCode = form.raw('primaryNeedCode');
    if (!primaryNeeds.has(primaryNeedCode)) {
      form.fail('primaryNeedCode', 'Select the primary need');
      primaryNeedCode = null;
    }
  }
  const rationale = form.text('rationale', { required: 'Enter the rationale for the decision', max: 10_000, label: 'Rationale' });
  const version = readVersion(form);
  const formToken = readFormToken(form);
  return {
    command: form.ok && decision && rationale && decidedAt ? { decision, rationale, primaryNeedCode, receivingTeamId, decidedAt, version } : null,
    errors: form.errors,
    values: keep(form, ['decision', 'rationale', 'primaryNeedCode', 'receivingTeamId', 'decidedOn-day', 'decidedOn-month', 'decidedOn-year', 'decidedTime']),
    formToken,
  };
}

export function parseReferralDecision(body: FormBody, today: PlainDate): Parsed<{ decision: ReferralDecision; rationale: string; decidedOn: PlainDate; version: number }> & { formToken: string | null } {
  const form = new FormReader(body);
  const decision = form.choice('decision', REFERRAL_DECISIONS, 'Select the response to the referral');
  // The date it was decided (a working-day clock: the date is enough), today when left empty.
  const given = form.date('decidedOn', { label: 'Date of the decision', required: false, notAfter: today, notAfterMessage: 'Date of the decision must be today or in the past' });
  const dateFailed = form.errors.some((e) => e.field.startsWith('decidedOn-'));
  const decidedOn = given ?? today;
  const rationale = form.text('rationale', { required: 'Enter the rationale for the decision', max: 10_000, label: 'Rationale' });
  const version = readVersion(form);
  const formToken = readFormToken(form);
  return {
    command: form.ok && decision && rationale && !dateFailed ? { decision, rationale, decidedOn, version } : null,
    errors: form.errors,
    values: keep(form, ['decision', 'rationale', 'decidedOn-day', 'decidedOn-month', 'decidedOn-year']),
    formToken,
  };
}
