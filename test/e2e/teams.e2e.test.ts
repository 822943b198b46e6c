/**
 * Issue 9 in a real browser: a referred child reaches a team, and the front door's work is dated
 * when it happened. The contact arrives on Friday 11 December 2026; the MASH decision to refer is
 * made that Friday at 3pm but keyed on Monday 14 December, naming the assessment team; the
 * assessment team's manager finds the child among unallocated children, with the assessment due
 * 45 working days from the Friday (Working Together to Safeguard Children 2023), counted by hand
 * across Christmas Day (Fri 25 Dec), the Boxing Day substitute (Mon 28 Dec) and New Year's Day
 * (Fri 1 Jan 2027): Dec 14-18 (5), 21-24 (9), 29-31 (12), Jan 4-29 (32), Feb 1-12 (42), 15-17
 * (45): Wednesday 17 February 2027. The manager allocates, the worker starts the assessment, and
 * the manager transfers the child to the child in need team, whose manager then sees the child
 * waiting for a worker and allocates; the new worker proposes closing the episode and that manager
 * agrees, which ends the allocation (the second journey, early help and step up, is
 * early-help.e2e.test.ts). Every page is checked by `session.visit` (axe-core, console errors).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../support/test-app.js';
import { type Screenshots, type Session, launchBrowser, newSession, screenshots } from './support/browser.js';
import { recordContact } from './support/seed.js';
import { dateInput, submitForm } from '../support/casework.js';

async function fillDate(page: Page, legend: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(String(Number(d)));
  await group.getByLabel('Month').fill(String(Number(m)));
  await group.getByLabel('Year').fill(y);
}

async function tableRows(page: Page, id: string): Promise<string[][]> {
  const out: string[][] = [];
  for (const row of await page.locator(`#${id} tbody tr`).all()) out.push((await row.locator('td, th').allTextContents()).map((s) => s.trim().replace(/\s+/g, ' ')));
  return out;
}

describe('a referral reaches its team, is allocated and transferred, in a browser (issue 9)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let shots: Screenshots;
  const sessions: Session[] = [];
  let contactPath = '';
  let childPath = '';

  before(async () => {
    // Friday 11 December 2026, 10am: the contact arrives (recorded through the app's form).
    t = await createTestApp({ now: new Date('2026-12-11T10:00:00Z') });
    await t.services.users.addTeam({ name: 'Child in Need', kind: 'team', parentName: 'Children’s Services' });
    t.ids.cinmgr = await t.services.users.addUser({ username: 'cinmgr', displayName: 'Cara Manager', roles: ['team_manager'], teamName: 'Child in Need', password: TEST_PASSWORD });
    t.ids.cinworker = await t.services.users.addUser({ username: 'cinworker', displayName: 'Cal Worker', roles: ['social_worker'], teamName: 'Child in Need', password: TEST_PASSWORD });
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    shots = screenshots('teams');
    contactPath = await recordContact(t, await t.as('mash'), { givenName: 'Fran', familyName: 'Friday', time: '09:45', source: '2A', concerns: 'Fran told her teacher she is scared to go home.', dateOfBirth: { day: '2', month: '2', year: '2015' } });
    // Monday 14 December 2026, 9:30am: everything below is keyed today.
    t.clock.set(new Date('2026-12-14T09:30:00Z'));
  });

  after(async () => {
    for (const s of sessions) await s.context.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  async function signIn(username: string): Promise<Session> {
    const s = await newSession(browser, base, shots);
    sessions.push(s);
    await s.signIn(username, TEST_PASSWORD, `${username} home`);
    return s;
  }

  test('Mon 14 Dec: the MASH records Friday’s decision to refer to the assessment team, and the referral’s clock runs from Friday', async () => {
    const s = await signIn('mash');
    const page = await s.goto('the contact', contactPath);
    await page.getByLabel('Referral to children’s social care').check();
    await fillDate(page, 'Date of the decision', '2026-12-11');
    await page.getByLabel('Time of the decision').fill('15:00');
    await page.getByLabel('Team the referral goes to').selectOption({ label: 'Assessment' });
    await page.getByLabel('Primary need').selectOption('N1');
    await page.getByLabel('Rationale').fill('Disclosure at school: threshold for a referral met');
    await s.visit('the referral', () => page.getByRole('button', { name: 'Record decision' }).click());
    await page.getByText('1 working day from the referral on 11 December 2026: due 14 December 2026', { exact: false }).waitFor();
    await page.getByLabel('Child and family assessment').check();
    await page.getByLabel('Rationale').fill('A child and family assessment is needed');
    await s.visit('the child’s record', () => page.getByRole('button', { name: 'Record referral decision' }).click());
    childPath = new URL(page.url()).pathname;
    await page.getByText('Not yet allocated (Assessment)').waitFor();
    await page.getByText('by Mo Mash (recorded 14 December 2026 at 9:30am)').first().waitFor();
    await s.close();
  });

  test('the assessment team’s manager finds the child unallocated, the assessment due 17 February 2027, and allocates', async () => {
    const s = await signIn('teammgr');
    const page = await s.goto('team worktray', '/team');
    const row = (await tableRows(page, 'unallocated-table')).find((r) => r[0]!.startsWith('Fran Friday'));
    assert.ok(row, 'among unallocated children');
    assert.match(row![4]!, /Child and family assessment: 17 February 2027/);
    await s.visit('allocate', () => page.locator('#unallocated-table').getByRole('link', { name: 'Allocate Fran Friday' }).click());
    await page.getByRole('heading', { level: 1, name: 'Allocate a social worker' }).waitFor();
    await page.getByLabel('Wendy Worker').check();
    await s.visit('allocated', () => page.getByRole('button', { name: 'Allocate', exact: true }).click());
    await page.getByText('Fran Friday is allocated to Wendy Worker (Assessment) from today.').waitFor();
    await s.close();
  });

  test('the worker starts the assessment', async () => {
    const s = await signIn('worker');
    const page = await s.goto('the child’s record', childPath);
    await s.visit('start the assessment', () => page.getByRole('navigation', { name: 'Record', exact: true }).getByRole('link', { name: 'Record the start of an assessment' }).click());
    await fillDate(page, 'When did the assessment start?', '2026-12-14');
    await page.getByRole('group', { name: 'Has the child been seen?' }).getByLabel('Yes', { exact: true }).check();
    await s.visit('assessment started', () => page.getByRole('button', { name: 'Save', exact: true }).click());
    assert.equal(new URL(page.url()).pathname, `${childPath}/casework`);
    await s.close();
  });

  test('the manager transfers the child to the child in need team, whose manager sees the child waiting, with the history', async () => {
    const s = await signIn('teammgr');
    let page = await s.goto('allocation page', `${childPath}/allocate`);
    await s.visit('transfer', () => page.getByRole('link', { name: 'Transfer Fran to another team' }).click());
    await page.getByLabel('Which team takes the case?').selectOption({ label: 'Child in Need' });
    await page.getByLabel('Assessment complete: child in need').check();
    page = await s.visit('back on the team worktray', () => page.getByRole('button', { name: 'Transfer', exact: true }).click());
    assert.equal(new URL(page.url()).pathname, '/team', 'the child has left this manager’s line');
    await s.goto('the child is out of reach', childPath, { status: 404 });
    await s.close();

    const cin = await signIn('cinmgr');
    const tray = await cin.goto('child in need team worktray', '/team');
    assert.ok((await tableRows(tray, 'unallocated-table')).some((r) => r[0]!.startsWith('Fran Friday')), 'waiting for a worker in the new team');
    const allocate = await cin.visit('allocate in the new team', () => tray.locator('#unallocated-table').getByRole('link', { name: 'Allocate Fran Friday' }).click());
    assert.deepEqual(await tableRows(allocate, 'transfers'), [['14 December 2026', 'Assessment', 'Child in Need', 'Assessment complete: child in need', 'Tariq Manager']]);
    await allocate.getByLabel('Cal Worker').check();
    await cin.visit('allocated in the new team', () => allocate.getByRole('button', { name: 'Allocate', exact: true }).click());
    await cin.close();
  });

  test('the assessment is authorised; the new worker proposes closing the episode and the child in need team’s manager agrees it', async () => {
    const personId = childPath.split('/')[2]!;
    const [a] = await t.db.query<{ id: string }>('select id from assessments where person_id = $1', [personId]);
    // The authorisation itself is the casework suite's (cp-journey, casework pages); here it only sets the scene.
    assert.equal((await submitForm(await t.as('cinmgr'), `${childPath}/assessments/${a!.id}/authorise`, { ...dateInput('authorisedDate', '2026-12-14'), childSeen: 'yes', factors: '21', outcome: 'nfa' })).status, 303);

    const w = await signIn('cinworker');
    let page = await w.goto('cin worker: the child’s record', childPath);
    await w.visit('cin worker: close the episode', () => page.getByRole('navigation', { name: 'Record', exact: true }).getByRole('link', { name: 'Close the child in need episode' }).click());
    await fillDate(page, 'When should the episode close?', '2026-12-14');
    await page.getByRole('radio', { name: /^RC8: / }).check();
    await page.getByLabel('Summary for your manager').fill('The assessment found no further action is needed; school will keep an eye on Fran.');
    await w.visit('cin worker: closure proposed', () => page.getByRole('button', { name: 'Propose the closure' }).click());
    await page.getByText('Closure on 14 December 2026 awaits a manager’s agreement.').first().waitFor();
    await w.close();

    const m = await signIn('cinmgr');
    page = await m.goto('cin manager: team worktray', '/team');
    await m.visit('cin manager: the proposed closure', () => page.locator('#closures + table').getByRole('link', { name: /Fran Friday/ }).click());
    await page.getByRole('radio', { name: 'Yes, close the episode on the proposed date' }).check();
    await m.visit('cin manager: closure agreed', () => page.getByRole('button', { name: 'Save the decision' }).click());
    await m.close();
    const [episode] = await t.db.query<{ closure_date: string; closure_reason: string }>('select closure_date, closure_reason from cin_episodes where person_id = $1', [personId]);
    assert.deepEqual(episode, { closure_date: '2026-12-14', closure_reason: 'RC8' });
    const open = await t.db.query<{ n: number }>('select count(*)::int as n from allocations where person_id = $1 and end_date is null', [personId]);
    assert.equal(open[0]!.n, 0, 'the closure ended the allocation');
  });
});
