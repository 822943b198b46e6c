/**
 * Helpers for casework tests: a referred child allocated to a worker, forms posted the way a worker
 * would (open the page, send its hidden fields back), and the child's stored obligations.
 */
import { type Browserless, type Response, hiddenValue } from './browserless.js';
import { principalOf, seedContact, seedDecision, seedReferralDecision } from './front-door.js';
import type { TestApp } from './test-app.js';

/** Date input fields for a GOV.UK date input named `name`, from 'YYYY-MM-DD' ('' leaves them empty). */
export function dateInput(name: string, iso: string): Record<string, string> {
  if (!iso) return { [`${name}-day`]: '', [`${name}-month`]: '', [`${name}-year`]: '' };
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
}

/** Allocates the child to a fixture user (and their team) from `startDate`; the team's allocation while it waited (a referral's) ends then, as the allocation page ends it. */
export async function allocate(t: TestApp, personId: string, username: string, startDate: string): Promise<void> {
  await t.db.query('update allocations set end_date = greatest(start_date, $2::date) where person_id = $1 and worker_id is null and end_date is null', [personId, startDate]);
  const [user] = await t.db.query<{ team_id: string }>('select team_id from users where id = $1', [t.ids[username]]);
  await t.db.query('insert into allocations (person_id, worker_id, team_id, start_date, reason) values ($1, $2, $3, $4, $5)', [personId, t.ids[username], user!.team_id, startDate, 'Allocated for casework tests']);
}

/**
 * A child referred today (by the clock) through the front door, with the referral's response
 * recorded, allocated to `worker`. Returns the child and the episode.
 */
export async function referredChild(
  t: TestApp,
  options: { response?: 'assessment' | 'strategy_discussion' | null; mashDecision?: 'referral' | 'strategy_discussion'; worker?: string; givenName?: string } = {},
): Promise<{ personId: string; episodeId: string }> {
  const { contactId, personId } = await seedContact(t, { person: { givenName: options.givenName ?? 'Casework', dateOfBirth: '2016-06-01' } });
  await seedDecision(t, contactId, options.mashDecision ?? 'referral', 'N1');
  const [episode] = await t.db.query<{ id: string; referral_date: string }>('select id, referral_date from cin_episodes where person_id = $1 and closure_date is null', [personId]);
  const response = options.response === undefined ? 'assessment' : options.response;
  if (response && (options.mashDecision ?? 'referral') === 'referral') await seedReferralDecision(t, episode!.id, response);
  await allocate(t, personId, options.worker ?? 'worker', episode!.referral_date);
  return { personId, episodeId: episode!.id };
}

/** Opens a form page, then posts it with its own hidden fields (token, version) and `fields`. */
export async function submitForm(client: Browserless, path: string, fields: Record<string, string | string[]>, options: { page?: string } = {}): Promise<Response> {
  const page = options.page ?? (await client.get(path)).body;
  return client.post(path, { formToken: hiddenValue(page, 'formToken', path) ?? '', ...versionOf(page, path), ...fields }, { page });
}

function versionOf(page: string, path: string): Record<string, string> {
  const v = hiddenValue(page, 'version', path);
  return v === null ? {} : { version: v };
}

export interface ObligationRow {
  rule: string;
  subject_type: string;
  due_on: string;
  met_on: string | null;
  lapsed_on: string | null;
}

/** The child's stored obligations for the given rules, in due order. */
export async function obligationsOf(t: TestApp, personId: string, rules?: string[]): Promise<ObligationRow[]> {
  const rows = await t.db.query<ObligationRow>('select rule, subject_type, due_on, met_on, lapsed_on from obligations where person_id = $1 order by due_on, rule', [personId]);
  return rules ? rows.filter((r) => rules.includes(r.rule)) : rows;
}

/** The open (not met, not lapsed) obligation for a rule, or undefined. */
export async function openObligation(t: TestApp, personId: string, rule: string): Promise<ObligationRow | undefined> {
  return (await obligationsOf(t, personId, [rule])).find((o) => !o.met_on && !o.lapsed_on);
}

export async function caseActions(t: TestApp, username: string, personId: string) {
  return t.services.casework.caseActionsFor(await principalOf(t, username), personId);
}

export async function count(t: TestApp, table: string, personId: string): Promise<number> {
  const [row] = await t.db.query<{ n: number }>(`select count(*)::int as n from ${table} where person_id = $1`, [personId]);
  return row!.n;
}
