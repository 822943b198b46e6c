/**
 * A child protection journey in a real browser, as a social worker and her manager walk it, day by
 * day across Christmas, New Year and Easter: referral -> assessment (authorised by the manager) ->
 * strategy discussion -> section 47 enquiry -> initial child protection conference -> child
 * protection plan -> visits (one not seen alone, the next seen alone), a visit write-up, core
 * groups, a review conference. Each morning the worker signs in to My worktray; after each thing
 * recorded the form returns to the child's casework page. Both must show every due date right,
 * and what has been done must drop off what is outstanding.
 *
 * Every expected due date below is counted by hand from the record's dates (never by the code
 * under test), on the conventions of domain.md §1.1a: "within N working days of D" is the Nth
 * working day after D (D is day 0); "within N months" is the same day N months on. Working days
 * skip weekends and the England and Wales bank holidays in play here: Friday 25 December 2026
 * (Christmas Day), Monday 28 December 2026 (Boxing Day, substitute day), Friday 1 January 2027
 * (New Year's Day), Friday 26 March 2027 (Good Friday) and Monday 29 March 2027 (Easter Monday).
 * Local norms are at their defaults (src/domain/obligations/local-norms.ts).
 *
 * Every page reached is checked by `session.visit` (axe-core, console errors, failed requests)
 * and photographed to test-results/e2e/NN-cp-journey-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../support/test-app.js';
import { type Screenshots, type Session, launchBrowser, newSession, screenshots } from './support/browser.js';
import { allocateThroughPage, rateContact, recordContact, referContact, respondToReferral } from './support/seed.js';

// ---------------------------------------------------------------------------------------------
// What is owed, and when: hand-counted, with the source of each timescale.

interface Owed {
  /** As the casework page's "Due" table names it. */
  hub: string;
  /** As My worktray names it. */
  worktray: string;
  /** The due date, YYYY-MM-DD. */
  on: string;
}
const owed = (hub: string, on: string, worktray = hub): Owed => ({ hub, worktray, on });

/**
 * Local management standard (1 month): from the allocation on Monday 9 November 2026, the same day
 * a month on. Nobody records supervision in this journey, so it stays owed (and goes overdue): on
 * the casework page, and the manager's team worktray; not on the worker's own tray (issue 9).
 */
const SUPERVISION = owed('Case supervision', '2026-12-09');
/**
 * Working Together 2023: the child and family assessment within 45 working days of the referral
 * on Monday 9 November 2026. Nov 10-13 (4), 16-20 (9), 23-27 (14), Nov 30-Dec 4 (19), Dec 7-11
 * (24), 14-18 (29), 21-24 (33); 25 Dec and 28 Dec bank holidays; 29-31 Dec (36); 1 Jan bank
 * holiday; Jan 4-8 (41), 11-14 (45): Thursday 14 January 2027.
 */
const ASSESSMENT = owed('Child and family assessment authorised', '2027-01-14', 'Child and family assessment');
/**
 * Local standard: a strategy discussion within 1 working day of the decision to hold one (the
 * assessment's outcome, authorised on Friday 4 December 2026): the weekend skipped, Monday 7 December 2026.
 */
const STRATEGY = owed('Strategy discussion', '2026-12-07');
/**
 * Working Together 2023: the initial child protection conference within 15 working days of the
 * strategy discussion on Monday 7 December 2026. Dec 8-11 (4), 14-18 (9), 21-24 (13); 25 Dec
 * (Christmas Day) and 28 Dec (Boxing Day, substitute) skipped; 29 (14), 30 (15): Wednesday 30 December 2026.
 */
const ICPC = owed('Initial child protection conference', '2026-12-30');
/**
 * Working Together (flowchart): the first core group within 10 working days of the initial
 * conference on Wednesday 23 December 2026. Dec 24 (1); 25, 28 Dec bank holidays; 29-31 (4);
 * 1 Jan bank holiday; Jan 4-8 (9), 11 (10): Monday 11 January 2027.
 */
