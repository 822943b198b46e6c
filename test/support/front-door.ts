/**
 * Helpers for front-door tests: the rows a form may write, what a re-rendered GOV.UK form shows
 * (inline errors, kept values), and quick set-up through the services (not under test there).
 */
import type { Principal } from '../../src/domain/access/index.js';
import type { RagRating } from '../../src/domain/front-door/rag.js';
import type { ContactDecision, ReferralDecision } from '../../src/domain/front-door/contact-decision.js';
import type { NewPerson } from '../../src/features/front-door/front-door.service.js';
import { type PlainDate, londonDateOf, parsePlainDate } from '../../src/domain/time/index.js';
import { newFormToken } from '../../src/web/form-tokens.js';
import { type Browserless, type Response, hiddenValue } from './browserless.js';
import type { TestApp } from './test-app.js';

/** Rows in the tables a front-door form writes to. */
export interface FrontDoorCounts {
  people: number;
  contacts: number;
  ratings: number;
  episodes: number;
}

export async function countRows(t: TestApp, table: string): Promise<number> {
  const [row] = await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row!.n;
}

export async function frontDoorCounts(t: TestApp): Promise<FrontDoorCounts> {
  return {
    people: await countRows(t, 'people'),
    contacts: await countRows(t, 'contacts'),
    ratings: await countRows(t, 'contact_rag_ratings'),
    episodes: await countRows(t, 'cin_episodes'),
  };
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const stripTags = (s: string) => s.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();

/** The inline GOV.UK error message for a field (`<p id="${id}-error">`), without the hidden "Error:" prefix. */
export function inlineError(html: string, id: string): string | null {
  const m = new RegExp(`<p id="${id}-error" class="govuk-error-message">([\\s\\S]*?)</p>`).exec(html);
  return m ? decode(stripTags(m[1]!).replace(/^Error:\s*/, '')) : null;
}

/** The value of a text input by name (as the page shows it back). */
export function inputValue(html: string, name: string): string | null {
  const tag = new RegExp(`<input[^>]*\\sname="${name}"[^>]*>`).exec(html)?.[0];
  if (!tag) return null;
  const m = /\svalue="([^"]*)"/.exec(tag);
  return m ? decode(m[1]!) : '';
}

/** The content of a textarea by name. */
export function textareaValue(html: string, name: string): string | null {
  const m = new RegExp(`<textarea[^>]*\\sname="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  return m ? decode(m[1]!) : null;
}

/** The selected option's value in a select by name. */
export function selectedOption(html: string, name: string): string | null {
  const start = html.indexOf(`name="${name}"`);
  if (start < 0) return null;
  const select = html.slice(start, html.indexOf('</select>', start));
  const m = /<option value="([^"]*)" selected>/.exec(select);
  return m ? decode(m[1]!) : null;
}

/** The checked values of radios or checkboxes by name. */
export function checkedValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<input[^>]*\\sname="${name}"[^>]*>`, 'g'))]
    .map((m) => m[0])
    .filter((tag) => /\schecked[\s>]/.test(tag))
    .map((tag) => decode(/\svalue="([^"]*)"/.exec(tag)?.[1] ?? ''));
}

/** True when an element with this id is on the page: where an error summary link must land. */
export function hasElementWithId(html: string, id: string): boolean {
  return html.includes(`id="${id}"`);
}

/** The rows of the first table whose `id` attribute (or caption) matches, as text cells. */
export function tableRows(html: string, tableId: string): string[][] {
  const start = html.indexOf(`id="${tableId}"`);
  if (start < 0) return [];
  const table = html.slice(start, html.indexOf('</table>', start));
  const body = table.slice(table.indexOf('<tbody'));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => decode(stripTags(c[1]!))));
}

/** The line beneath a child's name in a list: their status and team ("Child in need · Assessment"). */
const STANDING_LINE = / (?:Died|Looked after|Child protection plan|Care leaver|Child in need|At the front door|Closed|No involvement) · [^·]+$/;

