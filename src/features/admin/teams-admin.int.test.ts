/**
 * The administrator's teams (/admin/teams) and home ("users and teams" at '/'): the hierarchy with
 * parent, front-door flag, workers and manager; adding a team (once only); changing its name, parent
 * or flag (audited, never under itself, stale forms refused); 404 for everyone else.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { errorSummary, hiddenValue } from '../../../test/support/browserless.js';
import { tableRows } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

describe('administration: teams and the administrator’s home', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.close();
  });

  const audits = (action: string, subjectId: string) =>
    t.db.query<{ user_id: string | null; detail: Record<string, unknown> }>(`select user_id, detail from audit_events where action = $1 and subject_id = $2 order by id`, [action, subjectId]);

  test('the hierarchy: each team under its parent, with its kind, front-door flag, active users and manager', async () => {
    const client = await t.as('admin');
    const page = await client.get('/admin/teams');
    assert.equal(page.status, 200);
    assert.deepEqual(tableRows(page.body, 'teams'), [
      ['Children’s Services', 'Service', 'None (top level)', '', '1 active users in Children’s Services', 'None'],
      ['Assessment', 'Team', 'Children’s Services', '', '2 active users in Assessment', 'Tariq Manager'],
      ['MASH', 'Team', 'Children’s Services', 'Front door', '2 active users in MASH', 'None'],
      ['Other Team', 'Team', 'None (top level)', '', '1 active users in Other Team', 'None'],
    ]);
  });

  test('add a team: audited, once only, and it appears under its parent', async () => {
    const client = await t.as('admin');
    const form = await client.get('/admin/teams/new');
    const formToken = hiddenValue(form.body, 'formToken')!;
    const fields = { formToken, name: 'Assessment North', kind: 'team', parentId: t.ids['team:Assessment']!, isFrontDoor: '' };
    const res = await client.post('/admin/teams', fields);
    assert.equal(res.status, 303);
    const again = await client.post('/admin/teams', fields);
    assert.equal(again.status, 303);
    assert.equal(again.location, res.location);
    const id = /added=([0-9a-f-]{36})$/.exec(res.location!)![1]!;
    const list = await client.get(res.location!);
    assert.match(list.body, /Assessment North added\./);
    assert.deepEqual(tableRows(list.body, 'teams').map((r) => [r[0], r[2]]).slice(0, 3), [
      ['Children’s Services', 'None (top level)'],
      ['Assessment', 'Children’s Services'],
      ['Assessment North', 'Assessment'],
    ]);
    const [audit] = await audits('team-added', id);
    assert.equal(audit!.user_id, t.ids.admin);
    assert.deepEqual(audit!.detail, { via: 'web', name: 'Assessment North', kind: 'team', parentId: t.ids['team:Assessment'], isFrontDoor: false });
  });

  test('add a team with bad input: 400 with the summary; a name already taken', async () => {
    const client = await t.as('admin');
    const form = await client.get('/admin/teams/new');
    const empty = await client.post('/admin/teams', { formToken: hiddenValue(form.body, 'formToken')!, name: '', kind: '' });
    assert.equal(empty.status, 400);
    assert.deepEqual(errorSummary(empty.body), ['name: Enter the team’s name', 'kind: Select whether this is a team or a service']);
    const taken = await client.post('/admin/teams', { formToken: hiddenValue(empty.body, 'formToken')!, name: 'MASH', kind: 'team' });
    assert.equal(taken.status, 400);
    assert.deepEqual(errorSummary(taken.body), ['name: There is already a team called MASH']);
  });

  test('change a team: rename, move, front-door flag; audited; never under itself; stale forms refused', async () => {
    const client = await t.as('admin');
    const id = t.ids['team:Other Team']!;
    const page = await client.get(`/admin/teams/${id}`);
    assert.equal(page.status, 200);
    const version = hiddenValue(page.body, 'version', `/admin/teams/${id}`)!;
    const res = await client.post(`/admin/teams/${id}`, { name: 'Children in Care', parentId: t.ids['team:Children’s Services']!, isFrontDoor: '', version });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/admin/teams?changed=${id}`);
    const [audit] = await audits('team-changed', id);
    assert.deepEqual(audit!.detail, {
      via: 'web',
      name: 'Children in Care',
      from: { name: 'Other Team', parentId: null, parent: null, isFrontDoor: false },
      to: { name: 'Children in Care', parentId: t.ids['team:Children’s Services'], parent: 'Children’s Services', isFrontDoor: false },
    });
    const stale = await client.post(`/admin/teams/${id}`, { name: 'Something Else', parentId: '', version }, { page: page.body });
    assert.equal(stale.status, 409);
    assert.equal((await t.services.users.getTeam(id))!.name, 'Children in Care');

    // The service cannot go under one of its own teams.
    const service = t.ids['team:Children’s Services']!;
    const servicePage = await client.get(`/admin/teams/${service}`);
    const loop = await client.post(`/admin/teams/${service}`, { name: 'Children’s Services', parentId: t.ids['team:Assessment']!, version: hiddenValue(servicePage.body, 'version', `/admin/teams/${service}`)! });
    assert.equal(loop.status, 400);
    assert.deepEqual(errorSummary(loop.body), ['parentId: A team cannot sit under itself or under one of its own teams']);
    const blank = await client.post(`/admin/teams/${service}`, { name: ' ', parentId: '', version: hiddenValue(servicePage.body, 'version', `/admin/teams/${service}`)! });
    assert.equal(blank.status, 400);
    assert.deepEqual(errorSummary(blank.body), ['name: Enter the team’s name']);
  });

  test('the administrator’s home answers “users and teams”: users by role, teams, never signed in, locked out, recent changes', async () => {
    const client = await t.as('admin');
    const home = await client.get('/');
    assert.equal(home.status, 200);
    assert.match(home.body, /<h1 class="govuk-heading-l">Users and teams<\/h1>/);
    assert.match(home.body, /10 active users in \d+ teams and services/);
    assert.match(home.body, /Social worker<\/th>\s*<td class="govuk-table__cell govuk-table__cell--numeric">2</);
    assert.match(home.body, /Never signed in[\s\S]*Wendy Worker/);
    assert.match(home.body, /Nobody is locked out\./);
    assert.match(home.body, /Recent changes[\s\S]*Team changed[\s\S]*Children in Care[\s\S]*Adam Admin/);
    assert.match(home.body, /href="\/admin\/settings">Local timescales and settings/);
    assert.match(home.body, /class="govuk-service-navigation__link" href="\/" aria-current="true">\s*<strong class="govuk-service-navigation__active-fallback">Users and teams</);
    // The same page at /admin.
    assert.match((await client.get('/admin')).body, /<h1 class="govuk-heading-l">Users and teams<\/h1>/);
    // Someone who is an administrator and a team manager keeps their worktray at '/', with "Users and teams" beside it.
    await t.services.users.setUserRoles(t.ids.teammgr!, ['team_manager', 'administrator'], null, { userId: t.ids.admin!, via: 'web' });
    const both = await (await t.as('teammgr')).get('/');
    assert.match(both.body, /My worktray/);
    assert.match(both.body, /class="govuk-service-navigation__link" href="\/admin">\s*Users and teams/);
    assert.doesNotMatch(both.body, /<h1 class="govuk-heading-l">Users and teams<\/h1>/);
  });

  test('access: only an administrator (404 for everyone else, for each page and form)', async () => {
    const id = t.ids['team:MASH']!;
    for (const user of ['worker', 'servicemgr', 'analyst', 'mash', 'iro']) {
      const client = await t.as(user);
      for (const path of ['/admin/teams', '/admin/teams/new', `/admin/teams/${id}`]) assert.equal((await client.get(path)).status, 404, `${user} ${path}`);
      await client.get('/');
      assert.equal((await client.post('/admin/teams', { name: 'Rogue', kind: 'team', formToken: crypto.randomUUID() })).status, 404, user);
      assert.equal((await client.post(`/admin/teams/${id}`, { name: 'Rogue', version: '1' })).status, 404, user);
    }
    assert.equal((await t.services.users.getTeam(id))!.name, 'MASH');
  });
});
