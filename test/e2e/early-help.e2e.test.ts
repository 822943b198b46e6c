/**
 * Issue 9 in a real browser: (1) a contact, the MASH decision "early help", the front door
 * allocating the episode, the lead practitioner's review and step up back to the front door;
 * (2) a worker proposing the closure of a child in need episode and her manager agreeing it.
 * Every page reached is checked by `session.visit` (axe-core, console errors, failed requests).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { dateInput, referredChild, submitForm } from '../support/casework.js';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../support/test-app.js';
import { type Screenshots, type Session, launchBrowser, newSession, screenshots } from './support/browser.js';
import { todayParts } from './support/seed.js';

/** Fills a GOV.UK date input, found by its legend. */
async function fillDate(page: Page, legend: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(String(Number(d)));
  await group.getByLabel('Month').fill(String(Number(m)));
  await group.getByLabel('Year').fill(y);
}

describe('early help and closure with a manager’s agreement, in a browser', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let shots: Screenshots;
  const sessions: Session[] = [];

  before(async () => {
    // Monday 23 November 2026, 10am.
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    await t.services.users.addTeam({ name: 'Early Help North', kind: 'team', parentName: 'Children’s Services' });
    t.ids.lead = await t.services.users.addUser({ username: 'lead', displayName: 'Lee Lead', password: TEST_PASSWORD, roles: ['social_worker'], teamName: 'Early Help North' });
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    shots = screenshots('early-help');
  });

  after(async () => {
    for (const s of sessions) await s.context.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  async function signedIn(username: string): Promise<Session> {
    const s = await newSession(browser, base, shots);
    sessions.push(s);
    await s.signIn(username, TEST_PASSWORD, `${username}: home`);
    return s;
  }

  test('contact → MASH decision “early help” → allocated → early help review → step up to the front door', async () => {
    const mash = await signedIn('mash');
    let page = mash.page;
    await mash.visit('mash: find the child', () => page.getByRole('link', { name: 'Record a contact' }).click());
    await page.getByLabel('First name').fill('Rowan');
    await page.getByLabel('Last name').fill('Fairweather');
    await mash.visit('mash: no child found', () => page.getByRole('button', { name: 'Search' }).click());
    const today = todayParts(t);
    const received = page.getByRole('group', { name: 'Date the contact was received' });
    await received.getByLabel('Day').fill(today.day);
    await received.getByLabel('Month').fill(today.month);
    await received.getByLabel('Year').fill(today.year);
    await page.getByLabel('Time the contact was received').fill('08:40');
    await page.getByLabel('Who the contact came from').selectOption({ label: '2A: Schools' });
    await page.getByLabel('Concerns raised').fill('Rowan is often late and hungry; mum is struggling since a bereavement.');
    await mash.visit('mash: contact recorded', () => page.getByRole('button', { name: 'Record contact' }).click());
    await page.getByRole('group', { name: 'What is the decision?' }).getByLabel('Early help').check();
    await page.getByLabel('Rationale').fill('Below the threshold for social care; mum agrees to family support.');
    await mash.visit('mash: decided early help', () => page.getByRole('button', { name: 'Record decision' }).click());
    await page.getByRole('heading', { name: 'Decision: Early help' }).waitFor();

    await mash.visit('mash: allocate early help', () => page.getByRole('link', { name: 'Allocate the early help episode' }).click());
    await page.getByRole('heading', { level: 1, name: 'Allocate early help' }).waitFor();
    await page.getByLabel('Early help team').selectOption({ label: 'Early Help North' });
    await page.getByLabel('Lead practitioner').selectOption({ label: 'Lee Lead (Early Help North)' });
    await page.getByRole('radio', { name: 'Targeted family support' }).check();
    await mash.visit('mash: allocated, the child’s record', () => page.getByRole('button', { name: 'Allocate', exact: true }).click());
    const personId = new URL(page.url()).pathname.split('/').pop()!;
    await mash.close();

    const lead = await signedIn('lead');
    page = lead.page;
    await page.getByRole('heading', { level: 1, name: 'My worktray' }).waitFor();
    assert.match(await page.locator('main').innerText(), /Early help review/, 'the review is on the lead practitioner’s worktray');
    await lead.goto('lead: the child’s record', `/children/${personId}`);
    assert.match((await page.locator('main').textContent()) ?? '', /Targeted family support/, 'in the early help section');
    await lead.visit('lead: record a review', () => page.getByRole('link', { name: 'Record an early help review' }).click());
    await page.getByText('The review is due by 4 January 2027').waitFor();
    await fillDate(page, 'When was the review?', '2026-11-23');
    await page.getByRole('radio', { name: 'Consider a step up to children’s social care' }).check();
    await page.getByLabel('What the review found and agreed').fill('School reports bruising; mum not engaging. Needs social care.');
    await lead.visit('lead: review saved', () => page.getByRole('button', { name: 'Save the review' }).click());
    assert.match((await page.locator('main').textContent()) ?? '', /Early help review: consider a step up/, 'in the chronology');

    await lead.visit('lead: step up', () => page.getByRole('link', { name: 'Step up to children’s social care' }).click());
    await lead.visit('lead: step up with errors', () => page.getByRole('button', { name: 'Step up to the front door' }).click(), { status: 400 });
    await page.getByRole('alert').getByRole('link', { name: 'Enter the concerns that need children’s social care' }).waitFor();
    await fillDate(page, 'When did early help decide to step up?', '2026-11-23');
    await page.getByLabel('The concerns that need children’s social care').fill('Bruising seen by school; mum has stopped engaging with family support.');
    await lead.visit('lead: stepped up, back to the worktray', () => page.getByRole('button', { name: 'Step up to the front door' }).click());
    assert.equal(new URL(page.url()).pathname, '/');
    await lead.close();

    const [episode] = await t.db.query<{ end_reason: string; step_up_contact_id: string }>('select end_reason, step_up_contact_id from early_help_episodes where person_id = $1', [personId]);
    assert.equal(episode!.end_reason, 'step_up');
    const front = await signedIn('mash');
    assert.match(await front.page.locator('main').innerText(), /Rowan Fairweather/, 'the step up waits for the MASH decision');
    await front.visit('mash: the step-up contact', () => front.page.getByRole('link', { name: 'Rowan Fairweather' }).first().click());
    assert.match(await front.page.locator('main').innerText(), /Local authority services: early help/);
    await front.close();
  });

  test('a worker proposes closing a child in need episode; her manager agrees it from the team worktray', async () => {
    const { personId, episodeId } = await referredChild(t, { givenName: 'Closing' });
    const child = (p: string) => `/children/${personId}${p}`;
    const worker = await t.as('worker');
    assert.equal((await submitForm(worker, child('/assessments/new'), { ...dateInput('startDate', '2026-11-23'), childSeen: 'yes' })).status, 303);
    const [a] = await t.db.query<{ id: string }>('select id from assessments where person_id = $1', [personId]);
    assert.equal((await submitForm(await t.as('teammgr'), child(`/assessments/${a!.id}/authorise`), { ...dateInput('authorisedDate', '2026-11-23'), childSeen: 'yes', factors: '21', outcome: 'nfa' })).status, 303);

    const w = await signedIn('worker');
    let page = w.page;
    await w.goto('worker: the child’s record', child(''));
    await w.visit('worker: close the episode', () => page.getByRole('navigation', { name: 'Record', exact: true }).getByRole('link', { name: 'Close the child in need episode' }).click());
    await page.getByRole('heading', { level: 1, name: 'Close the child in need episode' }).waitFor();
    await fillDate(page, 'When should the episode close?', '2026-11-23');
    await page.getByRole('radio', { name: /^RC8: / }).check();
    await page.getByLabel('Summary for your manager').fill('The assessment found no further action is needed; school will keep an eye.');
    await w.visit('worker: closure proposed', () => page.getByRole('button', { name: 'Propose the closure' }).click());
    await page.getByText('Closure on 23 November 2026 awaits a manager’s agreement.').first().waitFor();
    await w.close();

    const m = await signedIn('teammgr');
    page = m.page;
    await m.goto('manager: team worktray', '/team');
    await page.getByRole('heading', { name: 'Closures awaiting your agreement' }).waitFor();
    await m.visit('manager: the proposed closure', () => page.locator('#closures + table').getByRole('link', { name: /^Closing / }).click());
    await page.getByRole('heading', { level: 1, name: 'Agree the closure of the child in need episode' }).waitFor();
    await page.getByRole('radio', { name: 'Yes, close the episode on the proposed date' }).check();
    await m.visit('manager: closure agreed', () => page.getByRole('button', { name: 'Save the decision' }).click());
    await m.close();

    const [closed] = await t.db.query<{ closure_date: string; closure_reason: string }>('select closure_date, closure_reason from cin_episodes where id = $1', [episodeId]);
    assert.deepEqual(closed, { closure_date: '2026-11-23', closure_reason: 'RC8' });
    const after = await signedIn('worker');
    await after.goto('worker: the closed child’s record, read only', child(''));
    assert.equal(await after.page.getByRole('link', { name: 'Close the child in need episode' }).count(), 0);
    await after.close();
  });
});
