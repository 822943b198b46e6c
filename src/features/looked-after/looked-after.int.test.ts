/**
 * Recording the looked-after journey (issue 10) through the pages, on the real app and database:
 * becoming looked after under section 20 with a placement, an interim then a full care order, a
 * placement move, missing and return with the return home interview, the IRO's review with the
 * letter, a visit, health and the PEP. Each form: the happy path, 400 with the error summary,
 * another team refused (404), a stale edit and a double submission.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { errorSummary, hiddenValue } from '../../../test/support/browserless.js';
import { count, dateInput, referredChild, submitForm } from '../../../test/support/casework.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';
import { urls } from '../../web/urls.js';

/** The error summary's messages, without the field each links to. */
const messages = (html: string) => errorSummary(html).map((s) => s.replace(/^[\w-]+: /, ''));

describe('looked after: recording', () => {
  let t: TestApp;
  let providerId: string;
  let carerId: string;
  let nextCarerId: string;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-05-11T09:00:00Z') });
    [{ id: providerId }] = (await t.db.query<{ id: string }>("insert into providers (name, provider_type, ownership, ofsted_urn, postcode) values ('Oak Lodge', 'children_home', 'PR4', 'SC123456', 'FM1 1AA') returning id")) as [{ id: string }];
    [{ id: carerId }] = (await t.db.query<{ id: string }>("insert into foster_carers (name, carer_type, postcode) values ('Gia and Porter Lynch', 'mainstream', 'FM6 9LW') returning id")) as [{ id: string }];
    [{ id: nextCarerId }] = (await t.db.query<{ id: string }>("insert into foster_carers (name, carer_type, postcode) values ('Sam Rivers', 'mainstream', 'FM2 2BB') returning id")) as [{ id: string }];
  });
  after(async () => t.close());
  beforeEach(() => t.clock.set(new Date('2026-05-11T09:00:00Z')));

  const section20 = (overrides: Record<string, string> = {}) => ({
    ...dateInput('startDate', '2026-05-04'),
    legalStatus: 'V2',
    categoryOfNeed: 'N1',
    uasc: 'no',
    placementType: 'U6',
    placedWith: `carer:${carerId}`,
    postcode: '',
    matchingRationale: 'Local to school; carers experienced with teenagers',
    ...overrides,
  });

  async function lookedAfterChild() {
    const { personId } = await referredChild(t, { givenName: 'Looked' });
    const w = await t.as('worker');
    const res = await submitForm(w, urls.lookedAfter.start(personId), section20());
    assert.equal(res.status, 303, 'became looked after');
    return { personId, w };
  }

  test('becoming looked after: period of care, legal status and first placement in one write, shown with labels on the child’s page', async () => {
    const { personId } = await referredChild(t, { givenName: 'Comes' });
    const w = await t.as('worker');
    const page = await w.get(urls.lookedAfter.start(personId));
    assert.equal(page.status, 200);
    assert.match(page.body, /V2 — Single period of accommodation under section 20/);
    assert.match(page.body, /Foster carer: Gia and Porter Lynch/);
    const res = await submitForm(w, urls.lookedAfter.start(personId), section20(), { page: page.body });
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, urls.child(personId, {}, 'looked-after'));
    const [period] = await t.db.query<{ start_date: string; category_of_need: string; uasc: boolean }>('select start_date, category_of_need, uasc from periods_of_care where person_id = $1', [personId]);
    assert.deepEqual(period, { start_date: '2026-05-04', category_of_need: 'N1', uasc: false });
    const [ls] = await t.db.query<{ code: string; start_date: string; end_date: string | null }>('select code, start_date, end_date from legal_statuses where person_id = $1', [personId]);
    assert.deepEqual(ls, { code: 'V2', start_date: '2026-05-04', end_date: null });
    const [pl] = await t.db.query<Record<string, unknown>>('select placement_type, provider, foster_carer_id, postcode, matching_rationale, start_date from placements where person_id = $1', [personId]);
    assert.deepEqual(pl, { placement_type: 'U6', provider: 'PR1', foster_carer_id: carerId, postcode: 'FM6 9LW', matching_rationale: 'Local to school; carers experienced with teenagers', start_date: '2026-05-04' });
    const audits = await t.db.query<{ subject_type: string }>("select subject_type from audit_events where person_id = $1 and action = 'create' order by subject_type", [personId]);
    assert.deepEqual(audits.map((a) => a.subject_type).filter((s) => ['legal_status', 'period_of_care', 'placement'].includes(s)), ['legal_status', 'period_of_care', 'placement'], 'each row audited');

    const child = await w.get(urls.child(personId));
    assert.equal(child.status, 200);
    assert.match(child.body, /Single period of accommodation under section 20/);
    assert.match(child.body, /Gia and Porter Lynch/);
    assert.match(child.body, /SSDA903 episodes for the return \(1 episode/);

    // Already looked after: the page refuses a second period (409), and says why.
    const again = await w.get(urls.lookedAfter.start(personId));
    assert.equal(again.status, 409);
    assert.match(again.body, /has been looked after since 4 May 2026/);
  });

  test('becoming looked after: every error at once (400 with the summary), the matching rationale required, the values kept', async () => {
    const { personId } = await referredChild(t, { givenName: 'Errors' });
    const w = await t.as('worker');
    const res = await submitForm(w, urls.lookedAfter.start(personId), section20({ ...dateInput('startDate', '2026-06-01'), legalStatus: '', matchingRationale: '  ', placedWith: '' }));
    assert.equal(res.status, 400);
    assert.deepEqual(messages(res.body), [
      'Date the child became looked after must be today or in the past',
      'Select the legal status',
      'Select the provider or foster carer, or ‘No provider’',
      'Enter why this placement was chosen for the child (the matching)',
    ]);
    assert.match(res.body, /value="U6" selected/);
    const children = await submitForm(w, urls.lookedAfter.start(personId), section20({ placementType: 'K2', placedWith: 'none' }));
    assert.equal(children.status, 400);
    assert.deepEqual(messages(children.body), ['Select the provider or foster carer for this type of placement']);
    const withParents = await submitForm(w, urls.lookedAfter.start(personId), section20({ placementType: 'P1', placedWith: 'none', postcode: 'fm3 3cc' }));
    assert.equal(withParents.status, 303);
    const [pl] = await t.db.query<{ provider: string; postcode: string }>('select provider, postcode from placements where person_id = $1', [personId]);
    assert.deepEqual(pl, { provider: 'PR0', postcode: 'FM3 3CC' });
    assert.match((await w.get(urls.child(personId))).body, /Placed with parents|with (?:own )?parents/i, 'a placement with parents in words, never a raw PR0 alone');
  });

  test('another team’s worker gets 404 on every form; a double submission records once', async () => {
    const { personId } = await referredChild(t, { givenName: 'Other' });
    const other = await t.as('otherworker');
    for (const path of [urls.lookedAfter.start(personId), urls.lookedAfter.missing(personId)]) assert.equal((await other.get(path)).status, 404, path);
    const w = await t.as('worker');
    const page = await w.get(urls.lookedAfter.start(personId));
    const fields = { formToken: hiddenValue(page.body, 'formToken', urls.lookedAfter.start(personId))!, ...section20() };
    assert.equal((await w.post(urls.lookedAfter.start(personId), fields, { page: page.body })).status, 303);
    assert.equal((await w.post(urls.lookedAfter.start(personId), fields, { page: page.body })).status, 303);
    assert.equal(await count(t, 'periods_of_care', personId), 1);
    assert.equal(await count(t, 'placements', personId), 1);
    for (const path of [urls.lookedAfter.legalStatus(personId), urls.lookedAfter.placement(personId), urls.lookedAfter.review(personId), urls.lookedAfter.visit(personId), urls.lookedAfter.health(personId), urls.lookedAfter.pep(personId)]) {
      assert.equal((await other.get(path)).status, 404, path);
    }
  });

  test('legal status: section 20, then an interim care order, then a full care order; never overlapping, never before the current one', async () => {
    const { personId, w } = await lookedAfterChild();
    const path = urls.lookedAfter.legalStatus(personId);
    const early = await submitForm(w, path, { ...dateInput('date', '2026-05-04'), legalStatus: 'C1' });
    assert.equal(early.status, 400);
    assert.deepEqual(messages(early.body), ['The new legal status must start after the current one did, 4 May 2026']);
    const page = await w.get(path);
    assert.doesNotMatch(page.body, /value="V2"/, 'the current status is not offered');
    assert.equal((await submitForm(w, path, { ...dateInput('date', '2026-05-06'), legalStatus: 'C1' })).status, 303);
    assert.equal((await submitForm(w, path, { ...dateInput('date', '2026-05-08'), legalStatus: 'C2' })).status, 303);
    const rows = await t.db.query<{ code: string; start_date: string; end_date: string | null }>('select code, start_date, end_date from legal_statuses where person_id = $1 order by start_date', [personId]);
    assert.deepEqual(rows, [
      { code: 'V2', start_date: '2026-05-04', end_date: '2026-05-06' },
      { code: 'C1', start_date: '2026-05-06', end_date: '2026-05-08' },
      { code: 'C2', start_date: '2026-05-08', end_date: null },
    ]);
    const child = await w.get(urls.child(personId));
    assert.match(child.body, /SSDA903 episodes for the return \(3 episodes/);
    assert.match(child.body, /Full care order \(C2\)/);
  });

  test('a stale legal status change (another tab changed it first) is refused and nothing is saved', async () => {
    const { personId, w } = await lookedAfterChild();
    const path = urls.lookedAfter.legalStatus(personId);
    const tab1 = await w.get(path);
    const tab2 = await w.get(path);
    assert.equal((await submitForm(w, path, { ...dateInput('date', '2026-05-06'), legalStatus: 'C1' }, { page: tab1.body })).status, 303);
    const stale = await submitForm(w, path, { ...dateInput('date', '2026-05-07'), legalStatus: 'L2' }, { page: tab2.body });
    assert.equal(stale.status, 409);
    assert.match(stale.body, /was changed after you opened it/);
    assert.equal(await count(t, 'legal_statuses', personId), 2);
  });

  test('placement move: the current placement ends with the SSDA903 reason, the next starts with its rationale', async () => {
    const { personId, w } = await lookedAfterChild();
    const path = urls.lookedAfter.placement(personId);
    const bad = await submitForm(w, path, { ...dateInput('date', '2026-05-01'), reason: '', placementType: 'K2', placedWith: `provider:${providerId}`, matchingRationale: '' });
    assert.equal(bad.status, 400);
    assert.deepEqual(messages(bad.body), ['Select the reason the placement changed', 'Enter why this placement was chosen for the child (the matching)']);
    const moved = await submitForm(w, path, { ...dateInput('date', '2026-05-09'), reason: 'CREQB', placementType: 'U6', placedWith: `carer:${nextCarerId}`, matchingRationale: 'Experienced carers; same school' });
    assert.equal(moved.status, 303);
    const rows = await t.db.query<{ start_date: string; end_date: string | null; change_reason: string | null; matching_rationale: string }>('select start_date, end_date, change_reason, matching_rationale from placements where person_id = $1 order by start_date', [personId]);
    assert.deepEqual(rows.map((r) => [r.start_date, r.end_date, r.change_reason]), [['2026-05-04', '2026-05-09', 'CREQB'], ['2026-05-09', null, null]]);
    const child = await w.get(urls.child(personId));
    assert.match(child.body, /Sam Rivers/);
    assert.match(child.body, /Carer requests placement to end due to the child’s behaviour \(CREQB\)/);
  });

  test('the IRO records the review with the letter to the child; another team may not; a child not looked after has none', async () => {
    const { personId } = await lookedAfterChild();
    const iro = await t.as('iro');
    const path = urls.lookedAfter.review(personId);
    const bad = await submitForm(iro, path, { ...dateInput('date', '2026-05-10'), participation: '', decisions: '', letter: '' });
    assert.equal(bad.status, 400);
    assert.deepEqual(messages(bad.body), ['Select how the child took part in the review', 'Enter the review’s decisions', 'Enter the letter to the child']);
    const ok = await submitForm(iro, path, { ...dateInput('date', '2026-05-10'), participation: 'PN1', decisions: 'Stay with current carers; contact with mother weekly', letter: 'Dear Looked, thank you for telling me what you think.' });
    assert.equal(ok.status, 303);
    const [review] = await t.db.query<{ participation: string; iro_id: string; letter_to_child: string }>('select participation, iro_id, letter_to_child from cla_reviews where person_id = $1', [personId]);
    assert.deepEqual(review, { participation: 'PN1', iro_id: t.ids.iro, letter_to_child: 'Dear Looked, thank you for telling me what you think.' });
    assert.equal((await iro.get(urls.lookedAfter.placement(personId))).status, 404, 'the IRO records the review, not the placement');
    assert.equal((await (await t.as('otherworker')).get(path)).status, 404);
    const { personId: notLooked } = await referredChild(t, { givenName: 'Home' });
    assert.equal((await (await t.as('worker')).get(urls.lookedAfter.review(notLooked))).status, 409);
  });

  test('missing: start (date and time), return, and the return home interview offered and accepted, by whom', async () => {
    const { personId, w } = await lookedAfterChild();
    const bad = await submitForm(w, urls.lookedAfter.missing(personId), { ...dateInput('start', '2026-05-10'), startTime: '25:00', missingType: '', reportedToPolice: '' });
    assert.equal(bad.status, 400);
    assert.deepEqual(messages(bad.body), ['Time the child went missing or away must be a real time, like 09:30 or 2:15pm', 'Select whether the child was missing or away', 'Select whether the police were told']);
    const res = await submitForm(w, urls.lookedAfter.missing(personId), { ...dateInput('start', '2026-05-10'), startTime: '22:30', missingType: 'M', reportedToPolice: 'yes' });
    assert.equal(res.status, 303);
    const [m] = await t.db.query<{ id: string; start_date: string; started_at: Date; reported_to_police: boolean }>('select id, start_date, started_at, reported_to_police from missing_episodes where person_id = $1', [personId]);
    assert.equal(m!.start_date, '2026-05-10');
    assert.equal(new Date(m!.started_at).toISOString(), '2026-05-10T21:30:00.000Z', '22:30 in London (BST)');
    assert.equal(m!.reported_to_police, true);
    const early = await submitForm(w, urls.lookedAfter.missingReturn(personId, m!.id), { ...dateInput('returned', '2026-05-10'), returnedTime: '21:00' });
    assert.equal(early.status, 400);
    assert.deepEqual(messages(early.body), ['The child must have returned after they went missing or away, 10 May 2026']);
    const back = await submitForm(w, urls.lookedAfter.missingReturn(personId, m!.id), { ...dateInput('returned', '2026-05-11'), returnedTime: '07:15' });
    assert.equal(back.status, 303);
    assert.equal(back.headers.location, urls.lookedAfter.returnInterview(personId, m!.id), 'on to the return home interview');
    const after = await w.get(urls.lookedAfter.missingReturn(personId, m!.id));
    assert.equal(after.status, 200, 'returned: the page still records the strategy meeting');
    assert.doesNotMatch(after.body, /name="returnedTime"/, 'but not the return again');
    const rhiBad = await submitForm(w, urls.lookedAfter.returnInterview(personId, m!.id), { offered: 'yes', ...dateInput('offeredAt', ''), offeredAtTime: '', accepted: '', by: '' });
    assert.equal(rhiBad.status, 400);
    assert.equal(messages(rhiBad.body).length, 4);
    const rhi = await submitForm(w, urls.lookedAfter.returnInterview(personId, m!.id), { offered: 'yes', ...dateInput('offeredAt', '2026-05-11'), offeredAtTime: '09:00', accepted: 'yes', by: 'Safe Return service' });
    assert.equal(rhi.status, 303);
    const [row] = await t.db.query<Record<string, unknown>>('select end_date, rhi_offered, rhi_offered_date, rhi_accepted, rhi_by from missing_episodes where id = $1', [m!.id]);
    assert.deepEqual(row, { end_date: '2026-05-11', rhi_offered: true, rhi_offered_date: '2026-05-11', rhi_accepted: true, rhi_by: 'Safe Return service' });
    const child = await w.get(urls.child(personId));
    assert.match(child.body, /Offered 11 May 2026, accepted/);
  });

  test('a visit to a looked-after child goes into the one visits table, with what the child said', async () => {
    const { personId, w } = await lookedAfterChild();
    const bad = await submitForm(w, urls.lookedAfter.visit(personId), { ...dateInput('date', '2026-05-01'), seen: 'yes', seenAlone: 'yes', childSaid: '' });
    assert.equal(bad.status, 400);
    assert.deepEqual(messages(bad.body), ['Date of the visit must be on or after the child became looked after, 4 May 2026']);
    assert.equal((await submitForm(w, urls.lookedAfter.visit(personId), { ...dateInput('date', '2026-05-08'), seen: 'yes', seenAlone: 'yes', childSaid: 'I like my room' })).status, 303);
    const [v] = await t.db.query<{ visit_type: string; child_seen_alone: boolean; details: { childSaid: string } }>('select visit_type, child_seen_alone, details from visits where person_id = $1', [personId]);
    assert.deepEqual(v, { visit_type: 'cla', child_seen_alone: true, details: { childSaid: 'I like my room' } });
  });

  test('health (an SDQ score or its reason, immunisations) and a PEP with targets', async () => {
    const { personId, w } = await lookedAfterChild();
    const both = await submitForm(w, urls.lookedAfter.health(personId), { kind: 'sdq', ...dateInput('date', '2026-05-08'), sdqScore: '14', sdqReason: 'SDQ4' });
    assert.equal(both.status, 400);
    assert.deepEqual(messages(both.body), ['Enter a score or a reason there is none, not both']);
    assert.equal((await submitForm(w, urls.lookedAfter.health(personId), { kind: 'sdq', ...dateInput('date', '2026-05-08'), sdqScore: '14', sdqReason: '' })).status, 303);
    assert.equal((await submitForm(w, urls.lookedAfter.health(personId), { kind: 'immunisations', ...dateInput('date', '2026-05-08'), upToDate: 'yes' })).status, 303);
    assert.equal((await submitForm(w, urls.lookedAfter.health(personId), { kind: 'initial_health_assessment', ...dateInput('date', '2026-05-09') })).status, 303);
    assert.equal(await count(t, 'sdq_scores', personId), 1);
    assert.equal(await count(t, 'immunisations', personId), 1);
    assert.equal(await count(t, 'health_checks', personId), 1);
    const pepBad = await submitForm(w, urls.lookedAfter.pep(personId), { ...dateInput('date', '2026-05-08'), school: '', targets: '' });
    assert.deepEqual(messages(pepBad.body), ['Enter the PEP’s targets']);
    assert.equal((await submitForm(w, urls.lookedAfter.pep(personId), { ...dateInput('date', '2026-05-08'), school: 'Hearth Academy', targets: 'Reading age up a year' })).status, 303);
    const [pep] = await t.db.query<{ targets: string }>('select targets from peps where person_id = $1', [personId]);
    assert.equal(pep!.targets, 'Reading age up a year');
  });

  test('the care plan: its permanence plans (parallel planning), a new one superseding the last from its date', async () => {
    const { personId, w } = await lookedAfterChild();
    const path = urls.lookedAfter.carePlan(personId);
    const bad = await submitForm(w, path, { ...dateInput('date', '2026-05-05') });
    assert.equal(bad.status, 400);
    assert.deepEqual(messages(bad.body), ['Select the permanence plan, or plans under parallel planning']);
    assert.equal((await submitForm(w, path, { ...dateInput('date', '2026-05-05'), permanencePlans: ['RETURN6M', 'LTFOST18'] })).status, 303);
    assert.equal((await submitForm(w, path, { ...dateInput('date', '2026-05-09'), permanencePlans: ['LTFOST18'] })).status, 303);
    const rows = await t.db.query<{ start_date: string; end_date: string | null; permanence_plans: string[] }>('select start_date, end_date, permanence_plans from care_plans where person_id = $1 order by start_date', [personId]);
    assert.deepEqual(rows, [
      { start_date: '2026-05-05', end_date: '2026-05-09', permanence_plans: ['RETURN6M', 'LTFOST18'] },
      { start_date: '2026-05-09', end_date: null, permanence_plans: ['LTFOST18'] },
    ]);
    assert.equal((await (await t.as('otherworker')).get(path)).status, 404);
  });

  test('the placement plan: when it was agreed for the current placement; a stale page is refused', async () => {
    const { personId, w } = await lookedAfterChild();
    const path = urls.lookedAfter.placementPlan(personId);
    const tab1 = await w.get(path);
    const tab2 = await w.get(path);
    const bad = await submitForm(w, path, { ...dateInput('date', '2026-05-31') }, { page: tab1.body });
    assert.equal(bad.status, 400);
    assert.deepEqual(messages(bad.body), ['Date the placement plan was agreed must be today or in the past']);
    assert.equal((await submitForm(w, path, { ...dateInput('date', '2026-05-06') }, { page: tab1.body })).status, 303);
    const [pl] = await t.db.query<{ placement_plan_date: string }>('select placement_plan_date from placements where person_id = $1', [personId]);
    assert.equal(pl!.placement_plan_date, '2026-05-06');
    assert.equal((await submitForm(w, path, { ...dateInput('date', '2026-05-07') }, { page: tab2.body })).status, 409, 'opened before the other change');
  });

  test('a strategy meeting while the child is still missing, with the senior manager told; nothing left to record once returned too', async () => {
    const { personId, w } = await lookedAfterChild();
    assert.equal((await submitForm(w, urls.lookedAfter.missing(personId), { ...dateInput('start', '2026-05-09'), startTime: '18:00', missingType: 'M', reportedToPolice: 'yes' })).status, 303);
    const [m] = await t.db.query<{ id: string }>('select id from missing_episodes where person_id = $1', [personId]);
    const path = urls.lookedAfter.missingReturn(personId, m!.id);
    const nothing = await submitForm(w, path, {});
    assert.equal(nothing.status, 400);
    assert.deepEqual(messages(nothing.body), ['Enter the date the child returned, or the strategy meeting']);
    const noAnswer = await submitForm(w, path, { ...dateInput('strategyMeeting', '2026-05-10') });
    assert.deepEqual(messages(noAnswer.body), ['Select whether the senior manager was told']);
    const meeting = await submitForm(w, path, { ...dateInput('strategyMeeting', '2026-05-10'), seniorManagerTold: 'yes' });
    assert.equal(meeting.status, 303);
    assert.equal(meeting.headers.location, urls.child(personId, {}, 'looked-after'), 'still missing: back to the record');
    const [still] = await t.db.query<Record<string, unknown>>('select end_date, strategy_meeting_date, senior_manager_notified from missing_episodes where id = $1', [m!.id]);
    assert.deepEqual(still, { end_date: null, strategy_meeting_date: '2026-05-10', senior_manager_notified: true });
    assert.equal((await submitForm(w, path, { ...dateInput('returned', '2026-05-11'), returnedTime: '08:00' })).status, 303);
    const done = await w.get(path);
    assert.equal(done.status, 409);
    assert.match(done.body, /returned on 11 May 2026, and the strategy meeting was held on 10 May 2026/);
    assert.match((await w.get(urls.child(personId))).body, /Strategy meeting/);
  });
});
