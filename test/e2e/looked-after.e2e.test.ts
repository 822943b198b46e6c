/**
 * The looked-after journey recorded in a real browser (issue 10), as the allocated worker and the
 * IRO walk it: the child becomes looked after under section 20 with a foster placement; an interim
 * care order, then a full care order; a placement move; missing overnight and back, with the
 * return home interview offered and accepted; the care plan and placement plan; a visit; the IRO's
 * review with a letter to the child. Each form is reached from the child's record by the link the
 * actions table allows, and returns to the child's looked-after section, which shows the timelines
 * in words and the SSDA903 episodes derived from them. Every page is checked by `session.visit` (axe-core, console errors)
 * and photographed to test-results/e2e/NN-looked-after-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { referredChild } from '../support/casework.js';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../support/test-app.js';
import { type Screenshots, type Session, launchBrowser, newSession, screenshots } from './support/browser.js';
import { answer, choose, fillDate } from './support/forms.js';

describe('the looked-after journey in a browser', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let shots: Screenshots;
  let personId = '';
  let carer = '';
  let nextCarer = '';
  const sessions: Session[] = [];

  before(async () => {
    // Monday 11 May 2026, 10am.
    t = await createTestApp({ now: new Date('2026-05-11T09:00:00Z') });
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    shots = screenshots('looked-after');
    ({ personId } = await referredChild(t, { givenName: 'Rowan' }));
    [{ id: carer }] = (await t.db.query<{ id: string }>("insert into foster_carers (name, carer_type, postcode) values ('Gia and Porter Lynch', 'mainstream', 'FM6 9LW') returning id")) as [{ id: string }];
    [{ id: nextCarer }] = (await t.db.query<{ id: string }>("insert into foster_carers (name, carer_type, postcode) values ('Sam Rivers', 'mainstream', 'FM2 2BB') returning id")) as [{ id: string }];
  });
  after(async () => {
    for (const s of sessions) await s.context.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  async function signedIn(username: string): Promise<Session> {
    const s = await newSession(browser, base, shots);
    sessions.push(s);
    await s.signIn(username, TEST_PASSWORD, `${username} home`);
    return s;
  }

  /** From the child's record, follows the link with this text to its form. */
  async function open(s: Session, link: string, label: string) {
    await s.goto(`${label}: the child’s record`, `/children/${personId}`);
    return s.visit(label, () => s.page.getByRole('link', { name: link }).first().click());
  }

  /** Saves the form and lands back on the child's record. */
  async function save(s: Session, label: string, button = 'Save') {
    const page = await s.visit(label, () => s.page.getByRole('button', { name: button, exact: true }).click());
    assert.equal(new URL(page.url()).pathname, `/children/${personId}`, `${label}: back on the child’s record`);
    return page;
  }

  test('the worker records the child coming into care, the court orders, a move, a missing episode and a visit; the IRO the review', async () => {
    const w = await signedIn('worker');
    let page = await open(w, 'Record that the child became looked after', 'become looked after');
    await fillDate(page, 'When did the child become looked after?', '2026-05-04');
    await choose(page, 'Legal status', 'V2 — Single period of accommodation under section 20');
    await choose(page, 'Category of need', 'N1 — Abuse or neglect');
    await answer(page, 'Is the child an unaccompanied asylum-seeking child?', false);
    await page.getByLabel('Type of placement (SSDA903)').selectOption('U6');
    await page.getByLabel('Provider or foster carer').selectOption(`carer:${carer}`);
    // Saved without the matching rationale: the error summary says what is missing.
    await w.visit('become looked after: no rationale', () => page.getByRole('button', { name: 'Save', exact: true }).click(), { status: 400 });
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter why this placement was chosen/);
    await page.getByLabel('Why this placement was chosen for the child').fill('Near her school; carers experienced with children her age');
    page = await save(w, 'became looked after');
    const section = page.locator('#looked-after');
    assert.match(await section.innerText(), /Single period of accommodation under section 20/);
    assert.match(await section.innerText(), /Placed with foster carers \(U6\)/);

    for (const [date, code, label] of [['2026-05-06', 'C1 — Interim care order', 'interim care order'], ['2026-05-08', 'C2 — Full care order', 'care order']] as const) {
      page = await open(w, 'Change the legal status', label);
      await fillDate(page, 'When did the new legal status start?', date);
      await choose(page, 'New legal status', code);
      page = await save(w, `${label} saved`, 'Save the legal status');
    }
    assert.match(await page.locator('#looked-after').innerText(), /Full care order \(C2\)/);

    page = await open(w, 'Change the placement', 'placement move');
    await fillDate(page, 'When did the child move?', '2026-05-09');
    await choose(page, 'Why the placement changed', 'CREQB');
    await page.getByLabel('Type of placement (SSDA903)').selectOption('U6');
    await page.getByLabel('Provider or foster carer').selectOption(`carer:${nextCarer}`);
    await page.getByLabel('Why this placement was chosen for the child').fill('Experienced carers near the same school');
    page = await save(w, 'moved', 'Save the placement');
    assert.match(await page.locator('#looked-after').innerText(), /Sam Rivers/);

    page = await open(w, 'Record that the child is missing or away', 'missing');
    await fillDate(page, 'Date the child went missing or away', '2026-05-10');
    await page.getByLabel('Time the child went missing or away').fill('22:30');
    await choose(page, 'Missing or away?', 'Missing: whereabouts unknown');
    await answer(page, 'Were the police told?', true);
    page = await save(w, 'missing recorded');
    page = await open(w, 'Record the child’s return', 'return');
    await fillDate(page, 'Date the child returned', '2026-05-11');
    await page.getByLabel('Time the child returned').fill('07:15');
    page = await w.visit('return saved: on to the interview', () => page.getByRole('button', { name: 'Save', exact: true }).click());
    assert.match(new URL(page.url()).pathname, /\/return-interview$/);
    await answer(page, 'Was the child offered a return home interview?', true);
    await fillDate(page, 'Date the interview was offered', '2026-05-11');
    await page.getByLabel('Time the interview was offered').fill('09:00');
    await answer(page, 'Did the child accept it?', true);
    await page.getByLabel('Who offered or holds the interview').fill('Safe Return service');
    page = await save(w, 'return home interview');
    assert.match(await page.locator('#looked-after').innerText(), /Offered 11 May 2026, accepted/);

    page = await open(w, 'Record the care plan', 'care plan');
    await fillDate(page, 'When was the care plan agreed?', '2026-05-08');
    await page.getByLabel('Long-term foster care to age 18').check();
    await page.getByLabel('Eventual return home').check();
    await save(w, 'care plan saved', 'Save the care plan');
    page = await open(w, 'Record the placement plan', 'placement plan');
    await fillDate(page, 'When was the placement plan agreed with the carer?', '2026-05-09');
    await save(w, 'placement plan saved');

    page = await open(w, 'Record a visit to the looked after child', 'visit');
    await fillDate(page, 'Date of the visit', '2026-05-11');
    await answer(page, 'Was the child seen?', true);
    await answer(page, 'Was the child seen alone?', true);
    await page.getByLabel('What the child said').fill('I like my new room');
    await save(w, 'visit saved', 'Save the visit');

    const iro = await signedIn('iro');
    page = await open(iro, 'Record a looked after review', 'review');
    await fillDate(page, 'Date of the review', '2026-05-11');
    await choose(page, 'How the child took part', 'PN1');
    await page.getByLabel('Decisions').fill('Stay with Sam Rivers; weekly contact with mother');
    await page.getByLabel('Letter to the child').fill('Dear Rowan, thank you for telling me about your new room.');
    page = await save(iro, 'review saved', 'Save the review');
    const text = await page.locator('#looked-after').innerText();
    assert.match(text, /PN1: Child physically attends and speaks for themself/);
    assert.match(text, /SSDA903 episodes for the return \(4 episodes/);
  });
});
