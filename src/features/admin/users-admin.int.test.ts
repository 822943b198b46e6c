/**
 * The administrator's users (/admin/users): add (once only, with the house's password rule),
 * change team and roles, deactivate (every session ends at once), reactivate, reset a password,
 * unlock after failed sign-ins. Every change audited in its transaction; stale forms refused (409);
 * everyone but an administrator gets 404.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { errorSummary, hiddenValue } from '../../../test/support/browserless.js';
import { checkedValues, selectedOption, tableRows } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

interface AuditRow {
  user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  detail: Record<string, unknown>;
}

describe('administration: users', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.close();
  });

  const audits = (action: string, subjectId: string) => t.db.query<AuditRow>(`select user_id, action, subject_type, subject_id, detail from audit_events where action = $1 and subject_id = $2 order by id`, [action, subjectId]);

  async function addUser(fields: Record<string, string | string[]>) {
    const client = await t.as('admin');
    const form = await client.get('/admin/users/new');
    assert.equal(form.status, 200);
    const formToken = hiddenValue(form.body, 'formToken')!;
    const res = await client.post('/admin/users', { formToken, ...fields });
    return { client, res, formToken };
  }

  test('add a user: audited, once only (a double submit goes to the same user), and they can sign in', async () => {
    const { client, res, formToken } = await addUser({ name: 'Nia New', username: 'nia.new', email: 'nia@example.gov.uk', teamId: t.ids['team:Assessment']!, roles: ['social_worker', 'team_manager'], password: 'a temporary password' });
    assert.equal(res.status, 303);
    const id = /^\/admin\/users\/([0-9a-f-]{36})\?done=added$/.exec(res.location!)?.[1];
    assert.ok(id, res.location!);
    const again = await client.post('/admin/users', { formToken, name: 'Nia New', username: 'nia.new', teamId: t.ids['team:Assessment']!, roles: ['social_worker'], password: 'a temporary password' });
    assert.equal(again.status, 303);
    assert.equal(again.location, res.location, 'the second submission goes where the first went');
    assert.equal((await t.db.query(`select 1 from users where username = 'nia.new'`)).length, 1);
    const page = await client.get(res.location!);
    assert.equal(page.status, 200);
    assert.match(page.body, /User added/);
    assert.match(page.body, /Social worker, Team manager/);
    const [audit] = await audits('user-added', id);
    assert.equal(audit!.user_id, t.ids.admin);
    assert.deepEqual(audit!.detail, { via: 'web', username: 'nia.new', roles: ['social_worker', 'team_manager'], teamId: t.ids['team:Assessment'] });
    const nia = t.anonymous();
    await nia.signIn('nia.new', 'a temporary password');
    assert.equal((await nia.get('/')).status, 200);
  });

  test('add a user with bad input: 400, the error summary, the values kept (never the password)', async () => {
    const { res } = await addUser({ name: '', username: 'Bad Name', email: 'not-an-email', teamId: '', password: 'short' });
    assert.equal(res.status, 400);
    assert.deepEqual(errorSummary(res.body), [
      'name: Enter the person’s name',
      'username: Username must be 2 to 64 lower-case letters, digits, dots, dashes or underscores',
      'email: Enter an email address in the correct format, like name@example.gov.uk',
      'roles: Select at least one role',
      'password: Password must be at least 12 characters',
    ]);
    assert.match(res.body, /value="Bad Name"/);
    assert.doesNotMatch(res.body, /value="short"/);
    const taken = await addUser({ name: 'Another Worker', username: 'worker', roles: ['social_worker'], password: 'long enough password' });
    assert.equal(taken.res.status, 400);
    assert.deepEqual(errorSummary(taken.res.body), ['username: There is already a user called worker']);
    assert.deepEqual(checkedValues(taken.res.body, 'roles'), ['social_worker']);
  });

  test('the list shows name, username, roles, team, status and last sign-in; it can be narrowed', async () => {
    const client = await t.as('admin');
    const page = await client.get('/admin/users');
    assert.equal(page.status, 200);
    const rows = tableRows(page.body, 'users');
    const wendy = rows.find((r) => r[0] === 'Wendy Worker');
    assert.deepEqual(wendy?.slice(0, 5), ['Wendy Worker', 'worker', 'Social worker', 'Assessment', 'Active']);
    const found = await client.get('/admin/users?q=tariq');
    assert.deepEqual(tableRows(found.body, 'users').map((r) => r[1]), ['teammgr']);
    const team = await client.get(`/admin/users?team=${t.ids['team:MASH']}`);
    assert.deepEqual(tableRows(team.body, 'users').map((r) => r[1]).sort(), ['mash', 'mash2']);
  });

  test('change team and roles: audited from and to, and the version moves on', async () => {
    const client = await t.as('admin');
    const id = t.ids.otherworker!;
    let page = await client.get(`/admin/users/${id}`);
    const version = hiddenValue(page.body, 'version', `/admin/users/${id}/team`)!;
    const moved = await client.post(`/admin/users/${id}/team`, { teamId: t.ids['team:Assessment']!, version });
    assert.equal(moved.status, 303);
    assert.equal(moved.location, `/admin/users/${id}?done=team`);
    page = await client.get(moved.location!);
    assert.equal(selectedOption(page.body, 'teamId'), t.ids['team:Assessment']);
    const [teamAudit] = await audits('user-team-changed', id);
    assert.deepEqual(teamAudit!.detail, { via: 'web', username: 'otherworker', from: 'Other Team', to: 'Assessment' });
    const v2 = hiddenValue(page.body, 'version', `/admin/users/${id}/roles`)!;
    assert.equal(Number(v2), Number(version) + 1);
    const roles = await client.post(`/admin/users/${id}/roles`, { roles: ['social_worker', 'iro'], version: v2 });
    assert.equal(roles.status, 303);
    const [rolesAudit] = await audits('user-roles-changed', id);
    assert.deepEqual(rolesAudit!.detail, { via: 'web', username: 'otherworker', from: ['social_worker'], to: ['iro', 'social_worker'] });
    assert.deepEqual(await t.services.users.rolesOf(id).then((r) => r.sort()), ['iro', 'social_worker']);
    // No role at all: 400 with the summary.
    page = await client.get(`/admin/users/${id}`);
    const none = await client.post(`/admin/users/${id}/roles`, { version: hiddenValue(page.body, 'version', `/admin/users/${id}/roles`)! });
    assert.equal(none.status, 400);
    assert.deepEqual(errorSummary(none.body), ['roles: Select at least one role']);
  });

  test('a stale form is refused with 409 and changes nothing', async () => {
    const client = await t.as('admin');
    const id = t.ids.analyst!;
    const page = await client.get(`/admin/users/${id}`);
    const version = hiddenValue(page.body, 'version', `/admin/users/${id}/team`)!;
    assert.equal((await client.post(`/admin/users/${id}/team`, { teamId: t.ids['team:Assessment']!, version })).status, 303);
    const stale = await client.post(`/admin/users/${id}/roles`, { roles: ['administrator'], version }, { page: page.body });
    assert.equal(stale.status, 409);
    assert.match(stale.body, /Ana Lyst’s account was changed by someone else/);
    assert.deepEqual(await t.services.users.rolesOf(id), ['performance_analyst']);
  });

  test('deactivate: every session ends at once (the next request goes to sign-in), sign-in is refused; reactivate lets them back', async () => {
    const iro = await t.as('iro');
    const iroOnPhone = await t.as('iro');
    assert.equal((await iro.get('/')).status, 200);
    const client = await t.as('admin');
    const id = t.ids.iro!;
    const page = await client.get(`/admin/users/${id}`);
    const res = await client.post(`/admin/users/${id}/deactivate`, { version: hiddenValue(page.body, 'version', `/admin/users/${id}/deactivate`)! });
    assert.equal(res.status, 303);
    assert.equal((await t.db.query(`select 1 from sessions where user_id = $1`, [id])).length, 0, 'no session is left');
    for (const session of [iro, iroOnPhone]) {
      const next = await session.get('/');
      assert.equal(next.status, 302);
      assert.match(next.location!, /^\/sign-in/);
    }
    await assert.rejects(t.as('iro'), /sign-in as iro failed/);
    const [audit] = await audits('user-deactivated', id);
    assert.deepEqual(audit!.detail, { via: 'web', username: 'iro', sessionsEnded: 2 });
    const list = await client.get('/admin/users');
    assert.deepEqual(tableRows(list.body, 'users').find((r) => r[1] === 'iro')?.[4], 'Deactivated');

    const again = await client.get(`/admin/users/${id}`);
    const back = await client.post(`/admin/users/${id}/reactivate`, { version: hiddenValue(again.body, 'version', `/admin/users/${id}/reactivate`)! });
    assert.equal(back.status, 303);
    assert.equal((await audits('user-reactivated', id)).length, 1);
    assert.equal((await (await t.as('iro')).get('/')).status, 200);
  });

  test('an administrator cannot deactivate themselves or take away their own administrator role', async () => {
    const client = await t.as('admin');
    const id = t.ids.admin!;
    const page = await client.get(`/admin/users/${id}`);
    assert.match(page.body, /You cannot deactivate your own account/);
    const version = hiddenValue(page.body, 'version', `/admin/users/${id}/roles`)!;
    const res = await client.post(`/admin/users/${id}/deactivate`, { version });
    assert.equal(res.status, 400);
    const roles = await client.post(`/admin/users/${id}/roles`, { roles: ['social_worker'], version });
    assert.equal(roles.status, 400);
    assert.deepEqual(errorSummary(roles.body), ['roles: You cannot remove the administrator role from yourself']);
  });

  test('reset a password: the old one stops working, their sessions end, the new one works; the rule is the house’s', async () => {
    const mash2 = await t.as('mash2');
    const client = await t.as('admin');
    const id = t.ids.mash2!;
    const page = await client.get(`/admin/users/${id}`);
    const version = hiddenValue(page.body, 'version', `/admin/users/${id}/password`)!;
    const short = await client.post(`/admin/users/${id}/password`, { password: 'too short', version });
    assert.equal(short.status, 400);
    assert.deepEqual(errorSummary(short.body), ['password: Password must be at least 12 characters']);
    const res = await client.post(`/admin/users/${id}/password`, { password: 'a brand new password', version });
    assert.equal(res.status, 303);
    assert.equal((await mash2.get('/')).status, 302, 'their session ended');
    await assert.rejects(t.as('mash2'), /sign-in as mash2 failed/);
    await t.anonymous().signIn('mash2', 'a brand new password');
    const [audit] = await audits('user-password-reset', id);
    assert.equal(audit!.user_id, t.ids.admin);
    assert.equal(audit!.detail.via, 'web');
    assert.equal(JSON.stringify(audit!.detail).includes('brand new'), false, 'the password is never audited');
  });

  test('unlock: a user locked out by failed sign-ins is shown as locked and can sign in at once after unlocking', async () => {
    const id = t.ids.servicemgr!;
    const stranger = t.anonymous();
    await stranger.get('/sign-in');
    for (let i = 0; i < t.config.signIn.maxFailures; i++) {
      assert.equal((await stranger.post('/sign-in', { username: 'servicemgr', password: 'not the password', next: '/' })).status, 400);
    }
    await assert.rejects(t.as('servicemgr'), /failed/);
    const client = await t.as('admin');
    const home = await client.get('/');
    assert.match(home.body, /Locked out[\s\S]*Sue Service/);
    const page = await client.get(`/admin/users/${id}`);
    assert.match(page.body, /Locked out/);
    const res = await client.post(`/admin/users/${id}/unlock`, { version: hiddenValue(page.body, 'version', `/admin/users/${id}/unlock`)! });
    assert.equal(res.status, 303);
    assert.equal((await (await t.as('servicemgr')).get('/')).status, 200);
    const [audit] = await audits('user-unlocked', id);
    assert.equal(audit!.detail.username, 'servicemgr');
    assert.ok((audit!.detail.cleared as number) >= t.config.signIn.maxFailures);
  });

  test('access: only an administrator (404 for everyone else, for each page and form)', async () => {
    const id = t.ids.mash!;
    for (const user of ['worker', 'teammgr', 'servicemgr', 'analyst', 'mash', 'commissioner']) {
      const client = await t.as(user);
      for (const path of ['/admin', '/admin/users', '/admin/users/new', `/admin/users/${id}`]) assert.equal((await client.get(path)).status, 404, `${user} ${path}`);
      await client.get('/');
      assert.equal((await client.post('/admin/users', { name: 'X', username: 'xx', roles: ['administrator'], password: 'long enough password', formToken: crypto.randomUUID() })).status, 404, user);
      for (const action of ['team', 'roles', 'deactivate', 'reactivate', 'password', 'unlock']) {
        assert.equal((await client.post(`/admin/users/${id}/${action}`, { roles: ['administrator'], password: 'long enough password', version: '1' })).status, 404, `${user} ${action}`);
      }
    }
    assert.equal((await t.db.query(`select 1 from users where username = 'xx'`)).length, 0);
    assert.equal((await t.db.query(`select 1 from user_roles where user_id = $1 and role = 'administrator'`, [id])).length, 0);
    assert.equal((await (await t.as('admin')).get(`/admin/users/${crypto.randomUUID()}`)).status, 404);
    assert.equal((await (await t.as('admin')).get('/admin/users/not-an-id')).status, 404);
  });
});
