/**
 * A child's journey through the casework pages, as their social worker records it (domain.md §0):
 * referral -> assessment -> strategy discussion -> section 47 -> initial conference and plan ->
 * core groups -> visits -> review conference (continue, then end) -> child in need plan -> closure.
 * Each step checks the page, the refusals the journey makes, bad input, and the stored obligations'
 * due dates (domain.md §1.1, Working Together 2023; local norms at their defaults).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Browserless, errorSummary, hiddenValue } from '../../../test/support/browserless.js';
import { allocate, caseActions, count, dateInput, obligationsOf, openObligation, submitForm } from '../../../test/support/casework.js';
import { respondViaPage, seedContact, seedDecision, tableRows } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

describe('the casework journey, from referral to closure', () => {
  let t: TestApp;
  let personId: string;
  let episodeId: string;
  let w: Browserless;
  const child = (path: string) => `/children/${personId}${path}`;
  /** Moves the clock to 10am on `date` (London) and signs the worker in again (the session's idle limit has passed). */
  const on = async (date: string, as = 'worker') => {
    t.clock.set(new Date(`${date}T09:00:00Z`));
    w = await t.as(as);
    return w;
  };
  const met = async (rule: string) => (await obligationsOf(t, personId, [rule])).map((o) => [o.due_on, o.met_on, o.lapsed_on]);

  before(async () => {
    t = await createTestApp({ now: new Date('2026-03-16T10:00:00Z') });
    // These journeys close the episode directly; closure with a manager's agreement is closure.int.test.ts's.
    await t.services.settings.setClosureNeedsAgreement(t.ids.admin!, false, 0);
  });
  after(async () => t.close());

  test('1. the referral’s response "assessment" leads to the assessment: the child’s "What can I record" offers it', async () => {
    // Monday 16 March 2026: a contact, the MASH decision to refer, the response "assessment" (through its page).
    const { contactId, personId: id } = await seedContact(t, { person: { givenName: 'Ruby', familyName: 'Fenwick', dateOfBirth: '2015-02-11' } });
    personId = id;
    const referral = await seedDecision(t, contactId, 'referral', 'N1');
    episodeId = referral.split('/').at(-1)!;
    const response = await respondViaPage(await t.as('mash'), referral, 'assessment');
    assert.equal(response.location, `/children/${personId}`, 'the response goes to the child’s page, where caseActions are shown');
    await allocate(t, personId, 'worker', '2026-03-16');

    const actions = await caseActions(t, 'worker', personId);
    const allowed = actions.filter((a) => a.allowed).map((a) => [a.text, a.href]);
    assert.deepEqual(allowed.slice(0, 2), [
      ['Record the start of an assessment', child('/assessments/new')],
      ['Record a strategy discussion', child('/strategy-discussions/new')],
    ]);
    const s47 = actions.find((a) => a.href === child('/s47/new'))!;
    assert.equal(s47.allowed, false);
    assert.match(s47.reason!, /Record the strategy discussion first/);
    assert.deepEqual(await caseActions(t, 'analyst', personId), [], 'someone who may only view the record is offered nothing to record');

    assert.deepEqual(await met('assessment'), [['2026-05-21', null, null]], '45 working days from the referral, across Good Friday, Easter Monday and the early May bank holiday');
    const page = await (await on('2026-03-16')).get(child('/casework'));
    assert.equal(page.status, 200);
    assert.match(page.body, /href="\/children\/[^"]+\/assessments\/new">Record the start of an assessment</);
    assert.deepEqual(tableRows(page.body, 'due').find((r) => r[0] === 'Child and family assessment authorised')?.slice(0, 2), ['Child and family assessment authorised', '21 May 2026']);
  });

  test('2. the assessment starts: bad dates re-show the form with every error; a double submission makes one record', async () => {
    await on('2026-03-17');
    const path = child('/assessments/new');
    const page = await w.get(path);
    assert.equal(page.status, 200);
    assert.match(page.body, /Record the start of an assessment/);

    const empty = await submitForm(w, path, { ...dateInput('startDate', '') });
    assert.equal(empty.status, 400);
    assert.deepEqual(errorSummary(empty.body), ['startDate-day: Enter the date the assessment started']);
    const future = await submitForm(w, path, { ...dateInput('startDate', '2026-03-18'), childSeen: 'yes' });
    assert.deepEqual(errorSummary(future.body), ['startDate-day: Date the assessment started must be today or in the past']);
    assert.match(future.body, /name="startDate-day" type="text" value="18"/, 'what was typed is kept');
    assert.match(future.body, /value="yes" checked/);
    const early = await submitForm(w, path, { ...dateInput('startDate', '2026-03-13'), childSeen: 'yes' });
    assert.equal(early.status, 400);
    assert.deepEqual(errorSummary(early.body), ['startDate-day: The date the assessment started must be on or after the referral on 16 March 2026']);
    assert.equal(await count(t, 'assessments', personId), 0, 'nothing written');

    const form = await w.get(path);
    const fields = { formToken: hiddenValue(form.body, 'formToken', path)!, ...dateInput('startDate', '2026-03-17'), childSeen: 'yes' };
    const first = await w.post(path, fields, { page: form.body });
    const second = await w.post(path, fields, { page: form.body });
    assert.equal(first.status, 303);
    assert.equal(second.status, 303);
    assert.equal(second.location, first.location, 'the second goes where the first went');
    assert.equal(await count(t, 'assessments', personId), 1, 'one assessment, however often the form is sent');

    const again = await w.get(path);
    assert.equal(again.status, 409, 'one assessment at a time (CIN census 8890)');
    assert.match(again.body, /You cannot record this now/);
    assert.match(again.body, /An assessment is already in progress; authorise it before starting another\./);
    assert.match(again.body, /href="\/children\/[^"]+\/strategy-discussions\/new">Record a strategy discussion</, 'the refusal offers what can be done instead');
    assert.doesNotMatch(again.body, /\/authorise"/, 'but not authorising the assessment: that is the manager’s');
    const hub = await w.get(child('/casework'));
    assert.doesNotMatch(hub.body, /href="[^"]*\/authorise"/);
    assert.match(hub.body, /Authorise the assessment<\/span><br><span class="govuk-hint[^"]*">A team or service manager authorises the assessment: ask your manager to authorise it\.</, 'the worker is told who authorises it');
    const managerRefusal = await (await t.as('teammgr')).get(path);
    assert.equal(managerRefusal.status, 409);
    assert.match(managerRefusal.body, /href="\/children\/[^"]+\/assessments\/[^"]+\/authorise">Authorise the assessment</, 'the manager is offered the authorisation instead');
    const refusedPost = await submitForm(w, path, { formToken: crypto.randomUUID(), ...dateInput('startDate', '2026-03-17'), childSeen: 'yes' }, { page: form.body });
    assert.equal(refusedPost.status, 409);
    assert.equal(await count(t, 'assessments', personId), 1);
  });

  test('3. no initial conference without a section 47 (only a transfer-in is offered); the strategy discussion decides on one', async () => {
    await on('2026-03-23');
    const icpc = await w.get(child('/conferences/initial/new'));
    assert.equal(icpc.status, 200);
    assert.doesNotMatch(icpc.body, /Section 47 enquiry from the strategy discussion/);
    assert.match(icpc.body, /value="transfer-in"/);
    const forged = await submitForm(w, child('/conferences/initial/new'), { link: episodeId, ...dateInput('date', '2026-03-23'), planRequired: 'no' });
    assert.equal(forged.status, 400, 'an enquiry that does not need a conference cannot be linked');
    assert.deepEqual(errorSummary(forged.body), ['link: Select the section 47 enquiry the conference follows, or that it is a transfer-in']);
    assert.equal(await count(t, 'initial_cp_conferences', personId), 0);

    const path = child('/strategy-discussions/new');
    const page = await w.get(path);
    assert.equal(page.status, 200);
    const bad = await submitForm(w, path, { ...dateInput('date', ''), agencies: [], rationale: '' });
    assert.equal(bad.status, 400);
    assert.deepEqual(errorSummary(bad.body), [
      'date-day: Enter the date of the strategy discussion',
      'agencies: Select the agencies that took part',
      'decision: Select whether a section 47 enquiry will start',
      'rationale: Enter the reasons for the decision',
    ]);
    const ok = await submitForm(w, path, {
      ...dateInput('date', '2026-03-23'),
      agencies: ['social_care', 'police', 'health'],
      'names-police': 'DC Jones, child abuse investigation team',
      'names-health': '',
      decision: 's47',
      rationale: 'Bruising consistent with a non-accidental injury.',
    });
    assert.equal(ok.status, 303);
    const [sd] = await t.db.query<{ discussion_date: string; decision: string; attendees: { agency: string; name: string | null }[] }>('select discussion_date, decision, attendees from strategy_discussions where person_id = $1', [personId]);
    assert.equal(sd!.discussion_date, '2026-03-23');
    assert.equal(sd!.decision, 's47');
    assert.deepEqual(sd!.attendees, [
      { agency: 'children’s social care', name: null },
      { agency: 'police', name: 'DC Jones, child abuse investigation team' },
      { agency: 'health', name: null },
    ]);
    const close = await w.get(child('/close'));
    assert.equal(close.status, 409, 'no closure with work open (CIN census 8867)');
    assert.match(close.body, /An assessment is still open\. Authorise it before closing the episode\./);
  });

  test('4. the section 47 starts on the strategy discussion’s date; its outcome decides on a conference, due 15 working days from the discussion across Easter', async () => {
    const start = await w.get(child('/s47/new'));
    assert.equal(start.status, 200);
    assert.match(start.body, /Strategy discussion on 23 March 2026/);
    assert.equal((await submitForm(w, child('/s47/new'), { strategyDiscussionId: hiddenValue(start.body, 'strategyDiscussionId') ?? /value="([0-9a-f-]{36})" checked/.exec(start.body)![1]! })).status, 303);
    const [s47] = await t.db.query<{ id: string; start_date: string; end_date: string | null }>('select id, start_date, end_date from s47_enquiries where person_id = $1', [personId]);
    assert.equal(s47!.start_date, '2026-03-23', 'CIN census S47ActualStartDate = the strategy discussion’s date');
    const second = await w.get(child('/s47/new'));
    assert.equal(second.status, 409);
    assert.match(second.body, /A section 47 enquiry is already open; record its outcome first\./);
    // The conference clock runs from the strategy discussion while the enquiry is open (Working
    // Together 2023): 23 March + 15 working days, skipping Good Friday and Easter Monday, is 15 April.
    assert.deepEqual(await met('initial-conference'), [['2026-04-15', null, null]], 'the conference is due while the enquiry is open');

    await on('2026-04-01');
    const path = child(`/s47/${s47!.id}/outcome`);
    assert.equal((await w.get(path)).status, 200);
    const early = await submitForm(w, path, { ...dateInput('endDate', '2026-03-20'), outcome: 'substantiated_conference' });
    assert.equal(early.status, 400);
    assert.deepEqual(errorSummary(early.body), ['endDate-day: The date the enquiry was completed must be on or after it started, at the strategy discussion on 23 March 2026']);
    const ok = await submitForm(w, path, { ...dateInput('endDate', '2026-04-01'), outcome: 'substantiated_conference' });
    assert.equal(ok.status, 303);
    const [row] = await t.db.query<{ end_date: string; outcome: string; icpc_required: boolean; version: number }>('select end_date, outcome, icpc_required, version from s47_enquiries where id = $1', [s47!.id]);
    assert.deepEqual(row, { end_date: '2026-04-01', outcome: 'substantiated_conference', icpc_required: true, version: 2 });
    // 23 March + 15 working days skips Good Friday (3 April) and Easter Monday (6 April): 15 April, not 13 April.
    assert.deepEqual(await met('initial-conference'), [['2026-04-15', null, null]]);
    const done = await w.get(path);
    assert.equal(done.status, 409, 'the outcome is recorded once');
    assert.match(done.body, /There is no open section 47 enquiry\./);
  });

  test('5. the initial conference: not at a weekend, not before the strategy discussion; a plan starts on the conference date', async () => {
    await on('2026-04-14');
    const path = child('/conferences/initial/new');
    const page = await w.get(path);
    assert.equal(page.status, 200);
    assert.match(page.body, /Section 47 enquiry from the strategy discussion on 23 March 2026/);
    const s47Id = /name="link" type="radio" value="([0-9a-f-]{36})"/.exec(page.body)![1]!;

    const weekend = await submitForm(w, path, { link: s47Id, ...dateInput('date', '2026-04-11'), planRequired: 'yes', initialCategory: 'NEG' });
    assert.deepEqual(errorSummary(weekend.body), ['date-day: The date of the conference must be a weekday']);
    const beforeStrategy = await submitForm(w, path, { link: s47Id, ...dateInput('date', '2026-03-20'), planRequired: 'yes', initialCategory: 'NEG' });
    assert.equal(beforeStrategy.status, 400);
    assert.deepEqual(errorSummary(beforeStrategy.body), ['date-day: The date of the conference must be on or after the strategy discussion on 23 March 2026']);
    const noCategory = await submitForm(w, path, { link: s47Id, ...dateInput('date', '2026-04-14'), planRequired: 'yes' });
    assert.deepEqual(errorSummary(noCategory.body), ['initialCategory: Select the category of abuse']);
    assert.equal(await count(t, 'initial_cp_conferences', personId), 0);

    const ok = await submitForm(w, path, { link: s47Id, ...dateInput('date', '2026-04-14'), planRequired: 'yes', initialCategory: 'NEG' });
    assert.equal(ok.status, 303);
    const [icpc] = await t.db.query<{ conference_date: string; target_date: string; s47_enquiry_id: string; plan_required: boolean }>('select conference_date, target_date, s47_enquiry_id, plan_required from initial_cp_conferences where person_id = $1', [personId]);
    assert.deepEqual(icpc, { conference_date: '2026-04-14', target_date: '2026-04-15', s47_enquiry_id: s47Id, plan_required: true });
    const [plan] = await t.db.query<{ start_date: string; end_date: string | null; initial_category: string; latest_category: string }>('select start_date, end_date, initial_category, latest_category from cp_plans where person_id = $1', [personId]);
    assert.deepEqual(plan, { start_date: '2026-04-14', end_date: null, initial_category: 'NEG', latest_category: 'NEG' });

    assert.deepEqual(await met('initial-conference'), [['2026-04-15', '2026-04-14', null]], 'held within 15 working days');
    assert.deepEqual(await met('first-core-group'), [['2026-04-28', null, null]], 'first core group within 10 working days of the conference');
    assert.deepEqual(await met('cp-visit'), [['2026-04-28', null, null]], 'first CP visit within 10 working days of the plan starting');
    assert.deepEqual(await met('review-conference'), [['2026-07-14', null, null]], 'first review within 3 months');

    for (const [p, reason] of [
      ['/conferences/initial/new', /already on a child protection plan/],
      ['/cin-plan/new', /on a child protection plan; a child in need plan cannot run alongside it/],
    ] as const) {
      const refused = await w.get(child(p));
      assert.equal(refused.status, 409, p);
      assert.match(refused.body, reason);
    }
    const cinPost = await submitForm(w, child('/cin-plan/new'), { ...dateInput('startDate', '2026-04-14') }, { page: page.body });
    assert.equal(cinPost.status, 409, 'no CIN plan during a CP plan (CIN census 4001), and nothing written');
    assert.equal(await count(t, 'cin_plans', personId), 0);
  });

  test('6. the assessment is authorised by the team manager (not the worker), with its factors, not before it started', async () => {
    await on('2026-04-20');
    const [a] = await t.db.query<{ id: string }>('select id from assessments where person_id = $1', [personId]);
    const path = child(`/assessments/${a!.id}/authorise`);
    const byWorker = await w.get(path);
    assert.equal(byWorker.status, 409, 'a worker does not authorise their own assessment');
    assert.match(byWorker.body, /A team or service manager authorises the assessment: ask your manager to authorise it\./);
    const workerPost = await submitForm(w, path, { formToken: crypto.randomUUID(), version: '1', ...dateInput('authorisedDate', '2026-04-20'), childSeen: 'yes', factors: ['3B'], outcome: 'other' }, { page: (await w.get(child('/casework'))).body });
    assert.equal(workerPost.status, 409, 'nor by posting the form');
    assert.equal((await t.db.query<{ authorised_date: string | null }>('select authorised_date from assessments where id = $1', [a!.id]))[0]!.authorised_date, null, 'nothing written');
    await on('2026-04-20', 'teammgr');
    const page = await w.get(path);
    assert.equal(page.status, 200);
    assert.match(page.body, /value="yes" checked/, 'child seen, known from the start of the assessment, is filled in');
    const none = await submitForm(w, path, { ...dateInput('authorisedDate', ''), childSeen: '' });
    assert.equal(none.status, 400);
    assert.deepEqual(errorSummary(none.body), [
      'authorisedDate-day: Enter the date the assessment was authorised',
      'childSeen: Select whether the child was seen during the assessment',
      'factors: Select the factors identified at the assessment, or ‘No factors identified’',
      'outcome: Select the outcome of the assessment',
    ]);
    const bad = await submitForm(w, path, { ...dateInput('authorisedDate', '2026-03-16'), childSeen: 'yes', factors: ['3B'], outcome: 'other' });
    assert.equal(bad.status, 400);
    assert.deepEqual(errorSummary(bad.body), ['authorisedDate-day: The date the assessment was authorised must be on or after it started, on 17 March 2026']);
    assert.match(bad.body, /value="3B" checked/);
    const both = await submitForm(w, path, { ...dateInput('authorisedDate', '2026-04-20'), childSeen: 'yes', factors: ['21', '3B'], outcome: 'other' });
    assert.deepEqual(errorSummary(both.body), ['factors: Select ‘No factors identified’ on its own, or the factors identified, not both']);
    const old = await submitForm(w, path, { ...dateInput('authorisedDate', '2026-04-20'), childSeen: 'yes', factors: ['18A'], outcome: 'other' });
    assert.deepEqual(errorSummary(old.body), ['factors: Select factors from the list'], '18A is no longer returned (CIN census 8945Q)');
    const ok = await submitForm(w, path, { ...dateInput('authorisedDate', '2026-04-20'), childSeen: 'yes', factors: ['16A', '3B', '4B'], outcome: 'other' });
    assert.equal(ok.status, 303);
    const [row] = await t.db.query<{ authorised_date: string; factors: string[]; outcome: string; authorised_by: string }>('select authorised_date, factors, outcome, authorised_by from assessments where id = $1', [a!.id]);
    assert.deepEqual(row, { authorised_date: '2026-04-20', factors: ['3B', '4B', '16A'], outcome: 'other', authorised_by: t.ids.teammgr });
    assert.deepEqual(await met('assessment'), [['2026-05-21', '2026-04-20', null]]);
    assert.equal((await w.get(path)).status, 409, 'authorised once');
  });

  test('7. visits: not in the future; the next CP visit is due 10 working days after the last, across a bank holiday; a write-up later meets its timescale', async () => {
    await on('2026-04-21');
    const path = child('/visits/new');
    const page = await w.get(path);
    assert.equal(page.status, 200);
    assert.match(page.body, /The next statutory visit is due by 28 April 2026/);
    const future = await submitForm(w, path, { ...dateInput('date', '2026-04-22'), seen: 'yes', seenAlone: 'no', bedroomSeen: 'yes', writtenUp: 'no' });
    assert.deepEqual(errorSummary(future.body), ['date-day: Date of the visit must be today or in the past']);
    const missing = await submitForm(w, path, { ...dateInput('date', '2026-04-21'), seen: 'yes' });
    assert.deepEqual(errorSummary(missing.body), ['seenAlone: Select whether the child was seen alone', 'bedroomSeen: Select whether the child’s bedroom was seen', 'writtenUp: Select whether the visit is written up']);
    const ok = await submitForm(w, path, { ...dateInput('date', '2026-04-21'), seen: 'yes', seenAlone: 'no', bedroomSeen: 'yes', writtenUp: 'no', notes: '' });
    assert.equal(ok.status, 303);
    const [visit] = await t.db.query<{ id: string; visit_type: string; child_seen: boolean; child_seen_alone: boolean; bedroom_seen: boolean; written_up_on: string | null }>('select id, visit_type, child_seen, child_seen_alone, bedroom_seen, written_up_on from visits where person_id = $1', [personId]);
    assert.deepEqual({ ...visit, id: undefined }, { id: undefined, visit_type: 'cp', child_seen: true, child_seen_alone: false, bedroom_seen: true, written_up_on: null });
    // 21 April + 10 working days skips the early May bank holiday (4 May): 6 May.
    assert.deepEqual(await met('cp-visit'), [['2026-04-28', '2026-04-21', null], ['2026-05-06', null, null]]);
    assert.deepEqual(await met('cp-visit-seen-alone'), [['2026-05-06', null, null]], 'not seen alone, so the next visit must see the child alone');
    assert.deepEqual(await met('visit-write-up'), [['2026-04-23', null, null]]);

    await on('2026-04-22');
    const writeUp = child(`/visits/${visit!.id}/write-up`);
    const tabA = await w.get(writeUp);
    assert.equal(tabA.status, 200);
    assert.equal((await submitForm(w, writeUp, { notes: '' }, { page: tabA.body })).status, 400);
    assert.equal((await submitForm(w, writeUp, { notes: 'Ruby was quiet; her room was warm and tidy.' }, { page: tabA.body })).status, 303);
    assert.deepEqual(await met('visit-write-up'), [['2026-04-23', '2026-04-22', null]]);
    const twice = await submitForm(w, writeUp, { notes: 'Something else' }, { page: tabA.body });
    assert.equal(twice.status, 303, 'the same form sent again changes nothing');
    const [written] = await t.db.query<{ notes: string; version: number }>('select notes, version from visits where id = $1', [visit!.id]);
    assert.deepEqual(written, { notes: 'Ruby was quiet; her room was warm and tidy.', version: 2 });
    const refused = await w.get(writeUp);
    assert.equal(refused.status, 409);
    assert.match(refused.body, /This visit was written up on 22 April 2026/);
  });

  test('8. core groups: the first within 10 working days of the conference, then monthly from the last', async () => {
    await on('2026-04-24');
    const path = child('/core-groups/new');
    const page = await w.get(path);
    assert.equal(page.status, 200);
    assert.match(page.body, /The core group is due by 28 April 2026/);
    const early = await submitForm(w, path, { ...dateInput('date', '2026-04-13') });
    assert.deepEqual(errorSummary(early.body), ['date-day: The date of the core group must be on or after the plan started, at the initial conference on 14 April 2026']);
    assert.equal((await submitForm(w, path, { ...dateInput('date', '2026-04-24'), notes: 'Plan agreed with parents' })).status, 303);
    assert.deepEqual(await met('first-core-group'), [['2026-04-28', '2026-04-24', null]]);
    assert.deepEqual(await met('core-group'), [['2026-05-24', null, null]]);

    await on('2026-05-05');
    const visit = await submitForm(w, child('/visits/new'), { ...dateInput('date', '2026-05-05'), seen: 'yes', seenAlone: 'yes', bedroomSeen: 'no', writtenUp: 'yes', notes: 'Seen alone at school.' });
    assert.equal(visit.status, 303);
    assert.deepEqual(await met('cp-visit'), [['2026-04-28', '2026-04-21', null], ['2026-05-06', '2026-05-05', null], ['2026-05-19', null, null]]);
    assert.deepEqual(await met('cp-visit-seen-alone'), [['2026-05-06', '2026-05-05', null]]);
    assert.equal((await openObligation(t, personId, 'visit-write-up')), undefined, 'written up when recorded');

    await on('2026-05-22');
    assert.equal((await submitForm(w, child('/core-groups/new'), { ...dateInput('date', '2026-05-22') })).status, 303);
    assert.deepEqual(await met('core-group'), [['2026-05-24', '2026-05-22', null], ['2026-06-22', null, null]]);
    const close = await w.get(child('/close'));
    assert.equal(close.status, 409);
    assert.match(close.body, /The child is on a child protection plan\. End the plan at a review conference first\./);
  });

  test('9. the review conference continues the plan; a stale second tab is refused; then a review ends the plan on its date', async () => {
    await on('2026-07-14');
    const path = child('/conferences/review/new');
    const tabA = await w.get(path);
    const tabB = await w.get(path);
    assert.equal(tabA.status, 200);
    assert.match(tabA.body, /The review conference is due by 14 July 2026 \(due today\)/);
    assert.match(tabA.body, /value="NEG" checked/, 'the latest category is filled in');
    const sameDay = await submitForm(w, path, { ...dateInput('date', '2026-04-14'), continuePlan: 'no', latestCategory: 'NEG' }, { page: tabA.body });
    assert.equal(sameDay.status, 400);
    assert.deepEqual(errorSummary(sameDay.body), ['date-day: The date of the review conference must be after the plan started on 14 April 2026'], 'a plan cannot end on the day it starts (CIN census 8840)');
    const ok = await submitForm(w, path, { ...dateInput('date', '2026-07-14'), continuePlan: 'yes', latestCategory: 'EMO', participation: 'PN1' }, { page: tabA.body });
    assert.equal(ok.status, 303);
    const stale = await submitForm(w, path, { ...dateInput('date', '2026-07-14'), continuePlan: 'no', latestCategory: 'NEG' }, { page: tabB.body });
    assert.equal(stale.status, 409);
    assert.match(stale.body, /This child protection plan was changed after you opened it/);
    assert.equal(await count(t, 'cp_reviews', personId), 1);
    let [plan] = await t.db.query<{ end_date: string | null; latest_category: string; version: number }>('select end_date, latest_category, version from cp_plans where person_id = $1', [personId]);
    assert.deepEqual(plan, { end_date: null, latest_category: 'EMO', version: 2 });
    const [review] = await t.db.query<{ review_date: string; due_date: string; continue_plan: boolean; participation: string }>('select review_date, due_date, continue_plan, participation from cp_reviews where person_id = $1', [personId]);
    assert.deepEqual(review, { review_date: '2026-07-14', due_date: '2026-07-14', continue_plan: true, participation: 'PN1' });
    assert.deepEqual(await met('review-conference'), [['2026-07-14', '2026-07-14', null], ['2027-01-14', null, null]], 'then no more than 6 months apart');

    await on('2026-10-13');
    const end = await submitForm(w, path, { ...dateInput('date', '2026-10-13'), continuePlan: 'no', latestCategory: 'EMO', participation: 'PN5' });
    assert.equal(end.status, 303);
    [plan] = await t.db.query<{ end_date: string | null; latest_category: string; version: number }>('select end_date, latest_category, version from cp_plans where person_id = $1', [personId]);
    assert.deepEqual(plan, { end_date: '2026-10-13', latest_category: 'EMO', version: 3 });
    assert.deepEqual(await met('review-conference'), [['2026-07-14', '2026-07-14', null], ['2027-01-14', '2026-10-13', null]], 'the ending review meets the review owed; none is owed after it');
    assert.equal(await openObligation(t, personId, 'core-group'), undefined, 'core groups stop with the plan');
    assert.equal(await openObligation(t, personId, 'cp-visit'), undefined, 'CP visits stop with the plan');
    for (const p of ['/conferences/review/new', '/core-groups/new']) {
      const refused = await w.get(child(p));
      assert.equal(refused.status, 409, p);
      assert.match(refused.body, /not on a child protection plan/);
    }
  });

  test('10. a child in need plan follows (step down); closure waits for it; the episode closes with its reason', async () => {
    await on('2026-10-14');
    const start = child('/cin-plan/new');
    assert.equal((await w.get(start)).status, 200);
    const overlap = await submitForm(w, start, { ...dateInput('startDate', '2026-10-12') });
    assert.deepEqual(errorSummary(overlap.body), ['startDate-day: The child was on a child protection plan until 13 October 2026: a child in need plan cannot start before then']);
    assert.equal((await submitForm(w, start, { ...dateInput('startDate', '2026-10-14') })).status, 303);
    assert.deepEqual(await met('cin-visit'), [['2026-11-11', null, null]]);
    assert.deepEqual(await met('cin-plan-review'), [['2027-01-14', null, null]]);

    await on('2026-11-02');
    assert.equal((await submitForm(w, child('/cin-plan/reviews/new'), { ...dateInput('date', '2026-11-02'), outcome: 'Continue the plan for another month' })).status, 303);
    assert.deepEqual(await met('cin-plan-review'), [['2027-01-14', '2026-11-02', null], ['2027-02-02', null, null]]);
    const waiting = await w.get(child('/close'));
    assert.equal(waiting.status, 409);
    assert.match(waiting.body, /A child in need plan is still open\. End it first\./);

    await on('2026-11-16');
    const end = child('/cin-plan/end');
    const beforeReview = await submitForm(w, end, { ...dateInput('endDate', '2026-11-01') });
    assert.deepEqual(errorSummary(beforeReview.body), ['endDate-day: The date the plan ended must be on or after its last review, on 2 November 2026']);
    assert.equal((await submitForm(w, end, { ...dateInput('endDate', '2026-11-16') })).status, 303);
    assert.equal(await openObligation(t, personId, 'cin-plan-review'), undefined);

    const close = child('/close');
    const page = await w.get(close);
    assert.equal(page.status, 200);
    const rc8 = await submitForm(w, close, { ...dateInput('date', '2026-11-15'), reason: 'RC8' });
    assert.equal(rc8.status, 400);
    assert.deepEqual(errorSummary(rc8.body), [
      'date-day: The date the episode closed must be on or after the last work recorded in it: the end of a child in need plan on 16 November 2026',
      'reason: The episode had a section 47 enquiry, a conference or a plan, so it was not closed straight after the assessment: choose another reason, such as RC7',
    ]);
    assert.match(rc8.body, /value="RC8" checked/);
    const noReason = await submitForm(w, close, { ...dateInput('date', '2026-11-16') });
    assert.deepEqual(errorSummary(noReason.body), ['reason: Select the reason for closing the episode']);
    assert.equal((await submitForm(w, close, { ...dateInput('date', '2026-11-16'), reason: 'RC7' })).status, 303);
    const [episode] = await t.db.query<{ closure_date: string; closure_reason: string }>('select closure_date, closure_reason from cin_episodes where id = $1', [episodeId]);
    assert.deepEqual(episode, { closure_date: '2026-11-16', closure_reason: 'RC7' });

    const open = (await obligationsOf(t, personId)).filter((o) => !o.met_on && !o.lapsed_on).map((o) => o.rule);
    // Issue 9: closure ends the open allocation, so case supervision (which follows the allocation) stops too.
    assert.deepEqual(open, [], 'nothing of the episode is left owing, and the allocation it ended owes no supervision');
    for (const p of ['/visits/new', '/assessments/new', '/strategy-discussions/new', '/close']) {
      const refused = await w.get(child(p));
      assert.equal(refused.status, 409, p);
      assert.match(refused.body, /no open child in need episode/);
    }
    const audit = await t.db.query<{ subject_type: string; action: string }>("select subject_type, action from audit_events where person_id = $1 and action in ('create', 'update') and subject_type not in ('contact', 'person') order by id", [personId]);
    assert.deepEqual(
      audit.map((a) => `${a.action} ${a.subject_type}`),
      [
        'create cin_episode',
        'update cin_episode',
        'create assessment',
        'create strategy_discussion',
        'create s47_enquiry',
        'update s47_enquiry',
        'create initial_cp_conference',
        'create cp_plan',
        'update assessment',
        'create visit',
        'update visit',
        'create core_group',
        'create visit',
        'create core_group',
        'create cp_review',
        'update cp_plan',
        'create cp_review',
        'update cp_plan',
        'create cin_plan',
        'create cin_plan_review',
        'update cin_plan',
        'update cin_episode',
        'update allocation', // issue 9: closure ends the open allocation, audited with it
      ],
      'every write audited, once',
    );
  });
});
