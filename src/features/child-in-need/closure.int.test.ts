/**
 * Closure with a manager's agreement (issue 9): the worker proposes, a manager agrees (the episode
 * closes on the proposed date, the allocation ends that day, obligations recompute) or declines
 * with a reason (history kept); stale and double submissions are refused; afterwards the worker who
 * proposed it and the last responsible team keep read-only sight for the recent-days window.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { errorSummary } from '../../../test/support/browserless.js';
import { dateInput, obligationsOf, referredChild, submitForm } from '../../../test/support/casework.js';
import { principalOf } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

describe('closing a child in need episode with a manager’s agreement', () => {
  let t: TestApp;
  before(async () => {
    // Monday 23 November 2026.
    t = await createTestApp();
  });
  after(async () => t.close());

  /** A referred child whose assessment found no further action: ready to close with RC8. */
  async function readyToClose(givenName: string) {
    const { personId, episodeId } = await referredChild(t, { givenName });
    const child = (p: string) => `/children/${personId}${p}`;
    const w = await t.as('worker');
    assert.equal((await submitForm(w, child('/assessments/new'), { ...dateInput('startDate', '2026-11-23'), childSeen: 'yes' })).status, 303);
    const [a] = await t.db.query<{ id: string }>('select id from assessments where person_id = $1', [personId]);
    assert.equal((await submitForm(await t.as('teammgr'), child(`/assessments/${a!.id}/authorise`), { ...dateInput('authorisedDate', '2026-11-23'), childSeen: 'yes', factors: '21', outcome: 'nfa' })).status, 303);
    return { personId, episodeId, child, w };
  }

  test('the setting is on by default, and shown to the administrator', async () => {
    assert.equal(await t.services.settings.closureNeedsAgreement(), true);
    const page = await (await t.as('admin')).get('/admin/settings');
    assert.match(page.body, /Closing a child in need episode/);
  });

  test('propose, decline with a reason, propose again, agree: the episode closes on the proposed date and the allocation ends', async () => {
    const { personId, episodeId, child, w } = await readyToClose('Propose');
    const page = await w.get(child('/close'));
    assert.match(page.body, /Propose the closure/);
    const noSummary = await submitForm(w, child('/close'), { ...dateInput('date', '2026-11-23'), reason: 'RC8' });
    assert.equal(noSummary.status, 400);
    assert.deepEqual(errorSummary(noSummary.body), ['summary: Enter a summary of why the case can close, for your manager']);
    assert.equal((await submitForm(w, child('/close'), { ...dateInput('date', '2026-11-23'), reason: 'RC8', summary: 'Needs met by universal services' })).status, 303);
    const [open] = await t.db.query<{ closure_date: string | null }>('select closure_date from cin_episodes where id = $1', [episodeId]);
    assert.equal(open!.closure_date, null, 'a proposal does not close the episode');
    const casework = await w.get(child('/casework'));
    assert.match(casework.body, /Closure on 23 November 2026 awaits a manager’s agreement/);
    const again = await w.get(child('/close'));
    assert.equal(again.status, 409, 'one proposal at a time');
    assert.match(again.body, /awaits a manager’s agreement/);
    const byWorker = await w.get(child('/close/decision'));
    assert.equal(byWorker.status, 409, 'the worker cannot agree their own proposal');
    assert.match(byWorker.body, /A team or service manager in the child’s management line agrees the closure/);

    const m = await t.as('teammgr');
    assert.match((await m.get(child('/casework'))).body, /Agree or decline the proposed closure/);
    assert.match((await m.get('/team')).body, /Closures awaiting your agreement[\s\S]*Propose /);
    const noReason = await submitForm(m, child('/close/decision'), { decision: 'decline' });
    assert.deepEqual(errorSummary(noReason.body), ['reason: Enter why you do not agree the closure, for the worker']);
    assert.equal((await submitForm(m, child('/close/decision'), { decision: 'decline', reason: 'Speak to the school first' })).status, 303);
    const [declined] = await t.db.query<{ decision: string; decline_reason: string }>('select decision, decline_reason from cin_closure_proposals where person_id = $1', [personId]);
    assert.deepEqual(declined, { decision: 'declined', decline_reason: 'Speak to the school first' });
    const reopened = await w.get(child('/close'));
    assert.equal(reopened.status, 200, 'the worker may propose again');
    assert.match(reopened.body, /Closure declined[\s\S]*Speak to the school first/);
    assert.equal((await submitForm(w, child('/close'), { ...dateInput('date', '2026-11-23'), reason: 'RC8', summary: 'School agrees' }, { page: reopened.body })).status, 303);

    // Two managers open the decision; the first agrees; the second's (now stale) decision is refused.
    const sm = await t.as('servicemgr');
    const first = await m.get(child('/close/decision'));
    const second = await sm.get(child('/close/decision'));
    assert.equal(second.status, 200, 'the service manager is in the management line');
    const agreed = await submitForm(m, child('/close/decision'), { decision: 'agree' }, { page: first.body });
    assert.equal(agreed.status, 303);
    const twice = await submitForm(m, child('/close/decision'), { decision: 'agree' }, { page: first.body });
    assert.equal(twice.status, 303, 'the same form sent twice goes where the first went');
    const stale = await submitForm(sm, child('/close/decision'), { decision: 'decline', reason: 'Too late' }, { page: second.body });
    assert.equal(stale.status, 409, 'the other manager’s decision is refused');
    const [closed] = await t.db.query<{ closure_date: string; closure_reason: string }>('select closure_date, closure_reason from cin_episodes where id = $1', [episodeId]);
    assert.deepEqual(closed, { closure_date: '2026-11-23', closure_reason: 'RC8' });
    // The worker's allocation (the referral's team allocation ended when the worker was allocated).
    const allocations = await t.db.query<{ end_date: string | null }>('select end_date from allocations where person_id = $1 and worker_id is not null', [personId]);
    assert.deepEqual(allocations, [{ end_date: '2026-11-23' }], 'closure ends the open allocation on the closure date');
    assert.equal((await t.db.query('select 1 from allocations where person_id = $1 and end_date is null', [personId])).length, 0, 'nothing is left open');
    const proposals = await t.db.query<{ decision: string }>('select decision from cin_closure_proposals where person_id = $1 order by proposed_at', [personId]);
    assert.deepEqual(proposals.map((p) => p.decision), ['declined', 'agreed'], 'history kept');
    const owing = (await obligationsOf(t, personId)).filter((o) => !o.met_on && !o.lapsed_on);
    assert.deepEqual(owing, [], 'nothing left owing once the episode and the allocation have ended');
    const audit = await t.db.query<{ subject_type: string; action: string }>("select subject_type, action from audit_events where person_id = $1 and subject_type in ('cin_closure_proposal', 'cin_episode', 'allocation') and action = 'update' order by id", [personId]);
    assert.deepEqual(audit.map((a) => `${a.action} ${a.subject_type}`), ['update cin_episode', 'update cin_closure_proposal', 'update cin_closure_proposal', 'update cin_episode', 'update allocation'], 'the referral’s response, the decline, the agreement, the closure and the allocation it ended');

    // After closure: the worker keeps read-only sight; the record is no longer theirs to write.
    const view = await w.get(`/children/${personId}`);
    assert.equal(view.status, 200, 'not a 404 for the worker who proposed the closure');
    assert.equal((await w.get(child('/visits/new'))).status, 409, 'read only: the journey says the episode is closed');
    assert.equal((await (await t.as('otherworker')).get(`/children/${personId}`)).status, 404);
    const found = await t.services.search.find(await principalOf(t, 'worker'), { name: 'Propose', dateOfBirth: null, identifier: null });
    assert.deepEqual(found.children.map((c) => c.id), [personId], 'search agrees');
    t.clock.set(new Date('2026-12-24T10:00:00Z'));
    assert.equal((await (await t.as('worker')).get(`/children/${personId}`)).status, 404, 'after the 30-day window, none');
    t.clock.set(new Date('2026-11-23T10:00:00Z'));
  });

  test('a step down: agreed, the closure opens an early help episode from the closure date', async () => {
    const { personId, episodeId, child, w } = await readyToClose('Stepdown');
    assert.equal((await submitForm(w, child('/close'), { ...dateInput('date', '2026-11-23'), reason: 'RC9', summary: 'Family hub to continue', stepDown: 'yes' })).status, 303);
    assert.equal((await submitForm(await t.as('teammgr'), child('/close/decision'), { decision: 'agree' })).status, 303);
    const eh = await t.db.query<{ start_date: string; stepped_down_from_episode_id: string; team_id: string | null }>('select start_date, stepped_down_from_episode_id, team_id from early_help_episodes where person_id = $1', [personId]);
    assert.deepEqual(eh, [{ start_date: '2026-11-23', stepped_down_from_episode_id: episodeId, team_id: null }]);
  });

  test('with the setting off, the worker closes at once', async () => {
    const [row] = await t.db.query<{ version: number }>("select version from settings where key = 'casework.closure-needs-manager-agreement'");
    await t.services.settings.setClosureNeedsAgreement(t.ids.admin!, false, row?.version ?? 0);
    const { episodeId, child, w } = await readyToClose('Direct');
    assert.equal((await submitForm(w, child('/close'), { ...dateInput('date', '2026-11-23'), reason: 'RC8' })).status, 303);
    const [closed] = await t.db.query<{ closure_reason: string }>('select closure_reason from cin_episodes where id = $1', [episodeId]);
    assert.equal(closed!.closure_reason, 'RC8');
    await t.services.settings.setClosureNeedsAgreement(t.ids.admin!, true, (row?.version ?? 0) + 1);
  });
});