const FIRST_CORE_GROUP = owed('First core group', '2027-01-11');
/** Local standard: a CP visit within 10 working days of the plan's start (23 December 2026), counted as above: Monday 11 January 2027. */
const CP_VISIT_FROM_PLAN = owed('CP statutory visit', '2027-01-11');
/** Working Together 2023: the first review conference within 3 months of the initial conference on 23 December 2026: Tuesday 23 March 2027. */
const FIRST_REVIEW = owed('Review child protection conference', '2027-03-23');
/**
 * Local recording standard: a visit written up within 2 working days. The visit on Thursday
 * 24 December 2026: 25 Dec bank holiday, weekend, 28 Dec bank holiday; 29 (1), 30 (2): Wednesday 30 December 2026.
 */
const WRITE_UP_CHRISTMAS_EVE = owed('Write up visit', '2026-12-30', 'Write up visit of 24 December 2026');
/** Local standard: the next CP visit within 10 working days of the last, on 24 December 2026: Dec 29-31 (3), Jan 4-8 (8), 11 (9), 12 (10): Tuesday 12 January 2027. */
const CP_VISIT_AFTER_CHRISTMAS_EVE = owed('CP statutory visit', '2027-01-12');
/**
 * London Child Protection Procedures: the child seen alone at least on alternate visits. Not seen
 * alone on 24 December 2026, so the next visit, due Tuesday 12 January 2027, must see them alone.
 */
const SEEN_ALONE = owed('CP visit: see the child alone', '2027-01-12');
/** Local standard: core groups monthly from the last, on Friday 8 January 2027: Monday 8 February 2027. */
const CORE_GROUP_AFTER_JANUARY = owed('Core group', '2027-02-08');
/** The next CP visit, 10 working days from the visit on Monday 11 January 2027: Jan 12-15 (4), 18-22 (9), 25 (10): Monday 25 January 2027. */
const CP_VISIT_AFTER_JANUARY = owed('CP statutory visit', '2027-01-25');
/** Working Together 2023: review conferences then no more than 6 months apart: from Monday 22 March 2027, Wednesday 22 September 2027. */
const SECOND_REVIEW = owed('Review child protection conference', '2027-09-22');
/** Core groups monthly: from the core group on Monday 22 March 2027, Thursday 22 April 2027. */
const CORE_GROUP_AFTER_MARCH = owed('Core group', '2027-04-22');
/**
 * The visit on Wednesday 24 March 2027 written up within 2 working days: 25 Mar (1); 26 Mar Good
 * Friday, the weekend, 29 Mar Easter Monday skipped; 30 Mar (2): Tuesday 30 March 2027.
 */
const WRITE_UP_BEFORE_EASTER = owed('Write up visit', '2027-03-30', 'Write up visit of 24 March 2027');
/**
 * A late visit moves the next due date (domain.md §1.1a): 10 working days from Wednesday 24 March
 * 2027: 25 (1); Good Friday, weekend, Easter Monday skipped; Mar 30-Apr 2 (5), Apr 5-9 (10): Friday 9 April 2027.
 */
const CP_VISIT_AFTER_EASTER = owed('CP statutory visit', '2027-04-09');

// ---------------------------------------------------------------------------------------------
// Reading the pages

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** "7 December 2026", or with the day "Monday 7 December 2026" (how the pages write a date). */
function shown(iso: string, withDay = false): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  return `${withDay ? `${day} ` : ''}${d} ${MONTHS[m - 1]} ${y}`;
}
const DAY_AND_DATE = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}\b/;

interface ShownDue {
  what: string;
  on: string;
  words: string;
}

/** The casework page's "Due" table, top to bottom: what, the date, and when in words. */
async function dueOnCaseworkPage(page: Page): Promise<ShownDue[]> {
  const out: ShownDue[] = [];
  for (const row of await page.locator('#due tbody tr').all()) {
    const [what, on, words] = (await row.locator('td, th').allTextContents()).map((s) => s.trim());
    out.push({ what: what!, on: on!, words: words! });
  }
  return out;
}

/**
 * The work listed on a worktray (My worktray, or the team's), every group of it, top to bottom:
 * what (the first line of the row's first cell), the due date (the row's "Monday 7 December 2026")
 * and the words above it. Sections shown on request ("Show 3 items due later") are opened first.
 */
