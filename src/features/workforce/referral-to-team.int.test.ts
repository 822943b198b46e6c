/**
 * Issue 9: a referred child reaches a team, moves between teams, and the front door's work is dated
 * when it happened. A MASH decision made on Friday 11 December 2026 and keyed on Monday 14 December:
 * the referral date is the Friday (CIN census ReferralDate is the date of the decision to refer), the
 * referral decision is due 1 working day later (Monday 14 December) and the child and family
 * assessment 45 working days from the Friday (Working Together to Safeguard Children 2023, chapter
 * 2), counted by hand across Christmas Day (Friday 25 December), the Boxing Day substitute (Monday
 * 28 December) and New Year's Day (Friday 1 January 2027):
 *   December 14-18 (5), 21-24 (9), 29-31 (12); January 4-29 (32); February 1-12 (42), 15, 16, 17 (45)
 * so Wednesday 17 February 2027.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Browserless, errorSummary, hiddenValue } from '../../../test/support/browserless.js';
import { count, dateInput, obligationsOf, submitForm } from '../../../test/support/casework.js';
import { decideViaPage, respondViaPage, seedContact, tableRows } from '../../../test/support/front-door.js';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../../../test/support/test-app.js';

const FRIDAY_DECISION = { 'decidedOn-day': '11', 'decidedOn-month': '12', 'decidedOn-year': '2026', decidedTime: '15:00' };

describe('a referral reaches its team, is allocated, and transfers (issue 9)', () => {
  let t: TestApp;
  let mash: Browserless;
  let personId: string;
  let contactId: string;
  let episodeId: string;
  let referralPath: string;
  const allocationsOf = () => t.db.query<{ worker_id: string | null; team_id: string; start_date: string; end_date: string | null }>('select worker_id, team_id, start_date, end_date from allocations where person_id = $1 order by start_date, end_date nulls last, worker_id nulls first', [personId]);

  before(async () => {
    // Monday 14 December 2026, 9:30am (GMT: London time is UTC).
    t = await createTestApp({ now: new Date('2026-12-14T09:30:00Z') });
    await t.services.users.addTeam({ name: 'Child in Need', kind: 'team', parentName: 'Children’s Services' });
    for (const u of [
      { username: 'cinmgr', displayName: 'Cara Manager', roles: ['team_manager' as const], teamName: 'Child in Need' },
      { username: 'cinworker', displayName: 'Cal Worker', roles: ['social_worker' as const], teamName: 'Child in Need' },
      { username: 'mashmgr', displayName: 'Max Mash', roles: ['team_manager' as const], teamName: 'MASH' },
    ]) {
      t.ids[u.username] = await t.services.users.addUser({ ...u, password: TEST_PASSWORD });
    }
    for (const x of await t.services.users.listTeams()) t.ids[`team:${x.name}`] = x.id;
    mash = await t.as('mash');
    ({ contactId, personId } = await seedContact(t, { person: { givenName: 'Fran', familyName: 'Friday', dateOfBirth: '2015-02-02' }, receivedAt: new Date('2026-12-11T10:00:00Z') }));
  });
  after(async () => t.close());

  test('a MASH decision in the future, or before the contact was received, is refused with the error summary; nothing is written', async () => {
    const future = await decideViaPage(mash, contactId, { decision: 'referral', primaryNeedCode: 'N1', decidedTime: '10:30' });
    assert.equal(future.status, 400);
    assert.deepEqual(errorSummary(future.body), ['decidedTime: Time of the decision must be now or in the past']);
    const tomorrow = await decideViaPage(mash, contactId, { decision: 'referral', primaryNeedCode: 'N1', 'decidedOn-day': '15' });
    assert.deepEqual(errorSummary(tomorrow.body), ['decidedOn-day: Date of the decision must be today or in the past']);
    const early = await decideViaPage(mash, contactId, { decision: 'referral', primaryNeedCode: 'N1', ...FRIDAY_DECISION, decidedTime: '09:00' });
    assert.equal(early.status, 400);
    assert.deepEqual(errorSummary(early.body), ['decidedOn-day: The decision cannot be before the contact was received (11 December 2026 at 10:00am)']);
    assert.match(early.body, /name="decidedTime" type="text" value="09:00"/, 'what was typed is kept');
    const noTeam = await decideViaPage(mash, contactId, { decision: 'referral', primaryNeedCode: 'N1', receivingTeamId: '' });
    assert.deepEqual(errorSummary(noTeam.body), ['receivingTeamId: Select the team the referral goes to']);
    assert.equal(await count(t, 'cin_episodes', personId), 0);
    assert.equal(await count(t, 'allocations', personId), 0);
  });

  test('decided Friday, keyed Monday: the referral is dated Friday, held by the assessment team, and its clocks run from Friday', async () => {
    const res = await decideViaPage(mash, contactId, { decision: 'referral', primaryNeedCode: 'N1', ...FRIDAY_DECISION });
    assert.equal(res.status, 303);
    referralPath = res.location!;
    episodeId = referralPath.split('/').at(-1)!;
    const [contact] = await t.db.query<{ decided_at: Date; decision_recorded_at: Date }>('select decided_at, decision_recorded_at from contacts where id = $1', [contactId]);
    assert.equal(contact!.decided_at.toISOString(), '2026-12-11T15:00:00.000Z');
    assert.equal(contact!.decision_recorded_at.toISOString(), '2026-12-14T09:30:00.000Z', 'the time it was keyed is kept');
    const [episode] = await t.db.query<{ referral_date: string; team_id: string }>('select referral_date, team_id from cin_episodes where id = $1', [episodeId]);
    assert.deepEqual(episode, { referral_date: '2026-12-11', team_id: t.ids['team:Assessment'] });
    assert.deepEqual(await allocationsOf(), [{ worker_id: null, team_id: t.ids['team:Assessment']!, start_date: '2026-12-11', end_date: null }]);
    const page = await mash.get(referralPath);
    assert.match(page.body, /1 working day from the referral on 11 December 2026: due 14 December 2026/);

    // The referral decision is dated too: not before the referral, not in the future.
    const action = `${referralPath}/decision`;
    const form = await mash.get(referralPath);
    const post = (date: string) => mash.post(action, { version: hiddenValue(form.body, 'version', action)!, formToken: hiddenValue(form.body, 'formToken', action)!, decision: 'assessment', rationale: 'Assess', ...dateInput('decidedOn', date) });
    const early = await post('2026-12-10');
    assert.equal(early.status, 400);
    assert.deepEqual(errorSummary(early.body), ['decidedOn-day: Date of the decision must be on or after the referral (11 December 2026)']);
    assert.deepEqual(errorSummary((await post('2026-12-15')).body), ['decidedOn-day: Date of the decision must be today or in the past']);
    assert.equal((await respondViaPage(mash, referralPath, 'assessment')).status, 303);
    const [decided] = await t.db.query<{ referral_decided_on: string }>('select referral_decided_on from cin_episodes where id = $1', [episodeId]);
    assert.equal(decided!.referral_decided_on, '2026-12-14', 'today, as the form fills in');
    assert.deepEqual(await obligationsOf(t, personId, ['assessment']), [{ rule: 'assessment', subject_type: 'cin_episode', due_on: '2027-02-17', met_on: null, lapsed_on: null }]);
  });

  test('the assessment team’s manager sees the child unallocated with the assessment’s due date; the MASH no longer records', async () => {
    const tray = await (await t.as('teammgr')).get('/team');
    assert.equal(tray.status, 200);
    const row = tableRows(tray.body, 'unallocated-table').find((r) => r[0]!.startsWith('Fran Friday'));
    assert.ok(row, 'listed among unallocated children');
    assert.equal(row![1], '11 December 2026');
    assert.match(row![4]!, /Child and family assessment: 17 February 2027/);
    assert.equal((await mash.get(`/children/${personId}/assessments/new`)).status, 404, 'the MASH worker cannot record');
    const mashmgr = await t.as('mashmgr');
    assert.equal((await mashmgr.get(`/children/${personId}/allocate`)).status, 404, 'nor can the MASH manager allocate');
    assert.equal((await mashmgr.get(`/children/${personId}`)).status, 200, 'the front door keeps recent, read-only sight');
  });

  test('the team manager allocates (dated, not future, not before the team took it); the worker starts the assessment', async () => {
    const mgr = await t.as('teammgr');
    const path = `/children/${personId}/allocate`;
    const page = await mgr.get(path);
    assert.equal(page.status, 200);
    const current = hiddenValue(page.body, 'currentAllocationId', path)!;
    const fields = (date: string) => ({ currentAllocationId: current, workerId: t.ids.worker!, reasonCode: 'FCONTA', reason: '', ...dateInput('startDate', date) });
    const future = await submitForm(mgr, path, fields('2026-12-15'));
    assert.equal(future.status, 400);
    assert.deepEqual(errorSummary(future.body), ['startDate-day: Start date must be today or in the past']);
    const early = await submitForm(mgr, path, fields('2026-12-10'));
    assert.deepEqual(errorSummary(early.body), ['startDate-day: The allocation must start on or after 11 December 2026, when the current allocation started']);
    assert.equal((await submitForm(mgr, path, fields('2026-12-14'))).status, 303);
    assert.deepEqual(await allocationsOf(), [
      { worker_id: null, team_id: t.ids['team:Assessment']!, start_date: '2026-12-11', end_date: '2026-12-14' },
      { worker_id: t.ids.worker!, team_id: t.ids['team:Assessment']!, start_date: '2026-12-14', end_date: null },
    ]);
    const w = await t.as('worker');
    const started = await submitForm(w, `/children/${personId}/assessments/new`, { ...dateInput('startDate', '2026-12-14'), childSeen: 'yes' });
    assert.equal(started.status, 303);
    assert.equal(await count(t, 'assessments', personId), 1);
  });

  test('a transfer to the child in need team needs a team and a reason; it keeps history, and access moves with it', async () => {
    const mgr = await t.as('teammgr');
    const path = `/children/${personId}/transfer`;
    const page = await mgr.get(path);
    assert.equal(page.status, 200);
    const current = hiddenValue(page.body, 'currentAllocationId', path)!;
    const missing = await submitForm(mgr, path, { currentAllocationId: current, toTeamId: '', ...dateInput('transferDate', '2026-12-14') });
    assert.equal(missing.status, 400);
    assert.deepEqual(errorSummary(missing.body), ['toTeamId: Select the team the child moves to', 'reasonCode: Select the reason for the transfer']);
    const done = await submitForm(mgr, path, { currentAllocationId: current, toTeamId: t.ids['team:Child in Need']!, reasonCode: 'cin', notes: 'Plan agreed', ...dateInput('transferDate', '2026-12-14') });
    assert.equal(done.status, 303);
    assert.equal(done.location, '/team', 'the child has left this manager’s line');

    const rows = await allocationsOf();
    assert.deepEqual(rows.at(-1), { worker_id: null, team_id: t.ids['team:Child in Need']!, start_date: '2026-12-14', end_date: null });
    assert.equal(rows.filter((r) => r.end_date === null).length, 1);
    const [episode] = await t.db.query<{ team_id: string }>('select team_id from cin_episodes where id = $1', [episodeId]);
    assert.equal(episode!.team_id, t.ids['team:Child in Need']);
    const [audit] = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where person_id = $1 and action = 'transfer'", [personId]);
    assert.equal(audit!.n, 1);

    assert.equal((await (await t.as('worker')).get(`/children/${personId}`)).status, 404, 'the worker who held the case no longer sees it');
    assert.equal((await mgr.get(`/children/${personId}`)).status, 404, 'nor does the old team’s manager');
    const cin = await t.as('cinmgr');
    assert.equal((await cin.get(`/children/${personId}`)).status, 200);
    const tray = await cin.get('/team');
    assert.ok(tableRows(tray.body, 'unallocated-table').some((r) => r[0]!.startsWith('Fran Friday')), 'waiting for the new team to allocate');
    const allocate = await cin.get(`/children/${personId}/allocate`);
    assert.deepEqual(tableRows(allocate.body, 'transfers'), [['14 December 2026', 'Assessment', 'Child in Need', 'Assessment complete: child in need: Plan agreed', 'Tariq Manager']]);
  });

  test('the chronology dates the MASH decision Friday and shows it was recorded on Monday', async () => {
    const page = await (await t.as('cinmgr')).get(`/children/${personId}`);
    assert.match(page.body, /MASH decision: Referral to children’s social care<\/h3>\s*<p class="moj-timeline__byline">by Mo Mash \(recorded 14 December 2026 at 9:30am\)<\/p>/);
    assert.match(page.body, /<time datetime="2026-12-11T15:00:00.000Z">11 December 2026 at 3pm<\/time>/);
  });
});
