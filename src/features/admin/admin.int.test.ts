/**
 * The administrator's settings (/admin/settings): the local timescales, the caseload guide and the
 * RAG clocks, each versioned and audited; a change of the timescales recomputes every child's
 * obligations after the setting is committed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recompute, seedAllocation, seedChild, seedCpPlan, seedEpisode, seedVisit } from '../../../test/support/casework-seed.js';
import { errorSummary, hiddenValue } from '../../../test/support/browserless.js';
import { inputValue } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

const NORMS = {
  cpVisitWorkingDays: '10',
  cinVisitWorkingDays: '20',
  coreGroupIntervalMonths: '1',
  cinPlanReviewMonths: '3',
  supervisionMonths: '1',
  visitWriteUpWorkingDays: '2',
  strategyDiscussionWorkingDays: '1',
  earlyHelpReviewWeeks: '6',
};

describe('settings: local timescales, caseload guide, RAG clocks', () => {
  let t: TestApp;
  let ava: string;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    ava = await seedChild(t, 'Ava', 'Able');
    const episode = await seedEpisode(t, ava, { referralDate: '2026-10-01', teamId: t.ids['team:Assessment']! });
    await seedCpPlan(t, ava, episode, '2026-10-26');
    await seedVisit(t, ava, '2026-11-13');
    await seedAllocation(t, ava, { workerId: t.ids.worker!, teamId: t.ids['team:Assessment']!, start: '2026-10-26' });
    await recompute(t, ava);
  });
  after(async () => {
    await t.services.admin.idle();
    await t.close();
  });

  const cpVisitDue = async () => (await t.db.query<{ due_on: string }>(`select due_on::text from obligations where person_id = $1 and rule = 'cp-visit' and met_on is null`, [ava]))[0]?.due_on;

  test('the page shows the current values (defaults until changed)', async () => {
    const client = await t.as('admin');
    const page = await client.get('/admin/settings');
    assert.equal(page.status, 200);
    for (const [k, v] of Object.entries(NORMS)) assert.equal(inputValue(page.body, k), v, k);
    assert.equal(inputValue(page.body, 'caseloadGuide'), '15');
    assert.deepEqual([inputValue(page.body, 'red'), inputValue(page.body, 'amber'), inputValue(page.body, 'green')], ['4', '24', '72']);
  });

  test('changing a timescale is saved, audited and versioned, then every child’s obligations are recomputed with it', async () => {
    assert.equal(await cpVisitDue(), '2026-11-27', '10 working days from the visit on 13 November');
    const client = await t.as('admin');
    const page = await client.get('/admin/settings');
    const version = hiddenValue(page.body, 'version', '/admin/settings/timescales')!;
    assert.equal(version, '0');
    const saved = await client.post('/admin/settings/timescales', { ...NORMS, cpVisitWorkingDays: '5', version });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, '/admin/settings?saved=norms');
    await t.services.admin.idle();
    assert.equal(await cpVisitDue(), '2026-11-20', '5 working days from the visit on 13 November');
    assert.equal((await t.services.settings.localNorms()).cpVisitWorkingDays, 5);
    const [audit] = await t.db.query<{ user_id: string; detail: { from: { cpVisitWorkingDays: number }; to: { cpVisitWorkingDays: number }; version: number } }>(
      `select user_id, detail from audit_events where action = 'setting-changed' and subject_id = 'obligations.local-norms'`,
    );
    assert.equal(audit!.user_id, t.ids.admin);
    assert.equal(audit!.detail.from.cpVisitWorkingDays, 10);
    assert.equal(audit!.detail.to.cpVisitWorkingDays, 5);
    assert.equal(audit!.detail.version, 1);
    const after = await client.get('/admin/settings?saved=norms');
    assert.match(after.body, /Local timescales saved/);
    assert.match(after.body, /Every child’s due dates are being worked out again/);
    assert.match(after.body, /Every child’s due dates were last worked out again at/);
    assert.equal(inputValue(after.body, 'cpVisitWorkingDays'), '5');
    assert.equal(hiddenValue(after.body, 'version', '/admin/settings/timescales'), '1');
    // The worker's tray reads the recomputed rows: the visit is now overdue.
    const tray = await (await t.as('worker')).get('/');
    assert.match(tray.body, /CP statutory visit[\s\S]*?5 working days from the last visit on 13 November 2026/);
  });

  test('a stale form (saved by someone else meanwhile) is refused with 409; an invalid value is a 400 with the value kept', async () => {
    const client = await t.as('admin');
    const page = await client.get('/admin/settings');
    const stale = await client.post('/admin/settings/timescales', { ...NORMS, version: '0' });
    assert.equal(stale.status, 409);
    assert.match(stale.body, /Someone else changed the local timescales/);
    const invalid = await client.post('/admin/settings/timescales', { ...NORMS, cpVisitWorkingDays: 'ten', supervisionMonths: '0', version: hiddenValue(page.body, 'version', '/admin/settings/timescales')! });
    assert.equal(invalid.status, 400);
    assert.deepEqual(errorSummary(invalid.body), ['cpVisitWorkingDays: Child protection visits must be a whole number of working days from 1 to 40', 'supervisionMonths: Case supervision must be a whole number of months from 1 to 6']);
    assert.equal(inputValue(invalid.body, 'cpVisitWorkingDays'), 'ten');
    assert.equal((await t.services.settings.localNorms()).cpVisitWorkingDays, 5, 'nothing saved');
  });

  test('the caseload guide and the RAG clocks: saved, audited; the clocks must run red ≤ amber ≤ green', async () => {
    const client = await t.as('admin');
    let page = await client.get('/admin/settings');
    const guide = await client.post('/admin/settings/caseload-guide', { caseloadGuide: '18', version: hiddenValue(page.body, 'version', '/admin/settings/caseload-guide')! });
    assert.equal(guide.status, 303);
    assert.equal(await t.services.settings.caseloadGuide(), 18);
    page = await client.get('/admin/settings');
    const badRag = await client.post('/admin/settings/rag-clocks', { red: '30', amber: '24', green: '72', version: hiddenValue(page.body, 'version', '/admin/settings/rag-clocks')! });
    assert.equal(badRag.status, 400);
    assert.deepEqual(errorSummary(badRag.body), ['amber: The clocks must run red, then amber, then green: red no longer than amber, amber no longer than green']);
    const rag = await client.post('/admin/settings/rag-clocks', { red: '2', amber: '24', green: '72', version: hiddenValue(page.body, 'version', '/admin/settings/rag-clocks')! });
    assert.equal(rag.status, 303);
    assert.equal((await t.services.settings.ragClockHours()).red, 2);
    const auditedBefore = (await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where action = 'setting-changed'"))[0]!.n;
    const again = await client.post('/admin/settings/rag-clocks', { red: '2', amber: '24', green: '72', version: hiddenValue(page.body, 'version', '/admin/settings/rag-clocks')! });
    assert.equal(again.status, 303, 'the same form sent twice by the same person is not a conflict');
    assert.equal((await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where action = 'setting-changed'"))[0]!.n, auditedBefore, 'and saves nothing more');
    const other = await client.post('/admin/settings/rag-clocks', { red: '3', amber: '24', green: '72', version: hiddenValue(page.body, 'version', '/admin/settings/rag-clocks')! });
    assert.equal(other.status, 409, 'a different value on the old version is still a stale edit');
    const audits = await t.db.query<{ subject_id: string }>(`select subject_id from audit_events where action = 'setting-changed' order by id`);
    assert.deepEqual(audits.map((a) => a.subject_id), ['obligations.local-norms', 'workforce.caseload-guide', 'front-door.rag-clock-hours']);
    const team = await (await t.as('teammgr')).get('/team');
    assert.match(team.body, /against the guide of 18 children/);
  });

  test('access: only an administrator (404 for everyone else, for the page and each form)', async () => {
    for (const user of ['worker', 'teammgr', 'servicemgr', 'analyst', 'mash']) {
      const client = await t.as(user);
      assert.equal((await client.get('/admin/settings')).status, 404, user);
      await client.get('/empty'); // a page with the session's CSRF token (the sign-out form)
      assert.equal((await client.post('/admin/settings/timescales', { ...NORMS, version: '1' })).status, 404, user);
      assert.equal((await client.post('/admin/settings/caseload-guide', { caseloadGuide: '2', version: '1' })).status, 404, user);
    }
    assert.equal(await t.services.settings.caseloadGuide(), 18);
  });
});