async function dueOnWorktray(page: Page): Promise<ShownDue[]> {
  const closed = page.locator('main details:not([open]) > summary');
  for (let n = await closed.count(); n > 0; n--) await closed.first().click();
  assert.equal(await closed.count(), 0, 'every part of the worktray is open');
  const out: ShownDue[] = [];
  for (const row of await page.locator('main table tbody tr').all()) {
    const cells = await row.locator('td, th').allInnerTexts();
    const dueCell = cells.find((c) => DAY_AND_DATE.test(c));
    if (!dueCell) continue;
    out.push({ what: cells[0]!.split('\n')[0]!.trim(), on: DAY_AND_DATE.exec(dueCell)![0], words: dueCell.split('\n')[0]!.trim() });
  }
  return out;
}

const listed = (rows: { what: string; on: string }[]) => rows.map((r) => `${r.what}: ${r.on}`).sort();

/**
 * The casework page shows exactly these as due, soonest first, with their dates; nothing met is
 * left on it. `words` checks "when" for some of them ("due today", "overdue by 3 working days").
 */
async function expectOnCaseworkPage(page: Page, expected: Owed[], words: Record<string, string> = {}, where = ''): Promise<void> {
  const rows = await dueOnCaseworkPage(page);
  assert.deepEqual(listed(rows), listed(expected.map((o) => ({ what: o.hub, on: shown(o.on) }))), `the casework page’s "Due" ${where}`);
  const soonestFirst = [...expected].sort((a, b) => a.on.localeCompare(b.on)).map((o) => shown(o.on));
  assert.deepEqual(rows.map((r) => r.on), soonestFirst, `the casework page lists what is due soonest first ${where}`);
  for (const [what, w] of Object.entries(words)) {
    assert.deepEqual(rows.filter((r) => r.what === what).map((r) => r.words), [w], `"${what}" on the casework page ${where}`);
  }
}

/** My worktray shows exactly these, each with its day and date. */
async function expectOnWorktray(page: Page, expected: Owed[], words: Record<string, string> = {}, where = ''): Promise<void> {
  const rows = await dueOnWorktray(page);
  assert.deepEqual(listed(rows), listed(expected.map((o) => ({ what: o.worktray, on: shown(o.on, true) }))), `My worktray ${where}`);
  for (const [what, w] of Object.entries(words)) {
    assert.deepEqual(rows.filter((r) => r.what === what).map((r) => r.words), [w], `"${what}" on My worktray ${where}`);
  }
}

/** Fills a GOV.UK date input, found by its legend. */
async function fillDate(page: Page, legend: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(String(Number(d)));
  await group.getByLabel('Month').fill(String(Number(m)));
  await group.getByLabel('Year').fill(y);
}

/** Answers a Yes / No question, found by its legend. */
async function answer(page: Page, question: string, yes: boolean): Promise<void> {
  await page.getByRole('group', { name: question, exact: true }).getByLabel(yes ? 'Yes' : 'No', { exact: true }).check();
}

/** A table's body rows as text cells, by the table's id. */
async function tableRows(page: Page, id: string): Promise<string[][]> {
  const out: string[][] = [];
  for (const row of await page.locator(`#${id} tbody tr`).all()) out.push((await row.locator('td, th').allTextContents()).map((s) => s.trim()));
  return out;
}

// ---------------------------------------------------------------------------------------------

