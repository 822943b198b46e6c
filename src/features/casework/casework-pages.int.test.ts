/**
 * The casework pages beyond the main journey: the front door leading into them, transfer-in and
 * step-up conferences, who may record, closure after an assessment, ids that do not exist, error
 * summary links, and two writes about one child at once.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { errorSummary, hiddenValue } from '../../../test/support/browserless.js';
import { caseActions, count, dateInput, obligationsOf, referredChild, submitForm } from '../../../test/support/casework.js';
import { hasElementWithId, principalOf, respondViaPage, seedContact, seedDecision } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

describe('casework pages', () => {
  let t: TestApp;
  before(async () => {
    // Thursday 2 April 2026, the day before Good Friday.
    t = await createTestApp({ now: new Date('2026-04-02T09:00:00Z') });
    // These pages close the episode directly; closure with a manager's agreement is closure.int.test.ts's.
    await t.services.settings.setClosureNeedsAgreement(t.ids.admin!, false, 0);
  });
  after(async () => t.close());
  beforeEach(() => t.clock.set(new Date('2026-04-02T09:00:00Z')));

  test('a MASH decision to hold a strategy discussion: due the next working day (after Easter), offered on the child’s page, met when recorded', async () => {
    const { personId } = await referredChild(t, { mashDecision: 'strategy_discussion' });
    const [due] = await obligationsOf(t, personId, ['strategy-discussion']);
    assert.deepEqual([due!.due_on, due!.met_on], ['2026-04-07', null], '1 working day from 2 April: Good Friday and Easter Monday are not working days');
    const actions = await caseActions(t, 'worker', personId);
    assert.ok(actions.some((a) => a.allowed && a.href === `/children/${personId}/strategy-discussions/new` && a.text === 'Record a strategy discussion'));
    const w = await t.as('worker');
    const res = await submitForm(w, `/children/${personId}/strategy-discussions/new`, { ...dateInput('date', '2026-04-02'), agencies: ['social_care', 'police'], decision: 'no_s47', rationale: 'Police will take no action; family cooperating' });
    assert.equal(res.status, 303);
    const [after] = await obligationsOf(t, personId, ['strategy-discussion']);
    assert.equal(after!.met_on, '2026-04-02');

    // No section 47 was decided: none can start, and an initial conference can only be a transfer-in.
    const s47 = await w.get(`/children/${personId}/s47/new`);
    assert.equal(s47.status, 409);
    assert.match(s47.body, /A section 47 enquiry starts at a strategy discussion that decided on one/);
    const icpc = await w.get(`/children/${personId}/conferences/initial/new`);
    assert.equal((icpc.body.match(/name="link" type="radio"/g) ?? []).length, 1, 'only the transfer-in');
  });

  test('the child’s page works out its actions from the record it loaded (one transaction): the same as the casework’s, and none for who may only view', async () => {
    const { personId } = await referredChild(t, { mashDecision: 'strategy_discussion' });
    for (const username of ['worker', 'teammgr', 'analyst']) {
      const principal = await principalOf(t, username);
      const rec = await t.services.children.record(principal, personId);
      assert.deepEqual(t.services.casework.actionsOf(principal, rec), await caseActions(t, username, personId), username);
    }
    assert.equal((await t.services.children.record(await principalOf(t, 'analyst'), personId)).canRecord, false, 'an analyst may view, not record');
    assert.ok((await caseActions(t, 'worker', personId)).length > 0, 'the worker may record');
  });

  test('the referral’s response "strategy discussion" (from the referral page) leads to the strategy discussion page', async () => {
    const { contactId, personId } = await seedContact(t);
    const referral = await seedDecision(t, contactId, 'referral', 'N1');
    assert.equal((await respondViaPage(await t.as('mash'), referral, 'strategy_discussion')).status, 303);
    // Issue 9: the receiving team (assessment) holds the case from the referral, so its manager records the strategy discussion.
    const actions = await caseActions(t, 'teammgr', personId);
    assert.ok(actions.find((a) => a.href.endsWith('/strategy-discussions/new'))?.allowed);
  });

  test('a transfer-in conference needs no section 47: the plan starts that day and no initial-conference timescale is owed', async () => {
    const { personId } = await referredChild(t);
    const w = await t.as('worker');
    const path = `/children/${personId}/conferences/initial/new`;
    const page = await w.get(path);
    assert.equal(page.status, 200);
    assert.match(page.body, /Transfer-in conference/);
    const twice = { formToken: hiddenValue(page.body, 'formToken', path)!, link: 'transfer-in', ...dateInput('date', '2026-04-02'), planRequired: 'yes', initialCategory: 'PHY' };
    assert.equal((await w.post(path, twice, { page: page.body })).status, 303);
    assert.equal((await w.post(path, twice, { page: page.body })).status, 303);
    assert.equal(await count(t, 'initial_cp_conferences', personId), 1, 'double submission: one conference');
    assert.equal(await count(t, 'cp_plans', personId), 1, 'and one plan');
    const [icpc] = await t.db.query<{ transfer_in: boolean; s47_enquiry_id: string | null; target_date: string | null }>('select transfer_in, s47_enquiry_id, target_date from initial_cp_conferences where person_id = $1', [personId]);
    assert.deepEqual(icpc, { transfer_in: true, s47_enquiry_id: null, target_date: null });
    assert.deepEqual(await obligationsOf(t, personId, ['initial-conference']), []);
    const [first] = await obligationsOf(t, personId, ['first-core-group']);
    assert.equal(first!.due_on, '2026-04-20', '10 working days from Thursday 2 April, skipping Good Friday and Easter Monday');
  });

  test('step up: a plan decided at the conference ends the open child in need plan that day', async () => {
    const { personId } = await referredChild(t);
    const w = await t.as('worker');
    const child = (p: string) => `/children/${personId}${p}`;
    assert.equal((await submitForm(w, child('/cin-plan/new'), { ...dateInput('startDate', '2026-04-02') })).status, 303);
    assert.equal((await submitForm(w, child('/strategy-discussions/new'), { ...dateInput('date', '2026-04-02'), agencies: ['social_care', 'police', 'health'], decision: 's47', rationale: 'New disclosure' })).status, 303);
    const start = await w.get(child('/s47/new'));
    assert.equal((await submitForm(w, child('/s47/new'), { strategyDiscussionId: /value="([0-9a-f-]{36})" checked/.exec(start.body)![1]! })).status, 303);

    t.clock.set(new Date('2026-04-16T09:00:00Z'));
    const w2 = await t.as('worker');
    const [s47] = await t.db.query<{ id: string }>('select id from s47_enquiries where person_id = $1', [personId]);
    assert.equal((await submitForm(w2, child(`/s47/${s47!.id}/outcome`), { ...dateInput('endDate', '2026-04-09'), outcome: 'substantiated_conference' })).status, 303);
    const page = await w2.get(child('/conferences/initial/new'));
    assert.match(page.body, /The child in need plan that started on 2 April 2026 will end on the date of the conference/);
    const ok = await submitForm(w2, child('/conferences/initial/new'), { link: s47!.id, ...dateInput('date', '2026-04-16'), planRequired: 'yes', initialCategory: 'SAB' });
    assert.equal(ok.status, 303);
    const [cin] = await t.db.query<{ end_date: string }>('select end_date from cin_plans where person_id = $1', [personId]);
    assert.equal(cin!.end_date, '2026-04-16', 'the two plans do not overlap (CIN census 4001)');
    const [cp] = await t.db.query<{ start_date: string }>('select start_date from cp_plans where person_id = $1', [personId]);
    assert.equal(cp!.start_date, '2026-04-16');
    const [conference] = await obligationsOf(t, personId, ['initial-conference']);
    assert.deepEqual([conference!.due_on, conference!.met_on], ['2026-04-27', '2026-04-16'], '15 working days from Thursday 2 April, across Easter');
  });

  test('the plan cannot start before an open child in need plan started', async () => {
    t.clock.set(new Date('2026-04-16T09:00:00Z'));
    const { personId } = await referredChild(t);
    t.clock.set(new Date('2026-04-20T09:00:00Z'));
    const w = await t.as('worker');
    assert.equal((await submitForm(w, `/children/${personId}/cin-plan/new`, { ...dateInput('startDate', '2026-04-20') })).status, 303);
    const early = await submitForm(w, `/children/${personId}/conferences/initial/new`, { link: 'transfer-in', ...dateInput('date', '2026-04-17'), planRequired: 'yes', initialCategory: 'NEG' });
    assert.equal(early.status, 400);
    assert.deepEqual(errorSummary(early.body), ['date-day: The child in need plan started on 20 April 2026: a child protection plan cannot start before it (the two cannot overlap)']);
    assert.equal(await count(t, 'cp_plans', personId), 0);
    const res = await submitForm(w, `/children/${personId}/conferences/initial/new`, { link: 'transfer-in', ...dateInput('date', '2026-04-20'), planRequired: 'yes', initialCategory: 'NEG' });
    assert.equal(res.status, 303, 'the same day is allowed: the CIN plan ends as the CP plan starts');
  });

  test('who may record: the allocated worker, their team and manager; another team gets 404 and nothing is written; a read-only role sees the casework but no forms', async () => {
    const { personId } = await referredChild(t);
    const child = (p: string) => `/children/${personId}${p}`;
    const other = await t.as('otherworker');
    assert.equal((await other.get(child('/visits/new'))).status, 404);
    assert.equal((await other.get(child('/casework'))).status, 404);
    const page = await (await t.as('worker')).get(child('/visits/new'));
    const res = await other.post(child('/visits/new'), { formToken: hiddenValue(page.body, 'formToken')!, ...dateInput('date', '2026-04-02'), seen: 'yes', seenAlone: 'yes', bedroomSeen: 'yes', writtenUp: 'no' }, { page: (await other.get('/')).body });
    assert.equal(res.status, 404);
    assert.equal(await count(t, 'visits', personId), 0);
    const [denied] = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where person_id = $1 and action = 'denied' and user_id = $2", [personId, t.ids.otherworker]);
    assert.ok(denied!.n >= 1, 'the refusal is audited');

    const analyst = await t.as('analyst');
    const view = await analyst.get(child('/casework'));
    assert.equal(view.status, 200);
    assert.match(view.body, /You can see this record but not record on it/);
    assert.doesNotMatch(view.body, /href="[^"]*\/visits\/new"/);
    assert.equal((await analyst.get(child('/visits/new'))).status, 404);

    const manager = await t.as('teammgr');
    assert.equal((await submitForm(manager, child('/visits/new'), { ...dateInput('date', '2026-04-02'), seen: 'no', bedroomSeen: 'no', writtenUp: 'no' })).status, 303, 'the worker’s team manager may record');
    assert.equal(await count(t, 'visits', personId), 1);
  });

  test('an assessment that finds no further action: closure suggests RC8 and the episode closes; its timescales stop', async () => {
    const { personId, episodeId } = await referredChild(t);
    const w = await t.as('worker');
    const child = (p: string) => `/children/${personId}${p}`;
    assert.equal((await submitForm(w, child('/assessments/new'), { ...dateInput('startDate', '2026-04-02'), childSeen: 'not_yet' })).status, 303);
    const [a] = await t.db.query<{ id: string; child_seen: boolean | null }>('select id, child_seen from assessments where person_id = $1', [personId]);
    assert.equal(a!.child_seen, null, '“not yet” is not “no”');
    assert.equal((await submitForm(await t.as('teammgr'), child(`/assessments/${a!.id}/authorise`), { ...dateInput('authorisedDate', '2026-04-02'), childSeen: 'yes', factors: '21', outcome: 'nfa' })).status, 303, 'authorised by the team manager');
    const page = await w.get(child('/close'));
    assert.match(page.body, /value="RC8"[^>]*aria-describedby="reason-8-item-hint"/);
    assert.match(page.body, /Suggested by the assessment’s outcome/);
    assert.equal((await submitForm(w, child('/close'), { ...dateInput('date', '2026-04-02'), reason: 'RC8' })).status, 303);
    const [episode] = await t.db.query<{ closure_reason: string }>('select closure_reason from cin_episodes where id = $1', [episodeId]);
    assert.equal(episode!.closure_reason, 'RC8');
    const stale = await submitForm(w, child('/close'), { ...dateInput('date', '2026-04-02'), reason: 'RC7' }, { page: page.body.replace(/name="formToken" value="[^"]+"/, `name="formToken" value="${crypto.randomUUID()}"`) });
    assert.equal(stale.status, 409, 'an episode closes once');
  });

  test('ids that are not this child’s records, or not ids at all, are pages that do not exist', async () => {
    const { personId } = await referredChild(t);
    const w = await t.as('worker');
    assert.equal((await w.get('/children/not-an-id/visits/new')).status, 404);
    assert.equal((await w.get(`/children/${crypto.randomUUID()}/visits/new`)).status, 404);
    assert.equal((await w.get(`/children/${personId}/assessments/not-an-id/authorise`)).status, 404);
    assert.equal((await submitForm(w, `/children/${personId}/assessments/new`, { ...dateInput('startDate', '2026-04-02') })).status, 303);
    assert.equal((await w.get(`/children/${personId}/assessments/${crypto.randomUUID()}/authorise`)).status, 404);
    assert.equal((await w.get(`/children/${personId}/visits/${crypto.randomUUID()}/write-up`)).status, 404);
  });

  test('every error summary link lands on its field', async () => {
    const { personId } = await referredChild(t);
    const w = await t.as('worker');
    const child = (p: string) => `/children/${personId}${p}`;
    const forms: [string, Record<string, string | string[]>][] = [
      ['/assessments/new', { childSeen: 'maybe' }],
      ['/strategy-discussions/new', {}],
      ['/conferences/initial/new', { planRequired: 'yes' }],
      ['/visits/new', { seen: 'yes' }],
      ['/cin-plan/new', {}],
      ['/close', {}],
    ];
    for (const [p, fields] of forms) {
      const res = await submitForm(w, child(p), { formToken: crypto.randomUUID(), ...fields });
      assert.equal(res.status, 400, p);
      const links = errorSummary(res.body).map((e) => e.split(':')[0]!);
      assert.ok(links.length > 0, p);
      for (const id of links) assert.ok(hasElementWithId(res.body, id), `${p}: #${id}`);
    }
  });

  test('two workers starting an assessment at the same moment: one assessment, the other is told why not', async () => {
    const { personId } = await referredChild(t);
    const [a, b] = [await t.as('worker'), await t.as('teammgr')];
    const path = `/children/${personId}/assessments/new`;
    const [pa, pb] = [await a.get(path), await b.get(path)];
    const results = await Promise.all([
      a.post(path, { formToken: hiddenValue(pa.body, 'formToken')!, ...dateInput('startDate', '2026-04-02') }, { page: pa.body }),
      b.post(path, { formToken: hiddenValue(pb.body, 'formToken')!, ...dateInput('startDate', '2026-04-02') }, { page: pb.body }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), [303, 409]);
    assert.equal(await count(t, 'assessments', personId), 1);
  });
});
