/**
 * Set-up for browser tests: records made through the app's own forms over HTTP (the Browserless
 * client), so the browser test only walks the pages it is about.
 */
import assert from 'node:assert/strict';
import { and, eq, isNull } from 'drizzle-orm';
import { allocations } from '../../../src/db/schema/index.js';
import { londonDateOf } from '../../../src/domain/time/index.js';
import { type Browserless, hiddenValue } from '../../support/browserless.js';
import { RECEIVING_TEAM, optionValue } from '../../support/front-door.js';
import type { TestApp } from '../../support/test-app.js';

/** Today in London by the app's clock, as the three boxes of a GOV.UK date input. */
export function todayParts(t: TestApp) {
  const [year, month, day] = londonDateOf(t.clock.now()).split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
}

export interface NewContact {
  givenName: string;
  familyName: string;
  /** "09:15" today, by the app's clock. */
  time: string;
  /** A fixture username. */
  assignedTo?: string;
  source?: string;
  concerns?: string;
  dateOfBirth?: { day: string; month: string; year: string };
}

/** A contact for a new child, recorded by `client` (a MASH worker). Returns the contact's path. */
export async function recordContact(t: TestApp, client: Browserless, c: NewContact): Promise<string> {
  await client.get('/contacts/new');
  const found = await client.post('/contacts/find', { givenName: c.givenName, familyName: c.familyName });
  assert.equal(found.status, 200, found.body.slice(0, 500));
  const { day, month, year } = todayParts(t);
  const created = await client.post('/contacts', {
    givenName: c.givenName,
    familyName: c.familyName,
    'dateOfBirth-day': c.dateOfBirth?.day ?? '',
    'dateOfBirth-month': c.dateOfBirth?.month ?? '',
    'dateOfBirth-year': c.dateOfBirth?.year ?? '',
    sex: 'U',
    'receivedAt-day': day,
    'receivedAt-month': month,
    'receivedAt-year': year,
    receivedTime: c.time,
    source: c.source ?? '3A',
    concerns: c.concerns ?? 'GP concerned about missed appointments and weight loss',
    assignedWorkerId: t.ids[c.assignedTo ?? 'mash']!,
    formToken: hiddenValue(found.body, 'formToken')!,
  });
  assert.equal(created.status, 303, created.body.slice(0, 1000));
  return created.location!;
}

export async function rateContact(client: Browserless, contactPath: string, rating: 'red' | 'amber' | 'green', reason = ''): Promise<void> {
  const page = await client.get(contactPath);
  const action = `${contactPath}/rating`;
  const res = await client.post(action, { rating, reason, version: hiddenValue(page.body, 'version', action)!, formToken: hiddenValue(page.body, 'formToken', action)! });
  assert.equal(res.status, 303, res.body.slice(0, 1000));
}

/** The MASH decision "referral", now, to `team` (the fixture's assessment team by default); returns the referral's path. */
export async function referContact(client: Browserless, contactPath: string, rationale = 'Threshold for a referral met', team = RECEIVING_TEAM): Promise<string> {
  const page = await client.get(contactPath);
  const action = `${contactPath}/decision`;
  const res = await client.post(action, { decision: 'referral', rationale, primaryNeedCode: 'N1', hasOpenEpisode: 'no', receivingTeamId: optionValue(page.body, 'receivingTeamId', team) ?? '', version: hiddenValue(page.body, 'version', action)!, formToken: hiddenValue(page.body, 'formToken', action)! });
  assert.equal(res.status, 303, res.body.slice(0, 1000));
  assert.match(res.location!, /^\/referrals\//);
  return res.location!;
}

/** The response to a referral; returns the child's path. */
export async function respondToReferral(client: Browserless, referralPath: string, decision: 'assessment' | 'strategy_discussion' | 'nfa', rationale = 'Assessment needed'): Promise<string> {
  const page = await client.get(referralPath);
  const action = `${referralPath}/decision`;
  const res = await client.post(action, { decision, rationale, version: hiddenValue(page.body, 'version', action)!, formToken: hiddenValue(page.body, 'formToken', action)! });
  assert.equal(res.status, 303, res.body.slice(0, 1000));
  return res.location!;
}

/** Allocates the child to a worker straight into the table; the team's allocation while it waited ends, as the allocation page ends it. */
export async function allocate(t: TestApp, personId: string, username: string, teamName: string): Promise<void> {
  await t.db.db.update(allocations).set({ endDate: londonDateOf(t.clock.now()) }).where(and(eq(allocations.personId, personId), isNull(allocations.workerId), isNull(allocations.endDate)));
  await t.db.db.insert(allocations).values({ personId, workerId: t.ids[username]!, teamId: t.ids[`team:${teamName}`]!, startDate: londonDateOf(t.clock.now()), reason: 'Allocated for child and family assessment' });
}

/**
 * Allocates the child to a worker through the allocation page, as `manager` (a signed-in client of
 * a manager whose line holds the child): the child's obligations are recomputed with the
 * allocation (case supervision becomes due), as they are when a manager allocates.
 */
export async function allocateThroughPage(t: TestApp, manager: Browserless, personId: string, username: string, reasonCode = 'FCONTA'): Promise<void> {
  const path = `/children/${personId}/allocate`;
  const page = await manager.get(path);
  assert.equal(page.status, 200, page.body.slice(0, 500));
  const res = await manager.post(path, {
    workerId: t.ids[username]!,
    reasonCode,
    reason: 'Allocated for a child and family assessment',
    currentAllocationId: hiddenValue(page.body, 'currentAllocationId', path) ?? '',
    formToken: hiddenValue(page.body, 'formToken', path)!,
  });
  assert.equal(res.status, 303, res.body.slice(0, 1000));
}
