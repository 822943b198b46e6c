import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sign } from '@fastify/cookie';
import { errorSummary, hiddenValue } from '../../../test/support/browserless.js';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../../../test/support/test-app.js';
import { PRE_SESSION_CSRF_COOKIE, SESSION_COOKIE } from '../../web/session-cookie.js';

/** One Set-Cookie header, split into its value and attributes (lower-cased names). */
interface SetCookie {
  value: string;
  attributes: Map<string, string>;
}

function setCookies(headers: Record<string, unknown>): Map<string, SetCookie> {
  const found = new Map<string, SetCookie>();
  for (const line of ([] as string[]).concat((headers['set-cookie'] as string | string[] | undefined) ?? [])) {
    const [pair, ...attrs] = line.split(';').map((s) => s.trim());
    const eq = pair!.indexOf('=');
    const attributes = new Map<string, string>();
    for (const a of attrs) {
      const i = a.indexOf('=');
      attributes.set((i < 0 ? a : a.slice(0, i)).toLowerCase(), i < 0 ? '' : a.slice(i + 1));
    }
    found.set(pair!.slice(0, eq), { value: pair!.slice(eq + 1), attributes });
  }
  return found;
}

/** The response, with anything that differs on every render (nonces, CSRF tokens) blanked. */
function stable(html: string): string {
  return html.replace(/nonce="[^"]*"/g, 'nonce=""').replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
}