/** A list's child cell as text, less the child ID and the status-and-team line beneath the name: the name. */
export function childCellName(cell: string): string {
  return cell.replace(STANDING_LINE, '').replace(/ WT\d+$/, '');
}

/** The status-and-team line of a list's child cell ("Child protection plan · Assessment"), or null. */
export function childCellStanding(cell: string): string | null {
  return STANDING_LINE.exec(cell)?.[0].trim() ?? null;
}

/** The fields of a filled-in "new child" contact form; override any of them. */
export function newChildContactFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    givenName: 'Lily',
    familyName: 'Evans',
    'dateOfBirth-day': '3',
    'dateOfBirth-month': '5',
    'dateOfBirth-year': '2015',
    nhsNumber: '',
    sex: 'F',
    'receivedAt-day': '23',
    'receivedAt-month': '11',
    'receivedAt-year': '2026',
    receivedTime: '09:15',
    source: '2A',
    referrerName: 'Ms Head',
    referrerOrganisation: 'Hogwarts Primary',
    referrerContact: '',
    concerns: 'Bruise on her arm',
    formToken: newFormToken(),
    ...overrides,
  };
}

export async function principalOf(t: TestApp, username: string): Promise<Principal> {
  const p = await t.services.access.loadPrincipal(t.ids[username]!);
  if (!p) throw new Error(`no principal for ${username}`);
  return p;
}

/** Records a contact through the service (set-up, not the thing under test). Returns the contact and person ids. */
export async function seedContact(
  t: TestApp,
  options: {
    as?: string;
    /** A new child (date of birth as YYYY-MM-DD), or an existing one. */
    person?: (Partial<Omit<NewPerson, 'dateOfBirth'>> & { dateOfBirth?: string | null }) | { existingId: string };
    receivedAt?: Date;
    source?: string;
    concerns?: string;
    assignedWorkerId?: string | null;
  } = {},
): Promise<{ contactId: string; personId: string }> {
  const principal = await principalOf(t, options.as ?? 'mash');
  const person =
    options.person && 'existingId' in options.person
      ? { existingId: options.person.existingId }
      : {
          new: {
            givenName: 'Child',
            familyName: `Test${Math.random().toString(36).slice(2, 8)}`,
            sex: 'U' as const,
            nhsNumber: null,
            ...options.person,
            dateOfBirth: options.person?.dateOfBirth ? parsePlainDate(options.person.dateOfBirth) : null,
          },
          confirmedNotDuplicate: true,
        };
  const done = await t.services.frontDoor.recordContact(
    principal,
    {
      person,
      receivedAt: options.receivedAt ?? t.clock.now(),
      source: options.source ?? '6',
      referrerName: null,
      referrerOrganisation: null,
      referrerContact: null,
      concerns: options.concerns ?? 'Concerns',
      assignedWorkerId: options.assignedWorkerId ?? null,
    },
    { token: newFormToken(), userId: principal.userId },
  );
  const contactId = done.path.split('/').at(-1)!;
  const [row] = await t.db.query<{ person_id: string }>('select person_id from contacts where id = $1', [contactId]);
  return { contactId, personId: row!.person_id };
}

async function contactVersion(t: TestApp, contactId: string): Promise<number> {
  const [row] = await t.db.query<{ version: number }>('select version from contacts where id = $1', [contactId]);
  return row!.version;
}

export async function seedRating(t: TestApp, contactId: string, rating: RagRating, as = 'mash'): Promise<void> {
  const principal = await principalOf(t, as);
  await t.services.frontDoor.rateContact(principal, contactId, { rating, reason: null, version: await contactVersion(t, contactId) }, { token: newFormToken(), userId: principal.userId });
}

/** The fixture's receiving team for referrals (a case-holding team, not the front door). */
export const RECEIVING_TEAM = 'Assessment';

/**
 * The MASH decision through the service, made now (by the clock) unless `decidedAt` is given; a
 * referral goes to the fixture's assessment team unless `receivingTeam` names another. Returns
 * where the app would go next.
 */
