/**
 * Early help (issue 9) on the real app: the MASH decision "early help" opens an episode, the front
 * door allocates it to an early help team, a lead practitioner and a service; the lead practitioner
 * records reviews (the review rule met, the next due) and steps up to children's social care (a
 * contact at the front door, the episode ended); a step down's episode is closed with an outcome; a
 * stale edit is refused; who may see the child agrees between the page and the search.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { errorSummary } from '../../../test/support/browserless.js';
import { dateInput, obligationsOf, submitForm } from '../../../test/support/casework.js';
import { decideViaPage, principalOf, seedContact } from '../../../test/support/front-door.js';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../../../test/support/test-app.js';
import { rowsOf } from '../../db/database.js';
import { decideChildAccess } from '../../domain/access/index.js';
import { londonDateOf } from '../../domain/time/index.js';
import { visibleChildSql } from '../search/child-visibility.js';

describe('early help', () => {
  let t: TestApp;
  const children: Record<string, string> = {};
  before(async () => {
    // Monday 23 November 2026.
    t = await createTestApp();
    await t.services.users.addTeam({ name: 'Early Help North', kind: 'team', parentName: 'Children’s Services' });
    for (const x of await t.services.users.listTeams()) t.ids[`team:${x.name}`] = x.id;
    t.ids.lead = await t.services.users.addUser({ username: 'lead', displayName: 'Lee Lead', password: TEST_PASSWORD, roles: ['social_worker'], teamName: 'Early Help North' });
    t.ids.ehcolleague = await t.services.users.addUser({ username: 'ehcolleague', displayName: 'Eve Colleague', password: TEST_PASSWORD, roles: ['social_worker'], teamName: 'Early Help North' });
  });
  after(async () => t.close());

  const allocate = (client: Awaited<ReturnType<TestApp['as']>>, personId: string, fields: Record<string, string> = {}) =>
    submitForm(client, `/children/${personId}/early-help/allocate`, { teamId: t.ids['team:Early Help North']!, workerId: t.ids.lead!, service: 'targeted_family_support', ...fields });

  test('the MASH decision opens an episode; the front door allocates it; the lead practitioner sees it on the child’s page and the worktray', async () => {
    const { contactId, personId } = await seedContact(t, { person: { givenName: 'Early', familyName: 'Helpson', dateOfBirth: '2018-02-01' } });
    children.allocated = personId;
    const mash = await t.as('mash');
    const decided = await decideViaPage(mash, contactId, { decision: 'early_help', rationale: 'Below the threshold; family agree to support' });
    assert.equal(decided.location, `/contacts/${contactId}`);
    assert.match((await mash.get(`/contacts/${contactId}`)).body, /Allocate the early help episode/);
    const [episode] = await t.db.query<{ start_date: string; from_contact_id: string; team_id: string | null }>('select start_date, from_contact_id, team_id from early_help_episodes where person_id = $1', [personId]);
    assert.deepEqual(episode, { start_date: '2026-11-23', from_contact_id: contactId, team_id: null });
    assert.deepEqual((await obligationsOf(t, personId, ['early-help-review'])).map((o) => o.due_on), ['2027-01-04'], '6 weeks (42 days) from 23 November 2026');

    // Waiting for a team: on the front door's worktray, linked to its allocation.
    const waiting = await mash.get('/front-door');
    assert.match(waiting.body, /1 early help episode waiting for a team/);
    assert.match(waiting.body, new RegExp(`href="/children/${personId}/early-help/allocate">Early Helpson`));

    const wrong = await allocate(mash, personId, { workerId: t.ids.worker! });
    assert.equal(wrong.status, 400);
    assert.deepEqual(errorSummary(wrong.body), ['workerId: Select a lead practitioner in the chosen team']);
    assert.equal((await allocate(mash, personId)).status, 303);
    const [allocated] = await t.db.query<{ team_id: string; worker_id: string; service: string }>('select team_id, worker_id, service from early_help_episodes where person_id = $1', [personId]);
    assert.deepEqual(allocated, { team_id: t.ids['team:Early Help North'], worker_id: t.ids.lead, service: 'targeted_family_support' });
    assert.equal((await mash.get(`/children/${personId}/early-help/allocate`)).status, 409, 'allocated: early help’s own now, not the front door’s');
    assert.match((await mash.get('/front-door')).body, /No early help is waiting for a team\./);

    const lead = await t.as('lead');
    const page = await lead.get(`/children/${personId}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Record an early help review/);
    assert.match(page.body, /Targeted family support/);
    assert.match((await lead.get('/')).body, /Early help review/, 'on the lead practitioner’s worktray');
    const visit = await lead.get(`/children/${personId}/visits/new`);
    assert.equal(visit.status, 409, 'the journey answers first to whoever may view: no child in need episode is open');
    assert.equal(decideChildAccess(await principalOf(t, 'lead'), 'record', await t.services.access.childFacts(t.db.db, personId)).allow, false, 'early help does not record children’s social care’s work');
    assert.equal((await (await t.as('otherworker')).get(`/children/${personId}`)).status, 404);
    assert.match((await (await t.as('servicemgr')).get('/team?team=' + t.ids['team:Early Help North'])).body, /Early help review/, 'on the team worktray');
  });

  test('a review meets the rule and the next falls due 6 weeks later; a review before the start is refused', async () => {
    const personId = children.allocated!;
    const lead = await t.as('lead');
    const path = `/children/${personId}/early-help/reviews/new`;
    const early = await submitForm(lead, path, { ...dateInput('date', '2026-11-20'), outcome: 'continue', notes: 'Too early' });
    assert.deepEqual(errorSummary(early.body), ['date-day: The date of the review must be on or after early help started on 23 November 2026']);
    const empty = await submitForm(lead, path, {});
    assert.equal(empty.status, 400);
    t.clock.set(new Date('2026-12-02T10:00:00Z'));
    const lateLead = await t.as('lead');
    assert.equal((await submitForm(lateLead, path, { ...dateInput('date', '2026-12-01'), outcome: 'step_up', notes: 'Neglect is worsening despite support' })).status, 303);
    assert.deepEqual(
      (await obligationsOf(t, personId, ['early-help-review'])).map((o) => [o.due_on, o.met_on]),
      [
        ['2027-01-04', '2026-12-01'],
        ['2027-01-12', null],
      ],
      'met on 1 December 2026; the next 6 weeks from it',
    );
    t.clock.set(new Date('2026-11-23T10:00:00Z'));
    assert.match((await (await t.as('lead')).get(`/children/${personId}`)).body, /Early help review: consider a step up/);
  });

  test('a step up: a contact from early help awaits the MASH decision, and the episode ends', async () => {
    const personId = children.allocated!;
    t.clock.set(new Date('2026-12-02T10:00:00Z'));
    const lead = await t.as('lead');
    const path = `/children/${personId}/early-help/step-up`;
    const form = await lead.get(path);
    const before = await submitForm(lead, path, { ...dateInput('date', '2026-11-30'), concerns: 'Worse' }, { page: form.body });
    assert.deepEqual(errorSummary(before.body), ['date-day: The date of the step up must be on or after 1 December 2026, the last thing recorded in early help']);
    assert.equal((await submitForm(lead, path, { ...dateInput('date', '2026-12-02'), concerns: 'Home conditions worse; child hungry at school' }, { page: form.body })).status, 303);
    const [ended] = await t.db.query<{ end_date: string; end_reason: string; step_up_contact_id: string }>('select end_date, end_reason, step_up_contact_id from early_help_episodes where person_id = $1', [personId]);
    assert.equal(ended!.end_date, '2026-12-02');
    assert.equal(ended!.end_reason, 'step_up');
    const [contact] = await t.db.query<{ id: string; source: string; decision: string | null; concerns: string }>('select id, source, decision, concerns from contacts where id = $1', [ended!.step_up_contact_id]);
    assert.deepEqual(contact, { id: ended!.step_up_contact_id, source: '5D', decision: null, concerns: 'Home conditions worse; child hungry at school' });
    assert.match((await (await t.as('mash')).get('/front-door')).body, /Early Helpson/, 'on the front door’s queue');
    assert.equal((await submitForm(lead, path, { ...dateInput('date', '2026-12-02'), concerns: 'Again' }, { page: form.body.replace(/name="formToken" value="[^"]+"/, `name="formToken" value="${crypto.randomUUID()}"`) })).status, 404, 'no episode left to step up, and early help’s sight ended with it');
    const owing = (await obligationsOf(t, personId, ['early-help-review'])).filter((o) => !o.met_on && !o.lapsed_on);
    assert.deepEqual(owing, [], 'the review chain stops with the episode');
    t.clock.set(new Date('2026-11-23T10:00:00Z'));
  });

  test('closure with an outcome; a stale closure is refused', async () => {
    const { contactId, personId } = await seedContact(t, { person: { givenName: 'Closing', familyName: 'Helpson', dateOfBirth: '2017-03-01' } });
    children.closed = personId;
    const mash = await t.as('mash');
    await decideViaPage(mash, contactId, { decision: 'early_help' });
    assert.equal((await allocate(mash, personId)).status, 303);
    const lead = await t.as('lead');
    const path = `/children/${personId}/early-help/close`;
    const stalePage = await lead.get(path);
    // A colleague in the team changes the episode (the service) after the lead opened the closure.
    assert.equal((await allocate(await t.as('ehcolleague'), personId, { service: 'family_hub' })).status, 303);
    const stale = await submitForm(lead, path, { ...dateInput('date', '2026-11-23'), outcome: 'outcomes_met', summary: 'Done' }, { page: stalePage.body });
    assert.deepEqual([stale.status, errorSummary(stale.body)], [409, []]);
    assert.equal((await submitForm(lead, path, { ...dateInput('date', '2026-11-23'), outcome: 'outcomes_met', summary: 'Routines in place; school attendance 96%' })).status, 303);
    const [closed] = await t.db.query<{ end_reason: string; closure_summary: string }>('select end_reason, closure_summary from early_help_episodes where person_id = $1', [personId]);
    assert.deepEqual(closed, { end_reason: 'outcomes_met', closure_summary: 'Routines in place; school attendance 96%' });
    const audit = await t.db.query<{ action: string; subject_type: string }>("select action, subject_type from audit_events where person_id = $1 and subject_type = 'early_help_episode' order by id", [personId]);
    assert.deepEqual(audit.map((a) => `${a.action} ${a.subject_type}`), ['create early_help_episode', 'update early_help_episode', 'update early_help_episode', 'update early_help_episode']);
  });

  test('the search’s predicate agrees with the decision for early help children', async () => {
    const { contactId, personId } = await seedContact(t, { person: { givenName: 'Waiting', familyName: 'Helpson', dateOfBirth: '2019-03-01' } });
    children.unallocated = personId;
    await decideViaPage(await t.as('mash'), contactId, { decision: 'early_help' });
    const { contactId: c2, personId: p2 } = await seedContact(t, { person: { givenName: 'Open', familyName: 'Helpson', dateOfBirth: '2019-04-01' } });
    children.open = p2;
    await decideViaPage(await t.as('mash'), c2, { decision: 'early_help' });
    assert.equal((await allocate(await t.as('mash'), p2)).status, 303);
    const window = { asOf: londonDateOf(t.clock.now()), recentDays: await t.services.settings.frontDoorRecentDays() };
    const disagreements: string[] = [];
    for (const username of ['lead', 'ehcolleague', 'servicemgr', 'teammgr', 'worker', 'otherworker', 'mash', 'iro', 'analyst']) {
      const principal = await principalOf(t, username);
      const ids = Object.values(children);
      const result = await t.db.db.execute(sql`select p.id from people p where p.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) and ${visibleChildSql(principal, sql`p.id`, window)}`);
      const bySql = new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
      for (const [key, id] of Object.entries(children)) {
        const decision = decideChildAccess(principal, 'view', await t.services.access.childFacts(t.db.db, id));
        if (decision.allow !== bySql.has(id)) disagreements.push(`${username} × ${key}: decision ${decision.allow} (${decision.reason}), SQL ${bySql.has(id)}`);
      }
    }
    assert.deepEqual(disagreements, []);
    const lead = await principalOf(t, 'lead');
    assert.equal(decideChildAccess(lead, 'view', await t.services.access.childFacts(t.db.db, children.open!)).reason, 'early help lead practitioner');
    assert.equal(decideChildAccess(await principalOf(t, 'ehcolleague'), 'early-help', await t.services.access.childFacts(t.db.db, children.open!)).reason, 'member of the early help team');
  });
});
