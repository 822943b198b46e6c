/**
 * The front door in a real browser: what a MASH worker does, by clicking and typing (labels, roles,
 * button names), on a fresh database. Every page reached is checked by `session.visit` (axe-core,
 * console errors, failed asset requests) and photographed to test-results/e2e/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../support/test-app.js';
import { type Screenshots, type Session, focused, launchBrowser, newSession, screenshots } from './support/browser.js';
import { recordContact, todayParts } from './support/seed.js';

const MINUTE = 60_000;

/** The chronology's entry titles, top to bottom. */
async function chronologyTitles(page: Page): Promise<string[]> {
  return (await page.locator('.moj-timeline__title').allTextContents()).map((s) => s.trim());
}

/** The children named in the worktray's "Contacts awaiting a MASH decision" table. */
async function waitingContacts(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Contacts awaiting a MASH decision' });
  if ((await table.count()) === 0) return [];
  // The child's name (the link); their status and team follow it on a line of their own.
  return (await table.locator('tbody tr td:first-child a').allTextContents()).map((s) => s.trim());
}

describe('the front door in a browser', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let shots: Screenshots;
  const sessions: Session[] = [];

  async function session(): Promise<Session> {
    const s = await newSession(browser, base, shots);
    sessions.push(s);
    return s;
  }

  /** A contact recorded through the app's own forms (set-up, not under test here). */
  async function contactAbout(givenName: string, familyName: string, assignedTo: string, time: string) {
    return recordContact(t, await t.as('mash'), { givenName, familyName, assignedTo, time });
  }

  before(async () => {
    t = await createTestApp();
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    shots = screenshots('front-door');
  });

  after(async () => {
    for (const s of sessions) await s.context.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  test('a MASH worker records a contact for a new child, rates it red, refers it, and the response shows on the child’s record', async () => {
    const s = await session();
    const page = s.page;

    // Sign in: home for a MASH worker is the Front door worktray.
    await s.signIn('mash', TEST_PASSWORD, 'front door worktray, empty');
    assert.equal(new URL(page.url()).pathname, '/front-door');
    await page.getByRole('heading', { level: 1, name: 'Front door' }).waitFor();
    await page.getByText('No contacts are waiting for a decision.').waitFor();

    // Record a contact: find the child first.
    await s.visit('find the child', () => page.getByRole('link', { name: 'Record a contact' }).click());
    await page.getByRole('heading', { level: 1, name: 'Find the child' }).waitFor();
    await page.getByLabel('First name').fill('Ruby');
    await page.getByLabel('Last name').fill('Thornfield');
    await s.visit('no child found', () => page.getByRole('button', { name: 'Search' }).click());
    await page.getByRole('heading', { level: 1, name: 'No child found' }).waitFor();

    // The new child and the contact, on one page; the names carry over from the search.
    assert.equal(await page.locator('#givenName').inputValue(), 'Ruby');
    assert.equal(await page.locator('#familyName').inputValue(), 'Thornfield');
    const dob = page.getByRole('group', { name: 'Date of birth' });
    await dob.getByLabel('Day').fill('14');
    await dob.getByLabel('Month').fill('2');
    await dob.getByLabel('Year').fill('2017');
    await page.getByRole('group', { name: 'Sex' }).getByLabel('Female').check();
    const today = todayParts(t);
    const received = page.getByRole('group', { name: 'Date the contact was received' });
    await received.getByLabel('Day').fill(today.day);
    await received.getByLabel('Month').fill(today.month);
    await received.getByLabel('Year').fill(today.year);
    await page.getByLabel('Time the contact was received').fill('9:15am');
    await page.getByLabel('Who the contact came from').selectOption({ label: '2A: Schools' });
    const referrer = page.getByRole('group', { name: 'Referrer' });
    await referrer.getByLabel('Name (optional)').fill('Mrs Patel, designated safeguarding lead');
    await referrer.getByLabel('Organisation (optional)').fill('Elm Road Primary School');
    await page.getByLabel('Concerns raised').fill('Ruby came to school with a bruise on her cheek and said her mum’s boyfriend hit her.');
    assert.equal(await page.getByLabel('MASH worker to triage it').locator('option:checked').textContent(), 'Mo Mash', 'the worker recording it is chosen by default');
    await s.visit('contact recorded, not rated', () => page.getByRole('button', { name: 'Record contact' }).click());
    const contactUrl = page.url();
    assert.match(new URL(contactUrl).pathname, /^\/contacts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Ruby Thornfield' }).waitFor();
    // Received 09:15, not yet rated: the red clock (4 hours) runs from receipt; it is now 10:00.
    assert.match(await page.locator('.govuk-body-l').first().innerText(), /Not rated\s+MASH decision due in 3 hours/);

    // Rate it red, five minutes later.
    t.clock.advance(5 * MINUTE);
    await page.getByRole('group', { name: 'Rate the contact' }).getByLabel('Red').check();
    await page.getByLabel('Reason (optional)').fill('Disclosure of physical harm by an adult in the household');
    await s.visit('contact rated red', () => page.getByRole('button', { name: 'Save RAG rating' }).click());
    assert.equal(page.url(), contactUrl);
    const clock = await page.locator('.govuk-body-l').first().innerText();
    assert.match(clock, /^Red\s+MASH decision due in 3 hours$/, 'the badge and the clock in words');
    await page.getByText('Rated red: 4 hours from receipt').waitFor();
    const history = page.getByRole('table', { name: 'RAG history, oldest first' });
    assert.deepEqual((await history.locator('tbody tr td').allTextContents()).slice(0, 3).map((x) => x.trim()), ['Red', '23 November 2026 at 10:05am', 'Mo Mash']);

    // The MASH decision: a referral, primary need N1.
    t.clock.advance(10 * MINUTE);
    await page.getByRole('group', { name: 'What is the decision?' }).getByLabel('Referral to children’s social care').check();
    // Issue 9: a referral names the team it goes to.
    await page.getByLabel('Team the referral goes to').selectOption({ label: 'Assessment' });
    await page.getByLabel('Primary need').selectOption({ label: 'N1: Abuse or neglect' });
    await page.getByLabel('Rationale').fill('Disclosure of physical abuse: the threshold for a referral is met.');
    await s.visit('referral awaiting a response', () => page.getByRole('button', { name: 'Record decision' }).click());
    assert.match(new URL(page.url()).pathname, /^\/referrals\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Ruby Thornfield' }).waitFor();
    assert.match(await page.locator('.govuk-body-l').first().innerText(), /^Referral decision due tomorrow$/);

    // The response to the referral: a child and family assessment.
    t.clock.advance(15 * MINUTE);
    await page.getByRole('group', { name: 'What is the response to the referral?' }).getByLabel('Child and family assessment').check();
    await page.getByLabel('Rationale').fill('Single assessment to understand the risk at home.');
    await s.visit('child’s record after the referral response', () => page.getByRole('button', { name: 'Record referral decision' }).click());
    assert.match(new URL(page.url()).pathname, /^\/children\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Ruby Thornfield' }).waitFor();

    // The chronology: the whole story, newest first.
    assert.deepEqual(await chronologyTitles(page), [
      'Response to referral: Child and family assessment',
      'Referral: child in need episode opened',
      'MASH decision: Referral to children’s social care',
      'RAG rated red',
      'Contact from Schools',
    ]);
    await page.getByText('5 of 5 entries, newest first.').waitFor();

    // Back on the worktray, nothing about Ruby waits.
    await s.visit('front door worktray after the decisions', () => page.getByRole('link', { name: 'Front door', exact: true }).click());
    assert.deepEqual(await waitingContacts(page), []);
    await page.getByText('No contacts are waiting for a decision.').waitFor();
    await page.getByText('No referrals are waiting for a response.').waitFor();
    await s.close();
  });

  test('an empty contact form: the error summary takes focus, and its links move focus to the fields', async () => {
    await contactAbout('Sam', 'Okafor', 'mash', '08:40');
    const s = await session();
    const page = s.page;
    await s.signIn('mash', TEST_PASSWORD, 'front door worktray, one contact waiting');

    // From the queue to the child's record, and "Record a contact about Sam" from there.
    await s.visit('Sam’s contact', () => page.getByRole('link', { name: 'Sam Okafor' }).click());
    await s.visit('Sam’s record', () => page.getByRole('link', { name: 'View Sam’s record' }).click());
    await s.visit('a second contact about Sam', () => page.getByRole('link', { name: 'Record a contact about Sam' }).click());
    await page.getByRole('heading', { level: 1, name: 'Contact about Sam Okafor' }).waitFor();

    await s.visit('contact form with errors', () => page.getByRole('button', { name: 'Record contact' }).click(), { status: 400 });
    assert.match(await page.title(), /^Error: /, 'the page title says there is an error');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    assert.deepEqual((await summary.getByRole('link').allTextContents()).map((x) => x.trim()), [
      'Enter the date the contact was received',
      'Enter the time the contact was received',
      'Select who the contact came from',
      'Enter the concerns raised',
    ]);
    // GOV.UK Frontend's JavaScript moves focus to the summary, so a screen reader announces it.
    await page.waitForFunction('document.activeElement && document.activeElement.classList.contains("govuk-error-summary")');
    assert.equal(await focused(page), 'div.govuk-error-summary');

    // Each link moves focus to its field (the date to its first box).
    await summary.getByRole('link', { name: 'Enter the date the contact was received' }).click();
    assert.equal(await focused(page), 'input#receivedAt-day.govuk-input.govuk-date-input__input.govuk-input--width-2.govuk-input--error');
    await summary.getByRole('link', { name: 'Select who the contact came from' }).click();
    assert.equal(await focused(page), 'select#source.govuk-select.govuk-select--error');
    await summary.getByRole('link', { name: 'Enter the concerns raised' }).click();
    assert.equal(await focused(page), 'textarea#concerns.govuk-textarea.govuk-textarea--error');
    // The field says what is wrong too, and the page has not navigated.
    await page.getByText('Error: Enter the concerns raised').waitFor();
    await s.recheck('contact form with errors, focus on a field');
    await s.close();
  });

  test('the worktray filters by MASH worker', async () => {
    await contactAbout('Mia', 'Lindqvist', 'mash2', '08:05');
    await contactAbout('Ollie', 'Brennan', 'mash', '07:50');
    const s = await session();
    const page = s.page;
    await s.signIn('mash', TEST_PASSWORD, 'front door worktray, three contacts waiting');
    assert.deepEqual(await waitingContacts(page), ['Ollie Brennan', 'Mia Lindqvist', 'Sam Okafor'], 'most urgent (oldest red clock) first');

    await page.getByLabel('MASH worker').selectOption({ label: 'Mia Mash' });
    await s.visit('front door worktray, Mia Mash’s contacts', () => page.getByRole('button', { name: 'Filter' }).click());
    assert.equal(new URL(page.url()).searchParams.get('worker'), t.ids.mash2);
    assert.deepEqual(await waitingContacts(page), ['Mia Lindqvist']);
    assert.equal(await page.getByLabel('MASH worker').locator('option:checked').textContent(), 'Mia Mash', 'the filter stays chosen');

    await page.getByLabel('MASH worker').selectOption({ label: 'Mo Mash' });
    await s.visit('front door worktray, Mo Mash’s contacts', () => page.getByRole('button', { name: 'Filter' }).click());
    assert.deepEqual(await waitingContacts(page), ['Ollie Brennan', 'Sam Okafor']);

    await page.getByLabel('MASH worker').selectOption({ label: 'Everyone' });
    await s.visit('front door worktray, everyone', () => page.getByRole('button', { name: 'Filter' }).click());
    assert.equal(await waitingContacts(page).then((rows) => rows.length), 3);
    await s.close();
  });

  test('signing out ends the session: the pages behind it ask to sign in again, even with Back', async () => {
    const s = await session();
    const page = s.page;
    await s.signIn('mash', TEST_PASSWORD, 'front door worktray before signing out');
    await page.getByText('Signed in as Mo Mash').waitFor();
    await s.visit('signed out', () => page.getByRole('button', { name: 'Sign out' }).click());
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Hearth' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0);

    // Back: the worktray was never cached (no-store), so the browser asks again and is sent to sign in.
    await s.visit('back after signing out', () => page.goBack());
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/front-door');
    assert.equal(await page.getByText('Sam Okafor').count(), 0);

    // Signing in again goes back where they were.
    await page.getByLabel('Username').fill('mash');
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await s.visit('signed in again', () => page.getByRole('button', { name: 'Sign in' }).click());
    assert.equal(new URL(page.url()).pathname, '/front-door');
    await s.close();
  });
});