/** A raw request with exactly the cookies given: for replaying or forging cookies a browser would not. */
async function requestWith(t: TestApp, url: string, cookies: Record<string, string>, method: 'GET' | 'POST' = 'GET', form: Record<string, string> = {}) {
  const res = await t.app.inject({
    method,
    url,
    headers: {
      cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; '),
      ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(method === 'POST' ? { payload: new URLSearchParams(form).toString() } : {}),
  });
  return { status: res.statusCode, location: res.headers.location ?? null, body: res.body, headers: res.headers };
}

const MINUTE = 60_000;

/** One sign-in attempt from a given address (and headers), with its own pre-session CSRF cookie: the status. */
async function signInFrom(t: TestApp, address: string, username: string, password: string, headers: Record<string, string> = {}): Promise<number> {
  const page = await t.app.inject({ method: 'GET', url: '/sign-in', remoteAddress: address, headers });
  const csrf = setCookies(page.headers).get(PRE_SESSION_CSRF_COOKIE)!.value;
  const res = await t.app.inject({
    method: 'POST',
    url: '/sign-in',
    remoteAddress: address,
    headers: { ...headers, cookie: `${PRE_SESSION_CSRF_COOKIE}=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: hiddenValue(page.body, '_csrf')!, username, password, next: '/' }).toString(),
  });
  return res.statusCode;
}

describe('sign-in, sessions and sign-out', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  /** Signs a fresh client in and returns it with the session cookie's raw (signed) value. */
  async function signIn(username: string) {
    const client = t.anonymous();
    await client.get('/sign-in');
    const res = await client.post('/sign-in', { username, password: TEST_PASSWORD, next: '/' });
    assert.equal(res.status, 303, `sign-in as ${username}`);
    const session = setCookies(res.headers).get(SESSION_COOKIE);
    assert.ok(session, 'a session cookie is set');
    return { client, cookie: session.value, res };
  }

  async function sessionCount(username: string): Promise<number> {
    const [row] = await t.db.query<{ n: number }>('select count(*)::int as n from sessions s join users u on u.id = s.user_id where u.username = $1', [username]);
    return row!.n;
  }

  test('the sign-in page renders a form with a pre-session CSRF token in an HttpOnly cookie', async () => {
    const page = await t.anonymous().get('/sign-in');
    assert.equal(page.status, 200);
    assert.match(page.body, /<h1[^>]*>Sign in to Hearth<\/h1>/);
    assert.match(page.body, /<form method="post" action="\/sign-in"/);
    assert.ok(hiddenValue(page.body, '_csrf'), 'the form carries a CSRF token');
    assert.equal(hiddenValue(page.body, 'next'), '/');
    const csrf = setCookies(page.headers).get(PRE_SESSION_CSRF_COOKIE);
    assert.ok(csrf, 'the pre-session CSRF cookie is set');
    assert.ok(csrf.attributes.has('httponly'));
    assert.equal(csrf.attributes.get('samesite'), 'Lax');
  });

  test('the right password signs in: 303 and a new HttpOnly, SameSite=Lax, host-only session cookie of at least 256 bits', async () => {
    const { res, cookie } = await signIn('worker');
    assert.equal(res.location, '/');
    const session = setCookies(res.headers).get(SESSION_COOKIE)!;
    assert.ok(session.attributes.has('httponly'), 'HttpOnly');
    assert.equal(session.attributes.get('samesite'), 'Lax');
    assert.equal(session.attributes.get('path'), '/');
    assert.ok(!session.attributes.has('domain'), 'no Domain: the cookie goes to this host only');
    assert.ok(!session.attributes.has('max-age') && !session.attributes.has('expires'), 'a browser-session cookie, not a persistent one');
    assert.ok(!session.attributes.has('secure'), 'Secure is for production only (tested in security.int.test.ts)');
    const token = cookie.slice(0, cookie.lastIndexOf('.'));
    assert.match(token, /^[A-Za-z0-9_-]{43,}$/, '32 random bytes, base64url');
    const home = await requestWith(t, '/', { [SESSION_COOKIE]: cookie });
    assert.equal(home.status, 200);
    assert.match(home.body, /Signed in as Wendy Worker/);
  });

  test('a wrong password is refused with 400 and one message that does not say whether the username exists', async () => {
    const client = t.anonymous();
    await client.get('/sign-in');
    const wrongPassword = await client.post('/sign-in', { username: 'worker', password: 'not the password', next: '/' });
    await client.get('/sign-in');
    const unknownUser = await client.post('/sign-in', { username: 'nosuchuser', password: 'not the password', next: '/' });
    for (const res of [wrongPassword, unknownUser]) {
      assert.equal(res.status, 400);
      assert.deepEqual(errorSummary(res.body), ['username: Enter a correct username and password']);
      assert.ok(!setCookies(res.headers).has(SESSION_COOKIE), 'no session');
    }
    assert.equal(
      stable(wrongPassword.body).replace('value="worker"', 'value="X"'),
      stable(unknownUser.body).replace('value="nosuchuser"', 'value="X"'),
      'the two pages are the same but for the username typed',
    );
    assert.doesNotMatch(unknownUser.body, /not (found|exist|recognised)|unknown user/i);
    assert.doesNotMatch(wrongPassword.body, /not the password/, 'the password is never shown back');
  });

  test('empty fields are refused with 400 and a message for each', async () => {
    const client = t.anonymous();
    await client.get('/sign-in');
    const res = await client.post('/sign-in', { username: '', password: '', next: '/' });
    assert.equal(res.status, 400);
    assert.deepEqual(errorSummary(res.body), ['username: Enter your username', 'password: Enter your password']);
  });

  test(`after SIGN_IN_MAX_FAILURES failures the right password is refused with 429 until the window has passed, for known and unknown usernames alike`, async () => {
    const { maxFailures, windowMinutes } = t.config.signIn;
    assert.equal(maxFailures, 5, 'the default');
    assert.equal(windowMinutes, 15, 'the default');
    const client = t.anonymous();
    for (const username of ['mash2', 'ghost']) {
      for (let i = 0; i < maxFailures; i++) {
        await client.get('/sign-in');
        const failed = await client.post('/sign-in', { username, password: `wrong ${i}`, next: '/' });
        assert.equal(failed.status, 400, `failure ${i + 1} for ${username} is an ordinary refusal`);
      }
    }
    await client.get('/sign-in');
    const refused = await client.post('/sign-in', { username: 'mash2', password: TEST_PASSWORD, next: '/' });
    assert.equal(refused.status, 429);
    assert.deepEqual(errorSummary(refused.body), [`username: Too many failed attempts to sign in. Wait ${windowMinutes} minutes, then try again, or ask your administrator to help.`]);
    assert.ok(!setCookies(refused.headers).has(SESSION_COOKIE));
    await client.get('/sign-in');
    const ghost = await client.post('/sign-in', { username: 'ghost', password: TEST_PASSWORD, next: '/' });
    assert.equal(ghost.status, 429, 'an unknown username is throttled the same way: throttling is no existence oracle');
    assert.equal(stable(ghost.body).replace('value="ghost"', 'value="X"'), stable(refused.body).replace('value="mash2"', 'value="X"'));

    t.clock.advance((windowMinutes - 1) * MINUTE);
    await client.get('/sign-in');
    assert.equal((await client.post('/sign-in', { username: 'mash2', password: TEST_PASSWORD, next: '/' })).status, 429, 'still refused inside the window');

    t.clock.advance(1 * MINUTE + 1000);
    await client.get('/sign-in');
    const allowed = await client.post('/sign-in', { username: 'mash2', password: TEST_PASSWORD, next: '/' });
    assert.equal(allowed.status, 303, 'the window has passed');
    const [audit] = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where action = 'sign-in-throttled' and subject_id = 'mash2'");
    assert.equal(audit!.n, 2, 'each throttled attempt is audited');
  });

  test('one address is throttled after four times SIGN_IN_MAX_FAILURES failures across usernames, without locking out other addresses', async () => {
    const attacker = '10.9.8.7';
    const post = async (username: string, password: string) => {
      const page = await t.app.inject({ method: 'GET', url: '/sign-in', remoteAddress: attacker });
      const csrf = setCookies(page.headers).get(PRE_SESSION_CSRF_COOKIE)!.value;
      const res = await t.app.inject({
        method: 'POST',
        url: '/sign-in',
        remoteAddress: attacker,
        headers: { cookie: `${PRE_SESSION_CSRF_COOKIE}=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: hiddenValue(page.body, '_csrf')!, username, password, next: '/' }).toString(),
      });
      return res.statusCode;
    };
    const limit = t.config.signIn.maxFailures * 4;
    for (let i = 0; i < limit; i++) assert.equal(await post(`sprayed${i}`, 'Password1'), 400);
    assert.equal(await post('analyst', TEST_PASSWORD), 429, 'the address is throttled even for a user with no failures');
    await signIn('analyst'); // from 127.0.0.1: unaffected
  });

  test('failures from one address throttle that username at that address only: its owner still signs in from another', async () => {
    const attacker = '10.6.6.6';
    for (let i = 0; i < t.config.signIn.maxFailures; i++) assert.equal(await signInFrom(t, attacker, 'teammgr', `guess ${i}`), 400);
    assert.equal(await signInFrom(t, attacker, 'teammgr', TEST_PASSWORD), 429, 'the guesser is stopped, even with the right password');
    assert.equal(await signInFrom(t, '10.5.5.5', 'teammgr', TEST_PASSWORD), 303, 'the owner, elsewhere, is not locked out');
  });

  test('an administrator can unlock a throttled username at once; the unlock is audited', async () => {
    const office = '10.4.4.4';
    for (let i = 0; i < t.config.signIn.maxFailures; i++) assert.equal(await signInFrom(t, office, 'mash', `typo ${i}`), 400);
    assert.equal(await signInFrom(t, office, 'mash', TEST_PASSWORD), 429);
    const { cleared } = await t.services.users.unlockUser('Mash', { userId: t.ids.admin!, via: 'web' });
    assert.equal(cleared, t.config.signIn.maxFailures, 'the failures are cleared');
    assert.equal(await signInFrom(t, office, 'mash', TEST_PASSWORD), 303);
    const [row] = await t.db.query<{ user_id: string; detail: { username: string; cleared: number } }>("select user_id, detail from audit_events where action = 'user-unlocked'");
    assert.deepEqual({ by: row!.user_id, username: row!.detail.username, cleared: row!.detail.cleared }, { by: t.ids.admin, username: 'mash', cleared: t.config.signIn.maxFailures });
  });

  test('signing in clears the pre-session CSRF cookie and issues a new session id every time; a planted cookie is never promoted', async () => {
    const planted = t.app.signCookie('attacker-chosen-session-id');
    const client = t.anonymous();
    const page = await client.get('/sign-in');
    const preSessionToken = hiddenValue(page.body, '_csrf')!;
    const preSessionCookie = setCookies(page.headers).get(PRE_SESSION_CSRF_COOKIE)!.value;
    const res = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: `${PRE_SESSION_CSRF_COOKIE}=${preSessionCookie}; ${SESSION_COOKIE}=${planted}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: preSessionToken, username: 'teammgr', password: TEST_PASSWORD, next: '/' }).toString(),
    });
    assert.equal(res.statusCode, 303);
    const cookies = setCookies(res.headers);
    const cleared = cookies.get(PRE_SESSION_CSRF_COOKIE);
    assert.ok(cleared && cleared.value === '' && cleared.attributes.get('max-age') === '0', 'the pre-session CSRF cookie is cleared');
    const issued = cookies.get(SESSION_COOKIE)!.value;
    assert.notEqual(issued, planted, 'the server chose the session id');
    assert.equal((await requestWith(t, '/', { [SESSION_COOKIE]: planted })).status, 302, 'the planted id is still not a session');
    assert.equal((await requestWith(t, '/', { [SESSION_COOKIE]: issued })).status, 200);

    // The pre-session token is worthless once signed in: posts need the session's own token.
    const stale = await requestWith(t, '/sign-out', { [SESSION_COOKIE]: issued }, 'POST', { _csrf: preSessionToken });
    assert.equal(stale.status, 403);

    const again = await signIn('teammgr');
    assert.notEqual(again.cookie, issued, 'a second sign-in gets a different session id');
  });

  test('signing out deletes the session: the old cookie no longer works', async () => {
    const { client, cookie } = await signIn('iro');
    const before = await sessionCount('iro');
    const home = await client.get('/');
    assert.equal(home.status, 200);
    const out = await client.post('/sign-out', {});
    assert.equal(out.status, 303);
    assert.equal(out.location, '/sign-in?signedOut=1');
    const cleared = setCookies(out.headers).get(SESSION_COOKIE);
    assert.ok(cleared && cleared.value === '', 'the browser is told to forget the cookie');
    assert.equal(await sessionCount('iro'), before - 1, 'the session row is gone');
    const replay = await requestWith(t, '/', { [SESSION_COOKIE]: cookie });
    assert.equal(replay.status, 302);
    assert.equal(replay.location, '/sign-in?next=%2F');
    const replayPost = await requestWith(t, '/sign-out', { [SESSION_COOKIE]: cookie }, 'POST', { _csrf: hiddenValue(home.body, '_csrf')! });
    assert.equal(replayPost.status, 401, 'a replayed cookie cannot post either');
  });

  test(`a session ends after SESSION_IDLE_MINUTES without a request, and each request restarts the idle clock`, async () => {
    assert.equal(t.config.sessionIdleMinutes, 60);
    const { cookie } = await signIn('servicemgr');
    t.clock.advance(59 * MINUTE);
    assert.equal((await requestWith(t, '/', { [SESSION_COOKIE]: cookie })).status, 200, '59 minutes idle: still signed in');
    t.clock.advance(59 * MINUTE);
    assert.equal((await requestWith(t, '/', { [SESSION_COOKIE]: cookie })).status, 200, 'the last request restarted the idle clock');
    t.clock.advance(61 * MINUTE);
    const idle = await requestWith(t, '/children/00000000-0000-4000-8000-000000000000', { [SESSION_COOKIE]: cookie });
    assert.equal(idle.status, 302);
    assert.equal(idle.location, '/sign-in?next=%2Fchildren%2F00000000-0000-4000-8000-000000000000');
    assert.equal(await sessionCount('servicemgr'), 0, 'the idle session is deleted');
  });

  test('a session ends 12 hours after sign-in however active it is', async () => {
    const { cookie } = await signIn('otherworker');
    for (let i = 1; i <= 12; i++) {
      t.clock.advance(59 * MINUTE);
      assert.equal((await requestWith(t, '/', { [SESSION_COOKIE]: cookie })).status, 200, `still active after ${i * 59} minutes`);
    }
    t.clock.advance(13 * MINUTE); // 11 h 48 min + 13 min: past 12 hours, though idle for only 13 minutes
    assert.equal((await requestWith(t, '/', { [SESSION_COOKIE]: cookie })).status, 302);
    assert.equal(await sessionCount('otherworker'), 0, 'the expired session is deleted');
  });

  test('a deactivated user is signed out at their next request', async () => {
    const { cookie } = await signIn('commissioner');
    await t.db.query("update users set active = false where username = 'commissioner'");
    try {
      assert.equal((await requestWith(t, '/', { [SESSION_COOKIE]: cookie })).status, 302);
      assert.equal(await sessionCount('commissioner'), 0);
      const client = t.anonymous();
      await client.get('/sign-in');
      const res = await client.post('/sign-in', { username: 'commissioner', password: TEST_PASSWORD, next: '/' });
      assert.equal(res.status, 400, 'and cannot sign in again');
      assert.deepEqual(errorSummary(res.body), ['username: Enter a correct username and password']);
    } finally {
      await t.db.query("update users set active = true where username = 'commissioner'");
    }
  });

  test('an unsigned, tampered or foreign-signed session cookie is ignored', async () => {
    const { cookie } = await signIn('admin');
    const token = cookie.slice(0, cookie.lastIndexOf('.'));
    const signature = cookie.slice(cookie.lastIndexOf('.') + 1);
    const forgeries = {
      'the bare token, unsigned': token,
      'the token with a tampered signature': `${token}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`,
      'a tampered token with the real signature': `${token.startsWith('A') ? 'B' : 'A'}${token.slice(1)}.${signature}`,
      'the token signed with another secret': sign(token, 'some-other-secret-that-is-at-least-32-characters'),
      'a well-signed token that was never issued': t.app.signCookie('x'.repeat(43)),
    };
    for (const [what, value] of Object.entries(forgeries)) {
      const res = await requestWith(t, '/', { [SESSION_COOKIE]: value });
      assert.equal(res.status, 302, what);
      assert.equal(res.location, '/sign-in?next=%2F', what);
    }
    assert.equal((await requestWith(t, '/', { [SESSION_COOKIE]: cookie })).status, 200, 'the genuine cookie still works');
  });

  test('next: an on-site path is followed after sign-in; anything off-site or malformed goes to /', async () => {
    const cases: [string, string][] = [
      ['/children?sort=name', '/children?sort=name'],
      ['//evil.example', '/'],
      ['//evil.example/children', '/'],
      ['https://evil.example', '/'],
      ['/\\evil.example', '/'],
      ['/\t/evil.example', '/'],
      ['javascript:alert(1)', '/'],
      ['/caf\u00e9/\u20ac', '/'],
    ];
    for (const [next, expected] of cases) {
      const client = t.anonymous();
      const page = await client.get(`/sign-in?next=${encodeURIComponent(next)}`);
      assert.equal(hiddenValue(page.body, 'next'), expected, `the form carries a safe next for ${JSON.stringify(next)}`);
      const res = await client.post('/sign-in', { username: 'analyst', password: TEST_PASSWORD, next });
      assert.equal(res.status, 303, `posted next ${JSON.stringify(next)}`);
      assert.equal(res.location, expected, `posted next ${JSON.stringify(next)}`);
    }
  });
});

describe('behind a proxy', () => {
  test('by default X-Forwarded-For is ignored, even in production: naming a new address on each attempt does not pass the throttle', async () => {
    const t = await createTestApp({ config: { env: 'production' } });
    try {
      const limit = t.config.signIn.maxFailures * 4;
      for (let i = 0; i < limit; i++) assert.equal(await signInFrom(t, '10.7.7.7', `sprayed${i}`, 'Password1', { 'x-forwarded-for': `203.0.113.${i}` }), 400);
      assert.equal(await signInFrom(t, '10.7.7.7', 'analyst', TEST_PASSWORD, { 'x-forwarded-for': '198.51.100.1' }), 429);
      const [row] = await t.db.query<{ ip: string }>("select detail->>'ip' as ip from audit_events where action = 'sign-in-failed' order by id desc limit 1");
      assert.equal(row!.ip, '10.7.7.7', 'the address recorded is the connection’s');
    } finally {
      await t.close();
    }
  });

  test('X-Forwarded-For is believed from a proxy named in TRUSTED_PROXIES, and only from it', async () => {
    const t = await createTestApp({ config: { env: 'production', trustedProxies: ['10.0.0.1'] } });
    try {
      assert.equal(await signInFrom(t, '10.0.0.1', 'nobody', 'x', { 'x-forwarded-for': '203.0.113.9' }), 400);
      assert.equal(await signInFrom(t, '10.0.0.2', 'nobody', 'x', { 'x-forwarded-for': '203.0.113.9' }), 400);
      const rows = await t.db.query<{ ip: string }>("select detail->>'ip' as ip from audit_events where action = 'sign-in-failed' order by id");
      assert.deepEqual(rows.map((r) => r.ip), ['203.0.113.9', '10.0.0.2']);
    } finally {
      await t.close();
    }
  });
});
