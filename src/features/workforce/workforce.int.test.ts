/**
 * Allocation (/children/:id/allocate) and case supervision (/supervision/new): a manager allocates
 * or reallocates a child (history kept, audited, obligations recomputed), and records a supervision
 * in which each child discussed gets a decision and its rationale, on the child's chronology, meeting
 * the child's case-supervision duty.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recompute, seedAllocation, seedChild, seedEpisode } from '../../../test/support/casework-seed.js';
import { errorSummary, hiddenValue } from '../../../test/support/browserless.js';
import { checkedValues, inlineError, tableRows, textareaValue, childCellName } from '../../../test/support/front-door.js';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../../../test/support/test-app.js';

async function openSupervision(t: TestApp, personId: string) {
  return t.db.query<{ rule: string; due_on: string; met_on: string | null; lapsed_on: string | null; subject_id: string }>(
    `select rule, due_on::text, met_on::text, lapsed_on::text, subject_id from obligations where person_id = $1 and rule = 'case-supervision' order by due_on`,
    [personId],
  );
}

describe('allocation', () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    t.ids.sam = await t.services.users.addUser({ username: 'sam', displayName: 'Sam Second', password: TEST_PASSWORD, roles: ['social_worker'], teamName: 'Assessment' });
    id.eve = await seedChild(t, 'Eve', 'Early');
    id.eveEpisode = await seedEpisode(t, id.eve, { referralDate: '2026-11-16', teamId: t.ids['team:Assessment']! });
    await recompute(t, id.eve);
  });
  after(async () => t.close());

  test('a team manager allocates an unallocated child: the child leaves the unallocated list, the worker gains the supervision duty', async () => {
    const client = await t.as('teammgr');
    const form = await client.get(`/children/${id.eve}/allocate`);
    assert.equal(form.status, 200);
    assert.match(form.body, /Allocate a social worker<\/h1>/);
    assert.match(form.body, /No social worker is allocated/);
    assert.match(form.body, /Sam Second[\s\S]*Assessment: 0 children now, 15 under the guide of 15/);
    assert.match(form.body, /<option value="FCONTA" selected>First contact or re-referral<\/option>/);
    const done = await client.post(`/children/${id.eve}/allocate`, { workerId: t.ids.worker!, reasonCode: 'FCONTA', reason: 'New referral', currentAllocationId: '', formToken: hiddenValue(form.body, 'formToken')! });
    assert.equal(done.status, 303);
    assert.match(done.location!, new RegExp(`^/children/${id.eve}/allocate\\?allocated=`));
    const after = await client.get(done.location!);
    assert.match(after.body, /Eve Early is allocated to Wendy Worker \(Assessment\) from today\./);
    assert.deepEqual(tableRows(after.body, 'history'), [['Wendy Worker', 'Assessment', '23 November 2026', 'Now', 'First contact or re-referral: New referral']]);
    const team = await client.get('/team');
    assert.doesNotMatch(tableRows(team.body, 'unallocated-table').flat().join(' '), /Eve Early/);
    assert.deepEqual((await openSupervision(t, id.eve!)).map((o) => [o.due_on, o.met_on]), [['2026-12-23', null]]);
    const mine = await (await t.as('worker')).get('/');
    assert.match(mine.body, /Eve Early/);
    const [audit] = await t.db.query<{ action: string; detail: { workerId: string; reasonCode: string } }>(`select action, detail from audit_events where person_id = $1 and subject_type = 'allocation'`, [id.eve]);
    assert.equal(audit!.action, 'allocate');
    assert.equal(audit!.detail.workerId, t.ids.worker);
    assert.equal(audit!.detail.reasonCode, 'FCONTA');
  });

  test('a reallocation ends the current allocation today and starts a new one: history kept, audited, obligations recomputed', async () => {
    const client = await t.as('teammgr');
    const form = await client.get(`/children/${id.eve}/allocate`);
    assert.match(form.body, /Reallocate a social worker<\/h1>/);
    assert.match(form.body, /Wendy Worker, Assessment, since 23 November 2026/);
    assert.doesNotMatch(form.body, /value="[^"]+"[^>]*>\s*Wendy Worker/, 'the current worker is not offered');
    const current = hiddenValue(form.body, 'currentAllocationId')!;
    // Not yet valid: no worker, no reason.
    const invalid = await client.post(`/children/${id.eve}/allocate`, { workerId: '', reasonCode: '', reason: '', currentAllocationId: current, formToken: hiddenValue(form.body, 'formToken')! });
    assert.equal(invalid.status, 400);
    assert.deepEqual(errorSummary(invalid.body), ['workerId: Select the social worker to allocate the child to', 'reasonCode: Select the reason for the allocation']);
    // A worker outside the manager's teams is refused.
    const outside = await client.post(`/children/${id.eve}/allocate`, { workerId: t.ids.otherworker!, reasonCode: 'MANAGE', reason: '', currentAllocationId: current, formToken: hiddenValue(form.body, 'formToken')! });
    assert.equal(outside.status, 400);
    assert.deepEqual(errorSummary(outside.body), ['workerId: Select a social worker in one of your teams']);
    const done = await client.post(`/children/${id.eve}/allocate`, { workerId: t.ids.sam!, reasonCode: 'MANAGE', reason: 'Balancing caseloads', currentAllocationId: current, formToken: hiddenValue(form.body, 'formToken')! });
    assert.equal(done.status, 303);
    const page = await client.get(done.location!);
    assert.deepEqual(tableRows(page.body, 'history'), [
      ['Sam Second', 'Assessment', '23 November 2026', 'Now', 'Caseload management: Balancing caseloads'],
      ['Wendy Worker', 'Assessment', '23 November 2026', '23 November 2026', 'First contact or re-referral: New referral'],
    ]);
    const rows = await t.db.query<{ worker_id: string; end_date: string | null; change_reason_code: string }>(`select worker_id, end_date::text, change_reason_code from allocations where person_id = $1 order by end_date nulls last`, [id.eve]);
    assert.deepEqual(rows.map((r) => [r.worker_id, r.end_date, r.change_reason_code]), [
      [t.ids.worker, '2026-11-23', 'FCONTA'],
      [t.ids.sam, null, 'MANAGE'],
    ]);
    // The duty is per allocation: the ended one (started and ended today) never fell due; the new one is open.
    const items = await openSupervision(t, id.eve!);
    const newId = (await t.db.query<{ id: string }>(`select id from allocations where person_id = $1 and end_date is null`, [id.eve]))[0]!.id;
    assert.deepEqual(items.map((o) => [o.subject_id, o.due_on, o.met_on, o.lapsed_on]), [[newId, '2026-12-23', null, null]]);
    assert.doesNotMatch((await (await t.as('worker')).get('/')).body, /Eve Early/, 'off the old worker’s tray');
    assert.match((await (await t.as('sam')).get('/')).body, /Eve Early/, 'on the new worker’s tray');
    const audit = await t.db.query<{ action: string }>(`select action from audit_events where person_id = $1 and subject_type = 'allocation' order by id`, [id.eve]);
    assert.deepEqual(audit.map((a) => a.action), ['allocate', 'reallocate']);
    // The chronology shows both allocations.
    const child = await client.get(`/children/${id.eve}`);
    assert.match(child.body, /Allocated to Sam Second/);
    assert.match(child.body, /Allocated to Wendy Worker/);
  });

  test('a stale form (someone else reallocated meanwhile) is refused with 409, nothing saved; a resubmitted form does nothing twice', async () => {
    const client = await t.as('teammgr');
    const form = await client.get(`/children/${id.eve}/allocate`);
    const token = hiddenValue(form.body, 'formToken')!;
    const stale = await client.post(`/children/${id.eve}/allocate`, { workerId: t.ids.worker!, reasonCode: 'MANAGE', reason: '', currentAllocationId: '', formToken: token });
    assert.equal(stale.status, 409);
    assert.match(stale.body, /Someone else changed this child’s allocation/);
    const fields = { workerId: t.ids.worker!, reasonCode: 'ABSENC', reason: '', currentAllocationId: hiddenValue(form.body, 'currentAllocationId')!, formToken: newToken() };
    const first = await client.post(`/children/${id.eve}/allocate`, fields);
    const second = await client.post(`/children/${id.eve}/allocate`, fields);
    assert.equal(first.status, 303);
    assert.equal(second.status, 303);
    assert.equal(second.location, first.location);
    const [n] = await t.db.query<{ n: number }>(`select count(*)::int as n from allocations where person_id = $1`, [id.eve]);
    assert.equal(n!.n, 3);
  });

  test('access: a social worker, an analyst or a manager of another line cannot allocate (404)', async () => {
    for (const user of ['worker', 'analyst', 'iro', 'admin']) {
      const client = await t.as(user);
      assert.equal((await client.get(`/children/${id.eve}/allocate`)).status, 404, user);
    }
    const other = await t.services.users.addTeam({ name: 'Far Team', kind: 'team' });
    void other;
    await t.services.users.addUser({ username: 'farmgr', displayName: 'Far Manager', password: TEST_PASSWORD, roles: ['team_manager'], teamName: 'Far Team' });
    assert.equal((await (await t.as('farmgr')).get(`/children/${id.eve}/allocate`)).status, 404);
  });
});

describe('case supervision', () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    const assessment = t.ids['team:Assessment']!;
    for (const [key, given] of [['ava', 'Ava'], ['ben', 'Ben']] as const) {
      id[key] = await seedChild(t, given, 'Supervised');
      await seedEpisode(t, id[key], { referralDate: '2026-09-01', teamId: assessment });
      await seedAllocation(t, id[key], { workerId: t.ids.worker!, teamId: assessment, start: '2026-09-01' });
      await recompute(t, id[key]);
    }
    id.olly = await seedChild(t, 'Olly', 'Other');
    await seedEpisode(t, id.olly, { referralDate: '2026-09-01', teamId: t.ids['team:Other Team']! });
    await seedAllocation(t, id.olly, { workerId: t.ids.otherworker!, teamId: t.ids['team:Other Team']!, start: '2026-09-01' });
    await recompute(t, id.olly);
  });
  after(async () => t.close());

  test('the manager chooses a worker, then records the children discussed; each decision meets that child’s duty and goes on the chronology', async () => {
    const client = await t.as('teammgr');
    const list = await client.get('/supervision/new');
    assert.equal(list.status, 200);
    assert.deepEqual(tableRows(list.body, 'supervisees').map((r) => [r[0], r[2], r[3], r[4]]), [['Wendy Worker', '2', 'Not recorded', '2']]);
    const form = await client.get(`/supervision/new?worker=${t.ids.worker}`);
    assert.equal(form.status, 200);
    assert.match(form.body, /Not discussed in supervision before; case discussion overdue by 37 working days/);
    assert.deepEqual((await openSupervision(t, id.ava!)).map((o) => [o.due_on, o.met_on]), [['2026-10-01', null]]);
    const done = await client.post(`/supervision/new?worker=${t.ids.worker}`, {
      'supervisionDate-day': '23',
      'supervisionDate-month': '11',
      'supervisionDate-year': '2026',
      discussed: [id.ava!],
      [`decision-${id.ava}`]: 'Step down to child in need plan at the next review',
      [`rationale-${id.ava}`]: 'Risks reduced: two months of good engagement',
      [`decision-${id.ben}`]: '',
      [`rationale-${id.ben}`]: '',
      notes: 'Wellbeing discussed',
      formToken: hiddenValue(form.body, 'formToken')!,
    });
    assert.equal(done.status, 303);
    assert.match(done.location!, /^\/supervision\/[0-9a-f-]{36}$/);
    const record = await client.get(done.location!);
    assert.match(record.body, /Wendy Worker, 23 November 2026/);
    assert.match(record.body, /Step down to child in need plan at the next review/);
    assert.match(record.body, /Supervised by Tariq Manager\. 1 child discussed/);
    // Ava's duty: met today, the next due a month on. Ben's is still overdue.
    assert.deepEqual((await openSupervision(t, id.ava!)).map((o) => [o.due_on, o.met_on]), [['2026-10-01', '2026-11-23'], ['2026-12-23', null]]);
    assert.deepEqual((await openSupervision(t, id.ben!)).map((o) => [o.due_on, o.met_on]), [['2026-10-01', null]]);
    // On Ava's chronology, with the rationale; audited against Ava.
    const chronology = await (await t.as('worker')).get(`/children/${id.ava}`);
    assert.equal(chronology.status, 200);
    assert.match(chronology.body, /Supervision decision/);
    assert.match(chronology.body, /Step down to child in need plan at the next review/);
    assert.match(chronology.body, /Risks reduced: two months of good engagement/);
    const audit = await t.db.query<{ action: string }>(`select action from audit_events where person_id = $1 and subject_type = 'supervision_child'`, [id.ava]);
    assert.ok(audit.some((a) => a.action === 'create'));
    // The worker's tray no longer shows Ava's supervision as due: issue 9 moved case supervision off
    // the worker's own work, so the tray says when each child is next discussed (Ben's still owed).
    const tray = await (await t.as('worker')).get('/');
    const next = new Map(tableRows(tray.body, 'my-children').map((r) => [childCellName(r[0]!), r[3]]));
    assert.equal(next.get('Ava Supervised'), '23 December 2026');
    assert.equal(next.get('Ben Supervised'), 'Due since 1 October 2026');
  });

  test('every child discussed needs a decision and a rationale; at least one child; the date not in the future; what was typed is kept', async () => {
    const client = await t.as('teammgr');
    const form = await client.get(`/supervision/new?worker=${t.ids.worker}`);
    const token = hiddenValue(form.body, 'formToken')!;
    const none = await client.post(`/supervision/new?worker=${t.ids.worker}`, { 'supervisionDate-day': '24', 'supervisionDate-month': '11', 'supervisionDate-year': '2026', notes: 'x', formToken: token });
    assert.equal(none.status, 400);
    assert.deepEqual(errorSummary(none.body), ['supervisionDate-day: Date of supervision must be today or in the past', 'discussed: Select at least one child you discussed']);
    const missing = await client.post(`/supervision/new?worker=${t.ids.worker}`, {
      'supervisionDate-day': '20',
      'supervisionDate-month': '11',
      'supervisionDate-year': '2026',
      discussed: [id.ava!, id.ben!],
      [`decision-${id.ava}`]: 'Keep the plan',
      [`rationale-${id.ava}`]: '',
      [`decision-${id.ben}`]: '',
      [`rationale-${id.ben}`]: 'Because',
      formToken: token,
    });
    assert.equal(missing.status, 400);
    // In the form's order: the most overdue case discussion first (Ben's; Ava was discussed today).
    assert.deepEqual(errorSummary(missing.body), [`decision-${id.ben}: Enter the decision for this child`, `rationale-${id.ava}: Enter the rationale for the decision`]);
    assert.equal(inlineError(missing.body, `decision-${id.ben}`), 'Enter the decision for this child');
    assert.deepEqual(checkedValues(missing.body, 'discussed').sort(), [id.ava, id.ben].sort());
    assert.equal(textareaValue(missing.body, `decision-${id.ava}`)?.trim(), 'Keep the plan');
    const [n] = await t.db.query<{ n: number }>('select count(*)::int as n from supervisions');
    assert.equal(n!.n, 1, 'nothing saved');
  });

  test('access: a worker outside the manager’s line is 404; social workers and analysts cannot record supervision', async () => {
    const client = await t.as('teammgr');
    assert.equal((await client.get(`/supervision/new?worker=${t.ids.otherworker}`)).status, 404);
    assert.equal((await client.get('/supervision/new?worker=not-a-uuid')).status, 404);
    for (const user of ['worker', 'analyst', 'admin']) {
      assert.equal((await (await t.as(user)).get('/supervision/new')).status, 404, user);
      assert.equal((await (await t.as(user)).get(`/supervision/new?worker=${t.ids.worker}`)).status, 404, user);
    }
    // The recorded supervision: the worker and the supervisor may read it, another worker may not.
    const [s] = await t.db.query<{ id: string }>('select id from supervisions');
    assert.equal((await (await t.as('worker')).get(`/supervision/${s!.id}`)).status, 200);
    assert.equal((await (await t.as('otherworker')).get(`/supervision/${s!.id}`)).status, 404);
  });
});

function newToken(): string {
  return crypto.randomUUID();
}
