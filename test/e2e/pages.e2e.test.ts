/**
 * Every page a few roles can reach, in a real browser, each checked by `session.visit` (axe-core
 * with WCAG 2.2 AA and best practice, console errors, failed asset requests) and photographed; and
 * the contact journey with JavaScript switched off.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../support/test-app.js';
import { type Screenshots, type Session, launchBrowser, newSession, screenshots } from './support/browser.js';
import { allocate, rateContact, recordContact, referContact, respondToReferral, todayParts } from './support/seed.js';

describe('pages by role, each checked for accessibility', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let shots: Screenshots;
  const sessions: Session[] = [];
  /** Paths of the records the pages show. */
  const at = {} as { adaChild: string; adaContact: string; adaReferral: string; benContact: string; calReferral: string };

  async function session(options: Parameters<typeof newSession>[3] = {}): Promise<Session> {
    const s = await newSession(browser, base, shots, options);
    sessions.push(s);
    return s;
  }

  before(async () => {
    t = await createTestApp();
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    shots = screenshots('pages');

    // Ada: the whole front door done, allocated to Wendy Worker (Assessment).
    const mash = await t.as('mash');
    at.adaContact = await recordContact(t, mash, { givenName: 'Ada', familyName: 'Quinn', time: '08:30', source: '6', concerns: 'Police attended a domestic incident; Ada was present.', dateOfBirth: { day: '2', month: '9', year: '2016' } });
    await rateContact(mash, at.adaContact, 'amber', 'No immediate risk; needs checks today');
    at.adaReferral = await referContact(mash, at.adaContact, 'Repeat incidents: threshold for a referral met');
    at.adaChild = await respondToReferral(mash, at.adaReferral, 'assessment', 'Child and family assessment to understand the risk');
    await allocate(t, at.adaChild.split('/').pop()!, 'worker', 'Assessment');
    // Ben: a contact rated red, awaiting the MASH decision.
    at.benContact = await recordContact(t, mash, { givenName: 'Ben', familyName: 'Adeyemi', time: '09:10', source: '2A', concerns: 'Ben says he is scared to go home.' });
    await rateContact(mash, at.benContact, 'red');
    // Cal: a referral awaiting its response.
    const calContact = await recordContact(t, mash, { givenName: 'Cal', familyName: 'Murphy', time: '07:45', assignedTo: 'mash2' });
    at.calReferral = await referContact(mash, calContact);
  });

  after(async () => {
    for (const s of sessions) await s.context.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  test('signed out: the sign-in page, its errors, and pages that need signing in', async () => {
    const s = await session();
    const page = s.page;
    await s.goto('sign-in page', '/sign-in');
    await s.visit('sign-in page with errors', () => page.getByRole('button', { name: 'Sign in' }).click(), { status: 400 });
    assert.deepEqual((await page.getByRole('alert').getByRole('link').allTextContents()).map((x) => x.trim()), ['Enter your username', 'Enter your password']);
    await page.getByLabel('Username').fill('mash');
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await s.visit('sign-in page, wrong password', () => page.getByRole('button', { name: 'Sign in' }).click(), { status: 400 });
    await page.getByRole('link', { name: 'Enter a correct username and password' }).waitFor();
    assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '', 'the password is never sent back');

    await s.goto('a child’s record, signed out', at.adaChild);
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    assert.equal(new URL(page.url()).searchParams.get('next'), at.adaChild);
    await s.goto('an unknown page, signed out', '/no-such-page');
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    await s.close();
  });

  test('a MASH worker: the worktray, the contact pages, a referral, a child and a filtered chronology, errors and 404s', async () => {
    const s = await session();
    const page = s.page;
    await s.signIn('mash', TEST_PASSWORD, 'mash: front door worktray');
    assert.equal(new URL(page.url()).pathname, '/front-door');
    await page.getByRole('table', { name: 'Contacts awaiting a MASH decision' }).getByRole('link', { name: 'Ben Adeyemi' }).waitFor();
    await page.getByRole('table', { name: 'Referrals awaiting a response' }).getByRole('link', { name: 'Cal Murphy' }).waitFor();

    // Record a contact about a child who is known: the duplicate check finds her.
    await s.visit('mash: find the child', () => page.getByRole('link', { name: 'Record a contact' }).click());
    await page.getByLabel('Last name').fill('Quinn');
    await s.visit('mash: one possible match', () => page.getByRole('button', { name: 'Search' }).click());
    await page.getByRole('heading', { level: 1, name: '1 possible match' }).waitFor();
    await s.visit('mash: contact form for a known child', () => page.getByRole('link', { name: 'Record contact for Ada Quinn' }).click());
    await page.getByText('This child has an open child in need episode').waitFor();

    // Contacts: awaiting a decision (with the forms), an empty rating (errors), and decided.
    await s.goto('mash: contact awaiting a decision', at.benContact);
    await s.visit('mash: contact, decision with errors', () => page.getByRole('button', { name: 'Record decision' }).click(), { status: 400 });
    assert.deepEqual((await page.getByRole('alert').getByRole('link').allTextContents()).map((x) => x.trim()), ['Select the decision', 'Enter the rationale for the decision']);
    await s.goto('mash: contact decided', at.adaContact);
    await page.getByRole('heading', { name: 'Decision: Referral to children’s social care' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Record decision' }).count(), 0);

    // Referrals: awaiting a response, and responded to.
    await s.goto('mash: referral awaiting a response', at.calReferral);
    await page.getByRole('group', { name: 'What is the response to the referral?' }).waitFor();
    await s.visit('mash: referral response with errors', () => page.getByRole('button', { name: 'Record referral decision' }).click(), { status: 400 });
    await s.goto('mash: referral responded to', at.adaReferral);
    await page.getByText('Child and family assessment, decided').waitFor();

    // The child's record, then its chronology filtered to contacts and RAG ratings.
    await s.visit('mash: child’s record', () => page.getByRole('link', { name: 'View Ada’s record' }).click());
    await page.getByText('Wendy Worker, Assessment').waitFor();
    await page.getByRole('group', { name: 'Show only' }).getByLabel('Contacts').check();
    await page.getByRole('group', { name: 'Show only' }).getByLabel('RAG ratings').check();
    await s.visit('mash: child’s record, chronology filtered', () => page.getByRole('button', { name: 'Filter the chronology' }).click());
    assert.deepEqual(new URL(page.url()).searchParams.getAll('kind'), ['contact', 'rag']);
    assert.deepEqual((await page.locator('.moj-timeline__title').allTextContents()).map((x) => x.trim()), ['RAG rated amber', 'Contact from Police']);
    await page.getByText('2 of 6 entries, newest first.').waitFor();
    assert.equal(await page.getByRole('group', { name: 'Show only' }).getByLabel('Contacts').isChecked(), true, 'the filter stays chosen');
    await s.visit('mash: child’s record, whole chronology again', () => page.getByRole('link', { name: 'Show everything' }).click());
    await page.getByText('6 of 6 entries, newest first.').waitFor();

    // Not found: an address that is not a page, and a contact that does not exist.
    await s.goto('mash: page not found', '/no-such-page', { status: 404 });
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await s.goto('mash: contact not found', `/contacts/${randomUUID()}`, { status: 404 });
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await s.close();
  });

  test('a social worker: their children, the child’s record and the referral behind it; no contacts, no front door', async () => {
    const s = await session();
    const page = s.page;
    await s.signIn('worker', TEST_PASSWORD, 'worker: my worktray');
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByRole('heading', { level: 1, name: 'My worktray' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Front door' }).count(), 0, 'no front-door navigation for a social worker');

    await s.visit('worker: child’s record', () => page.getByRole('table', { name: 'Children allocated to you' }).getByRole('link', { name: 'Ada Quinn', exact: true }).click());
    assert.equal(new URL(page.url()).pathname, at.adaChild);
    assert.equal(await page.getByRole('link', { name: /Record a contact about/ }).count(), 0);
    // The chronology tells the front door's part of the story, but links only to what a social
    // worker may open: the referral, not the contact (a front-door record naming the referrer).
    await page.getByText('Police attended a domestic incident; Ada was present.').waitFor();
    assert.equal(await page.getByRole('link', { name: /^Open the record\W+Contact from Police$/ }).count(), 0);
    await page.getByRole('link', { name: /^Open the record\W+Referral: child in need episode opened$/ }).waitFor();
    await page.getByRole('tab', { name: /^Child in need \(\d+\)$/ }).click();
    await s.visit('worker: referral', () => page.getByRole('table', { name: 'Child in need episodes, newest first' }).getByRole('link').first().click());
    assert.equal(new URL(page.url()).pathname, at.adaReferral);
    assert.equal(await page.getByRole('button', { name: 'Record referral decision' }).count(), 0);
    await s.goto('worker: a contact is a front-door record', at.adaContact, { status: 404 });

    await s.goto('worker: front door is not for them', '/front-door', { status: 404 });
    await s.goto('worker: record a contact is not for them', '/contacts/new', { status: 404 });
    await s.close();
  });

  test('a performance analyst: read-only views of a child and referrals; no contacts, no front door', async () => {
    const s = await session();
    const page = s.page;
    // Issue 9: the analyst's home is their own page, no longer an empty worktray.
    await s.signIn('analyst', TEST_PASSWORD, 'analyst: performance (their home)');
    await page.getByRole('heading', { level: 1, name: 'Performance' }).waitFor();
    await page.getByRole('link', { name: 'Compliance by team and rule' }).waitFor();

    await s.goto('analyst: child’s record', at.adaChild);
    await page.getByRole('heading', { level: 1, name: 'Ada Quinn' }).waitFor();
    assert.equal(await page.getByRole('link', { name: /^Open the record\W+(Contact|RAG|MASH)/ }).count(), 0, 'no links to contacts the analyst cannot open');
    await s.visit('analyst: referral', () => page.getByRole('link', { name: /^Open the record\W+Referral: child in need episode opened$/ }).click());
    await s.goto('analyst: referral awaiting a response', at.calReferral);
    await page.getByText('Referral decision due tomorrow').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Record referral decision' }).count(), 0, 'read only: no form');
    await s.goto('analyst: a contact is a front-door record', at.benContact, { status: 404 });
    await s.goto('analyst: front door is not for them', '/front-door', { status: 404 });
    await s.close();
  });

  test('with JavaScript switched off, a MASH worker records a contact, triages and decides it, end to end', async () => {
    const s = await session({ javaScriptEnabled: false });
    const page = s.page;
    await s.signIn('mash', TEST_PASSWORD, 'no-js: front door worktray');
    assert.equal(await page.evaluate('document.body.classList.contains("js-enabled")'), false, 'JavaScript really is off');

    await s.visit('no-js: find the child', () => page.getByRole('link', { name: 'Record a contact' }).click());
    await page.getByLabel('First name').fill('Dara');
    await page.getByLabel('Last name').fill('Nwosu');
    await s.visit('no-js: no child found', () => page.getByRole('button', { name: 'Search' }).click());
    await page.getByRole('heading', { level: 1, name: 'No child found' }).waitFor();

    // Submitted with nothing about the contact: the errors come back without JavaScript too.
    await s.visit('no-js: contact form with errors', () => page.getByRole('button', { name: 'Record contact' }).click(), { status: 400 });
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'Enter the date the contact was received' }).waitFor();
    assert.equal(await page.locator('#givenName').inputValue(), 'Dara', 'what was typed is kept');
    // The summary's link is a plain link to the field without JavaScript.
    await summary.getByRole('link', { name: 'Enter the concerns raised' }).click();
    assert.equal(new URL(page.url()).hash, '#concerns');

    const today = todayParts(t);
    const received = page.getByRole('group', { name: 'Date the contact was received' });
    await received.getByLabel('Day').fill(today.day);
    await received.getByLabel('Month').fill(today.month);
    await received.getByLabel('Year').fill(today.year);
    await page.getByLabel('Time the contact was received').fill('08:05');
    await page.getByLabel('Who the contact came from').selectOption({ label: '3B: Health services: health visitor' });
    await page.getByLabel('Concerns raised').fill('Health visitor found the baby’s home very cold and without food.');
    await s.visit('no-js: contact recorded', () => page.getByRole('button', { name: 'Record contact' }).click());
    assert.match(new URL(page.url()).pathname, /^\/contacts\/[0-9a-f-]{36}$/);

    await page.getByRole('group', { name: 'Rate the contact' }).getByLabel('Green').check();
    await s.visit('no-js: contact rated green', () => page.getByRole('button', { name: 'Save RAG rating' }).click());
    assert.match(await page.locator('.govuk-body-l').first().innerText(), /^Green\s+MASH decision due in \d+ (days|hours)$/);

    await page.getByRole('group', { name: 'What is the decision?' }).getByLabel('Early help').check();
    await page.getByLabel('Rationale').fill('Needs are below the threshold for social care; early help offered.');
    await s.visit('no-js: contact decided', () => page.getByRole('button', { name: 'Record decision' }).click());
    await page.getByRole('heading', { name: 'Decision: Early help' }).waitFor();

    await s.visit('no-js: child’s record', () => page.getByRole('link', { name: 'View Dara’s record' }).click());
    assert.deepEqual((await page.locator('.moj-timeline__title').allTextContents()).map((x) => x.trim()), ['MASH decision: Early help', 'RAG rated green', 'Contact from Health services: health visitor']);
    await s.visit('no-js: signed out', () => page.getByRole('button', { name: 'Sign out' }).click());
    await page.getByRole('heading', { level: 1, name: 'Sign in to Hearth' }).waitFor();
    await s.close();
  });
});