export async function seedDecision(
  t: TestApp,
  contactId: string,
  decision: ContactDecision,
  primaryNeedCode: string | null = 'N1',
  as = 'mash',
  options: { decidedAt?: Date; receivingTeam?: string } = {},
): Promise<string> {
  const principal = await principalOf(t, as);
  const receivingTeamId = t.ids[`team:${options.receivingTeam ?? RECEIVING_TEAM}`] ?? null;
  const done = await t.services.frontDoor.decideContact(
    principal,
    contactId,
    { decision, rationale: 'Seeded decision', primaryNeedCode, receivingTeamId, decidedAt: options.decidedAt ?? t.clock.now(), version: await contactVersion(t, contactId) },
    { token: newFormToken(), userId: principal.userId },
  );
  return done.path;
}

export async function seedReferralDecision(t: TestApp, episodeId: string, decision: ReferralDecision, as = 'mash', decidedOn?: string): Promise<void> {
  const principal = await principalOf(t, as);
  const [row] = await t.db.query<{ version: number }>('select version from cin_episodes where id = $1', [episodeId]);
  const on = (decidedOn ?? londonDateOf(t.clock.now())) as PlainDate;
  await t.services.frontDoor.decideReferral(principal, episodeId, { decision, rationale: 'Seeded response', decidedOn: on, version: row!.version }, { token: newFormToken(), userId: principal.userId });
}

// ---------------------------------------------------------------------------------------------
// Through the pages, as a worker would: open the page, then post its form with its hidden fields.

export async function rateViaPage(client: Browserless, contactId: string, rating: string, reason = ''): Promise<Response> {
  const action = `/contacts/${contactId}/rating`;
  const page = await client.get(`/contacts/${contactId}`);
  return client.post(action, { version: hiddenValue(page.body, 'version', action) ?? '', formToken: hiddenValue(page.body, 'formToken', action) ?? '', rating, reason });
}

/**
 * The MASH decision through its page. The date and time of the decision are the page's own
 * (now), and a referral goes to the team the page lists as `receivingTeam` (the fixture's
 * assessment team by default), unless `fields` say otherwise.
 */
export async function decideViaPage(
  client: Browserless,
  contactId: string,
  fields: { decision: string; rationale?: string; primaryNeedCode?: string; receivingTeamId?: string; 'decidedOn-day'?: string; 'decidedOn-month'?: string; 'decidedOn-year'?: string; decidedTime?: string },
  options: { receivingTeam?: string } = {},
): Promise<Response> {
  const action = `/contacts/${contactId}/decision`;
  const page = await client.get(`/contacts/${contactId}`);
  return client.post(action, {
    version: hiddenValue(page.body, 'version', action) ?? '',
    formToken: hiddenValue(page.body, 'formToken', action) ?? '',
    hasOpenEpisode: hiddenValue(page.body, 'hasOpenEpisode', action) ?? '',
    ...inputsOf(page.body, ['decidedOn-day', 'decidedOn-month', 'decidedOn-year', 'decidedTime']),
    receivingTeamId: optionValue(page.body, 'receivingTeamId', options.receivingTeam ?? RECEIVING_TEAM) ?? '',
    rationale: 'Rationale given',
    primaryNeedCode: '',
    ...fields,
  });
}

/** The values of text inputs as the page fills them in. */
function inputsOf(html: string, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, inputValue(html, n) ?? '']));
}

/** The value of the option of a select whose text is `text`. */
export function optionValue(html: string, name: string, text: string): string | null {
  const start = html.indexOf(`name="${name}"`);
  if (start < 0) return null;
  const select = html.slice(start, html.indexOf('</select>', start));
  for (const m of select.matchAll(/<option value="([^"]*)"[^>]*>([\s\S]*?)<\/option>/g)) if (decode(stripTags(m[2]!)) === text) return m[1]!;
  return null;
}

export async function respondViaPage(client: Browserless, referralPath: string, decision: string, rationale = 'Response rationale'): Promise<Response> {
  const action = `${referralPath}/decision`;
  const page = await client.get(referralPath);
  return client.post(action, { version: hiddenValue(page.body, 'version', action) ?? '', formToken: hiddenValue(page.body, 'formToken', action) ?? '', decision, rationale });
}
