import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';
import { SIGNED_IN_TTL_MS } from './signed-in-cache.js';

/**
 * Who is asking is kept in memory per session (signed-in-cache.ts): these tests pin down when it
 * is forgotten, because a cache that outlives a deactivation or a change of role is an access hole.
 */
describe('the signed-in cache', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  /**
   * Requests until the session is cached. On PostgreSQL every pooled connection hears each change,
   * the idle ones a moment later, so a load that overlaps a late echo of an earlier change is not
   * cached (by design: it may have read the state before the change).
   */
  async function requestUntilCached(client: Awaited<ReturnType<TestApp['as']>>): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      assert.equal((await client.get('/')).status, 200);
      if (t.services.signedIn.size() > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.fail('the session was never cached');
  }

  test('a signed-in request is remembered, and any change to users, roles, teams or sessions forgets it before the change returns', async () => {
    const worker = await t.as('worker');
    await requestUntilCached(worker);
    for (const change of [
      ["update users set display_name = display_name where username = 'worker'", 'users'],
      ["update user_roles set role = role where user_id = (select id from users where username = 'worker')", 'user_roles'],
      ["update teams set name = name where name = 'Assessment'", 'teams'],
      ["delete from sessions where user_id = (select id from users where username = 'nobody')", 'sessions'],
    ] as const) {
      await requestUntilCached(worker);
      await t.db.query(change[0]);
      assert.equal(t.services.signedIn.size(), 0, `a change to ${change[1]} empties the cache at commit`);
    }
  });

  test('a change the database did not announce is picked up within SIGNED_IN_TTL_MS, and expiry is checked on every request', async () => {
    const analyst = await t.as('analyst');
    await requestUntilCached(analyst);
    // A change behind the notification's back (as if from a server that missed it): silence the trigger.
    await t.db.query('alter table users disable trigger users_auth_change');
    try {
      await t.db.query("update users set active = false where username = 'analyst'");
      assert.equal((await analyst.get('/')).status, 200, 'within the bound the cached principal still answers');
      t.clock.advance(SIGNED_IN_TTL_MS + 1);
      const res = await analyst.get('/');
      assert.equal(res.status, 302, 'after the bound the session is resumed from the database, which refuses a deactivated user');
    } finally {
      await t.db.query("update users set active = true where username = 'analyst'");
      await t.db.query('alter table users enable trigger users_auth_change');
    }

    const iro = await t.as('iro');
    assert.equal((await iro.get('/')).status, 200);
    t.clock.advance((t.config.sessionIdleMinutes + 1) * 60_000);
    assert.equal((await iro.get('/')).status, 302, 'an idle session ends on the cached path too');
    const [left] = await t.db.query<{ n: number }>("select count(*)::int as n from sessions s join users u on u.id = s.user_id where u.username = 'iro'");
    assert.equal(left!.n, 0, 'and its row is deleted');
  });
});
