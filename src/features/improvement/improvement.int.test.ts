/**
 * The improvement plan (/improvement): a recommendation, an action on it, updates kept as progress
 * over time, the recommendation's RAG as the committee reads it, and the house rules: bad input
 * re-renders with 400, a double submit makes one record, a stale update is refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { errorSummary, hiddenValue } from '../../../test/support/browserless.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

describe('the improvement plan', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-12-08T10:00:00Z') });
  });
  after(async () => t.close());

  const count = async (table: string) => (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

  test('a recommendation, an action, an update to done with its evidence; each kept and audited', async () => {
    const client = await t.as('servicemgr');
    await client.get('/improvement/recommendations/new');
    const token = hiddenValue((await client.get('/improvement/recommendations/new')).body, 'formToken')!;
    const bad = await client.post('/improvement/recommendations', { formToken: token, source: 'Ofsted focused visit', 'madeOn-day': '31', 'madeOn-month': '2', 'madeOn-year': '2021', text: '' });
    assert.equal(bad.status, 400);
    assert.deepEqual(errorSummary(bad.body), ['madeOn-day: Date it was made must be a real date', 'text: Enter the recommendation']);
    const fields = { formToken: token, source: 'Ofsted focused visit', 'madeOn-day': '30', 'madeOn-month': '7', 'madeOn-year': '2021', text: 'The timeliness of initial health assessments.' };
    const first = await client.post('/improvement/recommendations', fields);
    const again = await client.post('/improvement/recommendations', fields);
    assert.equal(first.status, 303);
    assert.equal(again.location, first.location, 'the same form twice goes where the first went');
    assert.equal(await count('improvement_recommendations'), 1);

    let plan = await client.get('/improvement');
    assert.match(plan.body, /The timeliness of initial health assessments\./);
    assert.match(plan.body, /govuk-tag--red">\s*Red/, 'no actions yet: red');
    const recId = /recommendation-([0-9a-f-]{36})/.exec(plan.body)![1]!;

    const form = await client.get(`/improvement/recommendations/${recId}/actions/new`);
    const actionFields = { formToken: hiddenValue(form.body, 'formToken')!, action: 'Weekly tracker of IHA requests with the health provider', ownerName: 'Head of Service, Children in Care', 'dueOn-day': '31', 'dueOn-month': '3', 'dueOn-year': '2027', indicatorId: '' };
    assert.equal((await client.post(`/improvement/recommendations/${recId}/actions`, actionFields)).status, 303);
    plan = await client.get('/improvement');
    assert.match(plan.body, /govuk-tag--orange">\s*Amber/, 'one open amber action');
    const actionId = /\/improvement\/actions\/([0-9a-f-]{36})/.exec(plan.body)![1]!;

    const page = await client.get(`/improvement/actions/${actionId}`);
    const version = hiddenValue(page.body, 'version')!;
    const noEvidence = await client.post(`/improvement/actions/${actionId}`, { version, status: 'done', rag: 'green', progress: '' });
    assert.equal(noEvidence.status, 400);
    assert.deepEqual(errorSummary(noEvidence.body), ['progress: Say what has been done, as the evidence that the action is complete']);
    const done = await client.post(`/improvement/actions/${actionId}`, { version, status: 'done', rag: 'green', progress: '94% of IHAs requested within 5 working days since September.' });
    assert.equal(done.status, 303);
    const stale = await client.post(`/improvement/actions/${actionId}`, { version, status: 'in_progress', rag: 'red', progress: 'x' });
    assert.equal(stale.status, 409, 'an update made from a page opened before the last one is refused');
    plan = await client.get('/improvement');
    assert.match(plan.body, /94% of IHAs requested within 5 working days since September\./);
    assert.match(plan.body, /govuk-tag--green">\s*Green/, 'every action done: green');
    const history = await t.db.query<{ status: string }>(`select status from improvement_action_updates where action_id = $1 order by updated_at`, [actionId]);
    assert.deepEqual(history.map((h) => h.status), ['not_started', 'done']);
    const audited = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_events where subject_type in ('improvement_recommendation', 'improvement_action')`);
    assert.equal(audited[0]!.n, 3);
  });

  test('an action past its due date and not done makes its recommendation red, whatever its rating', async () => {
    const [rec] = await t.db.query<{ id: string }>(`insert into improvement_recommendations (source, made_on, text) values ('Ofsted focused visit', '2021-07-30', 'Missing episodes recorded centrally.') returning id`);
    await t.db.query(`insert into improvement_actions (recommendation_id, action, owner_name, due_on, status, rag) values ($1, 'One missing log', 'Service manager', '2026-11-30', 'in_progress', 'green')`, [rec!.id]);
    const plan = await (await t.as('analyst')).get('/improvement');
    assert.match(plan.body, /30 November 2026 \(overdue\)/);
    const section = plan.body.slice(plan.body.indexOf('Missing episodes recorded centrally.'));
    assert.match(section.slice(0, 400), /govuk-tag--red">\s*Red/);
  });

  test('a social worker gets 404', async () => {
    assert.equal((await (await t.as('worker')).get('/improvement')).status, 404);
  });
});