describe('a child protection journey in a browser, with every due date', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let shots: Screenshots;
  const sessions: Session[] = [];
  let childPath = '';
  let personId = '';
  const CHILD = 'Nell Ashworth';

  before(async () => {
    // Monday 9 November 2026, 10am.
    t = await createTestApp({ now: new Date('2026-11-09T10:00:00Z') });
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    shots = screenshots('cp-journey');

    // The front door (its own browser test walks these pages): the contact, rated, referred, and
    // the response to the referral "assessment", all on Monday 9 November 2026, through the app's
    // forms; then the service manager allocates the child to Wendy Worker (Assessment team).
    const mash = await t.as('mash');
    const contact = await recordContact(t, mash, { givenName: 'Nell', familyName: 'Ashworth', time: '09:15', source: '2A', concerns: 'Nell came to school with bruises on both arms and said she did not want to go home.', dateOfBirth: { day: '12', month: '4', year: '2019' } });
    await rateContact(mash, contact, 'amber', 'Injuries seen by school staff; no immediate danger today');
    const referral = await referContact(mash, contact, 'Unexplained bruising: threshold for a referral met');
    childPath = await respondToReferral(mash, referral, 'assessment', 'Child and family assessment to understand the injuries');
    personId = childPath.split('/').pop()!;
    await allocateThroughPage(t, await t.as('servicemgr'), personId, 'worker');
  });

  after(async () => {
    for (const s of sessions) await s.context.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  /** The morning of `date` (9:30am): a new browser session signed in as `username`, on their home page. */
  async function morning(date: string, username: string): Promise<Session> {
    t.clock.set(new Date(`${date}T09:30:00Z`));
    const s = await newSession(browser, base, shots);
    sessions.push(s);
    await s.signIn(username, TEST_PASSWORD, `${date} ${username} home`);
    assert.equal(new URL(s.page.url()).pathname, '/');
    return s;
  }

  /** Submits the form with its button and lands on the child's casework page. */
  async function save(s: Session, label: string, button: string): Promise<Page> {
    const page = await s.visit(label, () => s.page.getByRole('button', { name: button, exact: true }).click());
    assert.equal(new URL(page.url()).pathname, `${childPath}/casework`, `${label}: back on the casework page`);
    await page.getByRole('heading', { level: 1, name: 'Casework' }).waitFor();
    return page;
  }

  test('Mon 9 Nov 2026: the allocated worker sees the assessment due on My worktray and starts it from the child’s record', async () => {
    const s = await morning('2026-11-09', 'worker');
    const page = s.page;
    await page.getByRole('heading', { level: 1, name: 'My worktray' }).waitFor();
    await expectOnWorktray(page, [ASSESSMENT], {}, 'on the day of the referral');

    await s.visit('the child’s record', () => page.getByRole('link', { name: CHILD, exact: true }).first().click());
    assert.equal(new URL(page.url()).pathname, childPath);
    const record = page.getByRole('navigation', { name: 'Record', exact: true });
    await s.visit('start the assessment', () => record.getByRole('link', { name: 'Record the start of an assessment' }).click());
    await page.getByRole('heading', { level: 1, name: 'Record the start of an assessment' }).waitFor();
    await fillDate(page, 'When did the assessment start?', '2026-11-09');
    await page.getByRole('group', { name: 'Has the child been seen?' }).getByLabel('Yes', { exact: true }).check();
    await save(s, 'assessment started', 'Save');
    // Started is not done: the assessment is met only when it is authorised.
    await expectOnCaseworkPage(page, [SUPERVISION, ASSESSMENT], { [ASSESSMENT.hub]: 'due in 45 working days' }, 'after the assessment started');
    assert.deepEqual((await tableRows(page, 'assessments')).map((r) => r.slice(0, 2)), [['9 November 2026', 'Not yet authorised']]);
    // Authorising it is the manager's: the worker is told so, and offered no link to do it.
    assert.equal(await page.locator('#case-actions').getByRole('link', { name: 'Authorise the assessment' }).count(), 0);
    await page.locator('#case-actions-refused').getByText('A team or service manager authorises the assessment: ask your manager to authorise it.').waitFor();
    await s.close();
  });

  test('Fri 4 Dec 2026: the team manager authorises the assessment, which concludes a strategy discussion is needed (due Monday, after the weekend)', async () => {
    const s = await morning('2026-12-04', 'teammgr');
    const page = s.page;
    await s.visit('manager: the team’s worktray', () => page.getByRole('link', { name: 'Team', exact: true }).click());
    const teamWork = await dueOnWorktray(page);
    assert.deepEqual(
      teamWork.filter((r) => r.what === ASSESSMENT.worktray).map((r) => r.on),
      [shown(ASSESSMENT.on, true)],
      'the team’s worktray shows the assessment due',
    );
    await s.visit('manager: the child’s record', () => page.getByRole('link', { name: CHILD, exact: true }).first().click());
    await s.visit('manager: authorise the assessment', () => page.getByRole('navigation', { name: 'Record', exact: true }).getByRole('link', { name: 'Authorise the assessment' }).click());
    await page.getByRole('heading', { level: 1, name: 'Authorise the assessment' }).waitFor();
    assert.equal(await page.getByRole('group', { name: 'Was the child seen during the assessment?' }).getByLabel('Yes', { exact: true }).isChecked(), true, 'known from the start of the assessment');
    await fillDate(page, 'When was the assessment authorised?', '2026-12-04');
    await page.getByRole('checkbox', { name: /^3B: / }).check();
    await page.getByRole('checkbox', { name: /^16A: / }).check();
    await page.getByRole('radio', { name: 'Strategy discussion', exact: true }).check();
    await save(s, 'manager: assessment authorised', 'Authorise the assessment');
    // The assessment is met (so off the list); the strategy discussion it decided on is due.
    await expectOnCaseworkPage(page, [STRATEGY, SUPERVISION], { [STRATEGY.hub]: 'due in 1 working day' }, 'after authorisation');
    assert.deepEqual((await tableRows(page, 'assessments')).map((r) => r.slice(0, 3)), [['9 November 2026', '4 December 2026', 'Strategy discussion']]);
    const [row] = await t.db.query<{ authorised_by: string }>('select authorised_by from assessments where person_id = $1', [personId]);
    assert.equal(row!.authorised_by, t.ids.teammgr, 'authorised by the manager');
    await s.close();
  });

  test('Mon 7 Dec 2026: the strategy discussion, due today, from My worktray; it starts a section 47 enquiry, and the conference clock with it', async () => {
    const s = await morning('2026-12-07', 'worker');
    const page = s.page;
    await expectOnWorktray(page, [STRATEGY], { [STRATEGY.worktray]: 'Due today' });

    await s.visit('record the strategy discussion', () => page.getByRole('link', { name: /^Record the strategy discussion/ }).click());
    await fillDate(page, 'Date of the strategy discussion', '2026-12-07');
    for (const agency of ['Children’s social care', 'Police', 'Health']) assert.equal(await page.getByRole('checkbox', { name: agency, exact: true }).isChecked(), true, `${agency} ticked already`);
    await page.locator('#names-police').fill('DC Patel, child abuse investigation team');
    await page.getByRole('radio', { name: 'Start a section 47 enquiry' }).check();
    await page.getByLabel('Reasons for the decision').fill('Bruising to both arms with no explanation; Nell is frightened to go home.');
    await save(s, 'strategy discussion recorded', 'Save');
    await expectOnCaseworkPage(page, [SUPERVISION], {}, 'after the strategy discussion');
    assert.deepEqual(await tableRows(page, 'strategy-discussions'), [['7 December 2026', 'children’s social care, police (DC Patel, child abuse investigation team), health', 'Section 47 enquiry']]);

    await s.visit('start the section 47 enquiry', () => page.locator('#case-actions').getByRole('link', { name: 'Start a section 47 enquiry' }).click());
    assert.equal(await page.getByRole('radio', { name: 'Strategy discussion on 7 December 2026' }).isChecked(), true);
    await save(s, 'section 47 enquiry started', 'Start the enquiry');
    assert.deepEqual(await tableRows(page, 's47-enquiries'), [['7 December 2026', 'Open', '']], 'the enquiry starts on the strategy discussion’s date');
    // The conference clock runs from the strategy discussion while the enquiry is open, so a
    // conference that will be late shows before the enquiry's outcome is recorded.
    await expectOnCaseworkPage(page, [SUPERVISION, ICPC], { [ICPC.hub]: 'due in 15 working days' }, 'with the enquiry open');
    await s.close();
  });

  test('Mon 14 Dec 2026: the section 47 outcome says a conference is needed: still due 15 working days from the strategy discussion, across Christmas', async () => {
    const s = await morning('2026-12-14', 'worker');
    const page = s.page;
    await expectOnWorktray(page, [ICPC], { [ICPC.worktray]: 'Due in 10 working days' });

    await s.visit('the child’s record', () => page.getByRole('link', { name: CHILD, exact: true }).first().click());
    // The record's key dates agree.
    await page.locator('#summary').getByText('Initial child protection conference: 30 December 2026 (due in 10 working days)').waitFor();
    await s.visit('record the section 47 outcome', () => page.getByRole('navigation', { name: 'Record', exact: true }).getByRole('link', { name: 'Record the outcome of the section 47 enquiry' }).click());
    await fillDate(page, 'When was the enquiry completed?', '2026-12-14');
    await page.getByRole('radio', { name: /continuing risk of significant harm: initial child protection conference$/ }).check();
    await save(s, 'section 47 outcome recorded', 'Save the outcome');
    await expectOnCaseworkPage(page, [SUPERVISION, ICPC], { [SUPERVISION.hub]: 'overdue by 3 working days', [ICPC.hub]: 'due in 10 working days' }, 'after the section 47 outcome');
    await s.close();
  });

  test('Wed 23 Dec 2026: the initial conference, from My worktray; the plan starts, with its core group, visits and review due', async () => {
    const s = await morning('2026-12-23', 'worker');
    const page = s.page;
    // A week away in the calendar, but only 3 working days (24, 29, 30 December).
    await expectOnWorktray(page, [ICPC], { [ICPC.worktray]: 'Due in 3 working days' });

    await s.visit('record the initial conference', () => page.getByRole('link', { name: /^Record the conference/ }).click());
    const enquiry = page.getByRole('radio', { name: 'Section 47 enquiry from the strategy discussion on 7 December 2026' });
    assert.equal(await enquiry.isChecked(), true);
    assert.match((await page.getByText(/The conference is due within 15 working days/).textContent())!, /by 30 December 2026\./, 'the form says when the conference is due');
    await fillDate(page, 'Date of the conference', '2026-12-23');
    await answer(page, 'Will the child be the subject of a child protection plan?', true);
    await page.getByRole('group', { name: 'Category of abuse' }).getByRole('radio', { name: 'Neglect', exact: true }).check();
    await save(s, 'initial conference recorded', 'Save the conference');
    await expectOnCaseworkPage(page, [SUPERVISION, FIRST_CORE_GROUP, CP_VISIT_FROM_PLAN, FIRST_REVIEW], {}, 'after the initial conference');
    assert.deepEqual(await tableRows(page, 'initial-conferences'), [['23 December 2026', 'Strategy discussion on 7 December 2026', '30 December 2026', 'Child protection plan']], 'held before its target date');
    assert.deepEqual(await tableRows(page, 'cp-plans'), [['23 December 2026', 'Open', 'Neglect / Neglect', '0', '0']]);
    await s.close();
  });

  test('Thu 24 Dec 2026: a CP visit where the child is not seen alone, not yet written up', async () => {
    const s = await morning('2026-12-24', 'worker');
    const page = s.page;
    await expectOnWorktray(page, [FIRST_CORE_GROUP, CP_VISIT_FROM_PLAN, FIRST_REVIEW]);

    await s.visit('record a visit', () => page.getByRole('link', { name: /^Record a visit/ }).click());
    assert.match((await page.locator('#date-hint').textContent())!, /The next statutory visit is due by 11 January 2027/);
    await fillDate(page, 'Date of the visit', '2026-12-24');
    await answer(page, 'Was the child seen?', true);
    await answer(page, 'Was the child seen alone?', false);
    await answer(page, 'Was the child’s bedroom seen?', true);
    await answer(page, 'Is the visit written up?', false);
    await save(s, 'visit not seen alone', 'Save the visit');
    await expectOnCaseworkPage(page, [SUPERVISION, WRITE_UP_CHRISTMAS_EVE, FIRST_CORE_GROUP, CP_VISIT_AFTER_CHRISTMAS_EVE, SEEN_ALONE, FIRST_REVIEW], {}, 'after the visit on Christmas Eve');
    assert.deepEqual((await tableRows(page, 'visits')).map((r) => r.slice(0, 5)), [['24 December 2026', 'Child protection', 'Yes', 'No', 'Yes']]);
    await s.close();
  });

  test('Tue 29 Dec 2026: back after Christmas, the visit is written up from My worktray, due tomorrow', async () => {
    const s = await morning('2026-12-29', 'worker');
    const page = s.page;
    await expectOnWorktray(page, [WRITE_UP_CHRISTMAS_EVE, FIRST_CORE_GROUP, CP_VISIT_AFTER_CHRISTMAS_EVE, SEEN_ALONE, FIRST_REVIEW], { [WRITE_UP_CHRISTMAS_EVE.worktray]: 'Due tomorrow' });

    await s.visit('write up the visit', () => page.getByRole('link', { name: /^Write up the visit/ }).click());
    await page.getByLabel('Visit notes').fill('Nell showed me her room; she was quiet when her mother was in the room.');
    await save(s, 'visit written up', 'Save the write-up');
    await expectOnCaseworkPage(page, [SUPERVISION, FIRST_CORE_GROUP, CP_VISIT_AFTER_CHRISTMAS_EVE, SEEN_ALONE, FIRST_REVIEW], {}, 'after the write-up');
    assert.deepEqual((await tableRows(page, 'visits')).map((r) => r[5]), ['29 December 2026']);
    await s.close();
  });

  test('Fri 8 Jan 2027: the first core group; core groups are then due monthly', async () => {
    const s = await morning('2027-01-08', 'worker');
    const page = s.page;
    await expectOnWorktray(page, [FIRST_CORE_GROUP, CP_VISIT_AFTER_CHRISTMAS_EVE, SEEN_ALONE, FIRST_REVIEW], { [FIRST_CORE_GROUP.worktray]: 'Due in 1 working day' });

    await s.visit('record the first core group', () => page.getByRole('link', { name: /^Record the core group/ }).click());
    assert.match((await page.locator('#date-hint').textContent())!, /The core group is due by 11 January 2027/);
    await fillDate(page, 'Date of the core group', '2027-01-08');
    await page.getByLabel('Notes (optional)').fill('Plan agreed with Nell’s mother and the school.');
    await save(s, 'first core group recorded', 'Save');
    await expectOnCaseworkPage(page, [SUPERVISION, CP_VISIT_AFTER_CHRISTMAS_EVE, SEEN_ALONE, CORE_GROUP_AFTER_JANUARY, FIRST_REVIEW], {}, 'after the first core group');
    await s.close();
  });

  test('Mon 11 Jan 2027: the next visit sees the child alone, written up at once', async () => {
    const s = await morning('2027-01-11', 'worker');
    const page = s.page;
    await expectOnWorktray(page, [CP_VISIT_AFTER_CHRISTMAS_EVE, SEEN_ALONE, CORE_GROUP_AFTER_JANUARY, FIRST_REVIEW], { [SEEN_ALONE.worktray]: 'Due tomorrow' });

    await s.visit('record the visit seeing the child alone', () => page.getByRole('link', { name: /^Record a visit\s*: CP visit: see the child alone/ }).click());
    assert.match((await page.locator('#date-hint').textContent())!, /The next statutory visit is due by 12 January 2027/);
    await fillDate(page, 'Date of the visit', '2027-01-11');
    await answer(page, 'Was the child seen?', true);
    await answer(page, 'Was the child seen alone?', true);
    await answer(page, 'Was the child’s bedroom seen?', false);
    await page.getByLabel('Visit notes').fill('Saw Nell alone at school. She talked about Christmas and her new bike.');
    await answer(page, 'Is the visit written up?', true);
    await save(s, 'visit seen alone', 'Save the visit');
    // Seen alone: that duty is met; written up when recorded: nothing to write up.
    await expectOnCaseworkPage(page, [SUPERVISION, CP_VISIT_AFTER_JANUARY, CORE_GROUP_AFTER_JANUARY, FIRST_REVIEW], {}, 'after the visit seeing the child alone');
    assert.deepEqual((await tableRows(page, 'visits')).map((r) => r.slice(0, 6)), [
      ['11 January 2027', 'Child protection', 'Yes', 'Yes', 'No', '11 January 2027'],
      ['24 December 2026', 'Child protection', 'Yes', 'No', 'Yes', '29 December 2026'],
    ]);
    await s.close();
  });

  test('Mon 22 Mar 2027: overdue work is still owed on its date; the review conference, due tomorrow, sets the next one 6 months on; a core group follows', async () => {
    const s = await morning('2027-03-22', 'worker');
    const page = s.page;
    // "Overdue by" counts the working days after the due date up to today: from 9 December 2026
    // (less 25 and 28 December and 1 January) 70; from 25 January 40; from 8 February 30.
    await expectOnWorktray(page, [CP_VISIT_AFTER_JANUARY, CORE_GROUP_AFTER_JANUARY, FIRST_REVIEW], {
      [CP_VISIT_AFTER_JANUARY.worktray]: 'Overdue by 40 working days',
      [CORE_GROUP_AFTER_JANUARY.worktray]: 'Overdue by 30 working days',
      [FIRST_REVIEW.worktray]: 'Due tomorrow',
    });

    await s.visit('record the review conference', () => page.getByRole('link', { name: /^Record the review conference/ }).click());
    assert.match((await page.locator('#date-hint').textContent())!, /The review conference is due by 23 March 2027 \(due tomorrow\)/);
    assert.equal(await page.getByRole('group', { name: 'Latest category of abuse' }).getByRole('radio', { name: 'Neglect', exact: true }).isChecked(), true, 'the latest category is filled in');
    await fillDate(page, 'Date of the review conference', '2027-03-22');
    await page.getByRole('radio', { name: 'Yes, the plan continues' }).check();
    await page.getByLabel('How did the child take part? (optional)').selectOption('PN1');
    await save(s, 'review conference recorded', 'Save the review conference');
    // 127 working days: 22 March to 22 September 2027 less Good Friday, Easter Monday and the May and August bank holidays.
    await expectOnCaseworkPage(page, [SUPERVISION, CP_VISIT_AFTER_JANUARY, CORE_GROUP_AFTER_JANUARY, SECOND_REVIEW], { [SECOND_REVIEW.hub]: 'due in 127 working days' }, 'after the review conference');

    await s.visit('record a core group', () => page.locator('#case-actions').getByRole('link', { name: 'Record a core group' }).click());
    await fillDate(page, 'Date of the core group', '2027-03-22');
    await save(s, 'core group after the review', 'Save');
    await expectOnCaseworkPage(page, [SUPERVISION, CP_VISIT_AFTER_JANUARY, CORE_GROUP_AFTER_MARCH, SECOND_REVIEW], {}, 'after the core group');
    assert.deepEqual(await tableRows(page, 'cp-plans'), [['23 December 2026', 'Open', 'Neglect / Neglect', '1', '2']]);
    await s.close();
  });

  test('Wed 24 Mar 2027: a late visit before Easter moves the next visit on; its write-up is due after Easter', async () => {
    const s = await morning('2027-03-24', 'worker');
    const page = s.page;
    await expectOnWorktray(page, [CP_VISIT_AFTER_JANUARY, CORE_GROUP_AFTER_MARCH, SECOND_REVIEW]);

    await s.visit('record a late visit', () => page.getByRole('link', { name: /^Record a visit/ }).click());
    await fillDate(page, 'Date of the visit', '2027-03-24');
    await answer(page, 'Was the child seen?', true);
    await answer(page, 'Was the child seen alone?', true);
    await answer(page, 'Was the child’s bedroom seen?', true);
    await answer(page, 'Is the visit written up?', false);
    await save(s, 'late visit', 'Save the visit');
    await expectOnCaseworkPage(page, [SUPERVISION, WRITE_UP_BEFORE_EASTER, CP_VISIT_AFTER_EASTER, CORE_GROUP_AFTER_MARCH, SECOND_REVIEW], { [WRITE_UP_BEFORE_EASTER.hub]: 'due in 2 working days' }, 'after the visit before Easter');
    await s.close();
  });

  test('Tue 30 Mar 2027: after Easter the write-up is due today; once done, only the plan’s next visit, core group and review (and supervision) are owed', async () => {
    const s = await morning('2027-03-30', 'worker');
    const page = s.page;
    await expectOnWorktray(page, [WRITE_UP_BEFORE_EASTER, CP_VISIT_AFTER_EASTER, CORE_GROUP_AFTER_MARCH, SECOND_REVIEW], { [WRITE_UP_BEFORE_EASTER.worktray]: 'Due today' });

    await s.visit('write up the visit before Easter', () => page.getByRole('link', { name: /^Write up the visit/ }).click());
    await page.getByLabel('Visit notes').fill('Nell was excited about the Easter holidays; the house was warm and there was food in.');
    await save(s, 'visit before Easter written up', 'Save the write-up');
    await expectOnCaseworkPage(page, [SUPERVISION, CP_VISIT_AFTER_EASTER, CORE_GROUP_AFTER_MARCH, SECOND_REVIEW], {}, 'at the end');

    await s.visit('My worktray again', () => page.getByRole('link', { name: 'My worktray', exact: true }).click());
    await expectOnWorktray(page, [CP_VISIT_AFTER_EASTER, CORE_GROUP_AFTER_MARCH, SECOND_REVIEW], {}, 'at the end');
    await s.close();
  });
});
