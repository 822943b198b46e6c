import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Browserless, type Response, hiddenValue } from '../../test/support/browserless.js';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../../test/support/test-app.js';
import { parsePlainDate } from '../domain/time/index.js';

/** The Content-Security-Policy as directive -> sources. */
function csp(res: Response): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  assert.ok(header, 'a Content-Security-Policy header');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** Checks every header rule for one HTML response and returns its script nonce. */
function assertSecureHtml(res: Response, what: string): string {
  assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8$/i, `${what}: HTML with a charset`);
  const policy = csp(res);
  const header = String(res.headers['content-security-policy']);
  assert.doesNotMatch(header, /unsafe-inline|unsafe-eval|unsafe-hashes|\*/, `${what}: nothing unsafe, no wildcard`);
  assert.deepEqual(policy.get('default-src'), ["'self'"], `${what}: default-src`);
  assert.deepEqual(policy.get('frame-ancestors'), ["'none'"], `${what}: frame-ancestors`);
  assert.deepEqual(policy.get('form-action'), ["'self'"], `${what}: form-action`);
  assert.deepEqual(policy.get('object-src'), ["'none'"], `${what}: object-src`);
  const scriptSrc = policy.get('script-src') ?? [];
  const nonces = scriptSrc.filter((s) => s.startsWith("'nonce-"));
  assert.equal(nonces.length, 1, `${what}: one nonce in script-src`);
  assert.deepEqual(scriptSrc.filter((s) => !s.startsWith("'nonce-")), ["'self'"], `${what}: script-src is 'self' plus the nonce`);
  const nonce = nonces[0]!.slice("'nonce-".length, -1);
  assert.match(nonce, /^[A-Za-z0-9+/=_-]{16,}$/, `${what}: a nonce of at least 16 characters`);

  const scripts = [...res.body.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
  assert.ok(scripts.length > 0, `${what}: the page has scripts to check`);
  for (const tag of scripts) assert.ok(tag.includes(` nonce="${nonce}"`), `${what}: ${tag} carries the header's nonce`);
  assert.doesNotMatch(res.body, /<[a-z][^>]*\son[a-z]+\s*=/i, `${what}: no inline event handlers (CSP would block them)`);

  assert.equal(res.headers['cache-control'], 'no-store', `${what}: Cache-Control`);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', `${what}: X-Content-Type-Options`);
  assert.equal(res.headers['referrer-policy'], 'no-referrer', `${what}: Referrer-Policy`);
  assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin', `${what}: Cross-Origin-Opener-Policy`);
  assert.equal(res.headers['x-powered-by'], undefined, `${what}: no X-Powered-By`);
  assert.equal(res.headers.server, undefined, `${what}: no Server header`);
  return nonce;
}

const stable = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""');

async function countRows(t: TestApp, table: 'contacts' | 'people' | 'sessions'): Promise<number> {
  const [row] = await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row!.n;
}

describe('security headers, CSRF and signed-out requests', () => {
  let t: TestApp;
  let mash: Browserless;
  let childId: string;
  let contactPath: string;
  let referralPath: string;

  before(async () => {
    t = await createTestApp();
    mash = await t.as('mash');
    const principal = (await t.services.access.loadPrincipal(t.ids.mash!))!;
    const contact = await t.services.frontDoor.recordContact(
      principal,
      {
        person: { new: { givenName: 'Hattie', familyName: 'Header', dateOfBirth: parsePlainDate('2016-02-02'), sex: 'F', nhsNumber: null }, confirmedNotDuplicate: true },
        receivedAt: t.clock.now(),
        source: '2A',
        referrerName: null,
        referrerOrganisation: null,
        referrerContact: null,
        concerns: 'Concern raised by school',
        assignedWorkerId: null,
      },
      { token: randomUUID(), userId: principal.userId },
    );
    contactPath = contact.path;
    const referral = await t.services.frontDoor.decideContact(principal, contactPath.split('/')[2]!, { decision: 'referral', rationale: 'Threshold met', primaryNeedCode: 'N1', receivingTeamId: t.ids['team:Other Team']!, decidedAt: t.clock.now(), version: 1 }, { token: randomUUID(), userId: principal.userId });
    referralPath = referral.path;
    const [row] = await t.db.query<{ person_id: string }>('select person_id from contacts where id = $1', [contactPath.split('/')[2]]);
    childId = row!.person_id;
  });
  after(async () => t.close());

  /** A form the MASH worker may post, complete except for whatever the test changes. */
  async function contactForm(client: Browserless, givenName: string) {
    const page = await client.post('/contacts/find', { givenName, familyName: 'Forgery', 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', nhsNumber: '' });
    assert.equal(page.status, 200);
    return {
      page: page.body,
      fields: {
        givenName, familyName: 'Forgery', 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', nhsNumber: '', sex: 'U',
        'receivedAt-day': '23', 'receivedAt-month': '11', 'receivedAt-year': '2026', receivedTime: '09:00', source: '2A',
        referrerName: '', referrerOrganisation: '', referrerContact: '', concerns: 'Test', assignedWorkerId: '', formToken: hiddenValue(page.body, 'formToken')!,
      },
    };
  }

  test('every HTML page, signed in or not, has a strict CSP whose nonce is on every script, and no-store, nosniff, no-referrer', async (ctx) => {
    const anonymous = t.anonymous();
    const worker = await t.as('worker');
    const pages: [string, Browserless, string, number][] = [
      ['sign-in page', anonymous, '/sign-in', 200],
      ['empty page', anonymous, '/empty', 200],
      ['front-door worktray', mash, '/front-door', 200],
      ['find the child', mash, '/contacts/new', 200],
      ['record a contact for a known child', mash, `/contacts/new?person=${childId}`, 200],
      ['child record', mash, `/children/${childId}`, 200],
      ['contact', mash, contactPath, 200],
      ['referral', mash, referralPath, 200],
      ['worker home', worker, '/', 200],
      ['not found (unknown route)', mash, '/no-such-page', 404],
      ['not found (out of scope)', worker, `/children/${childId}`, 404],
    ];
    let checked = 0;
    for (const [what, client, url, status] of pages) {
      const res = await client.get(url);
      assert.equal(res.status, status, what);
      assertSecureHtml(res, what);
      checked++;
    }
    // Error pages rendered from a post: a validation error (400) and an expired form (403).
    await anonymous.get('/sign-in');
    const invalid = await anonymous.post('/sign-in', { username: '', password: '' });
    assert.equal(invalid.status, 400);
    assertSecureHtml(invalid, 'sign-in with errors');
    const expired = await mash.post('/contacts/find', { _csrf: 'wrong', familyName: 'X' });
    assert.equal(expired.status, 403);
    assertSecureHtml(expired, 'form expired');
    checked += 2;
    ctx.diagnostic(`headers: ${checked} HTML responses checked, 0 missing or weak`);
    assert.equal(checked, pages.length + 2);
  });

  test('each response gets a new nonce', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) seen.add(assertSecureHtml(await mash.get('/front-door'), 'front-door'));
    for (let i = 0; i < 5; i++) seen.add(assertSecureHtml(await t.anonymous().get('/sign-in'), 'sign-in'));
    assert.equal(seen.size, 10, 'ten responses, ten nonces');
  });

  test('a POST without the CSRF token, with a wrong one, with another user’s, or with it in the query string is refused with 403 and writes nothing', async () => {
    const mash2 = await t.as('mash2');
    const otherUsersToken = hiddenValue((await mash2.get('/front-door')).body, '_csrf')!;
    const ownToken = hiddenValue((await mash.get('/front-door')).body, '_csrf')!;
    assert.notEqual(otherUsersToken, ownToken, 'each session has its own token');
    const before = { contacts: await countRows(t, 'contacts'), people: await countRows(t, 'people') };
    const attempts: [string, string, Record<string, string>][] = [
      ['no token', '/contacts', { _csrf: '' }],
      ['a wrong token', '/contacts', { _csrf: 'not-the-token' }],
      ['a token one character out', '/contacts', { _csrf: `${ownToken.slice(0, -1)}${ownToken.endsWith('A') ? 'B' : 'A'}` }],
      ['another user’s token', '/contacts', { _csrf: otherUsersToken }],
      ['the token in the query string only', `/contacts?_csrf=${encodeURIComponent(ownToken)}`, { _csrf: '' }],
    ];
    for (const [i, [what, url, override]] of attempts.entries()) {
      const { fields } = await contactForm(mash, `Csrf${i + 1}`);
      const res = await mash.post(url, { ...fields, ...override });
      assert.equal(res.status, 403, what);
      assert.match(res.body, /<h1 class="govuk-heading-l">This form has expired<\/h1>/, what);
    }
    assert.deepEqual({ contacts: await countRows(t, 'contacts'), people: await countRows(t, 'people') }, before, 'nothing was written');

    const { fields } = await contactForm(mash, 'Control');
    const accepted = await mash.post('/contacts', fields);
    assert.equal(accepted.status, 303, 'the same form with the session’s token is accepted');
    assert.equal(await countRows(t, 'contacts'), before.contacts + 1);
  });

  test('signing in needs the pre-session CSRF cookie and its token (no login CSRF)', async () => {
    const client = t.anonymous();
    const page = await client.get('/sign-in');
    const token = hiddenValue(page.body, '_csrf')!;
    const sessions = await countRows(t, 'sessions');
    const noCookie = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, username: 'mash', password: TEST_PASSWORD }).toString(),
    });
    assert.equal(noCookie.statusCode, 403, 'the token without its cookie');
    const noToken = await client.post('/sign-in', { _csrf: '', username: 'mash', password: TEST_PASSWORD });
    assert.equal(noToken.status, 403, 'the cookie without the token');
    assert.equal(await countRows(t, 'sessions'), sessions, 'no session was created');
  });

  test('a POST from a signed-out user is refused with 401 and writes nothing', async () => {
    const before = await countRows(t, 'contacts');
    const { fields } = await contactForm(mash, 'Signedout');
    const anonymous = t.anonymous();
    await anonymous.get('/sign-in');
    for (const url of ['/contacts', '/contacts/find', `${contactPath}/rating`, '/sign-out']) {
      const res = await anonymous.post(url, fields);
      assert.equal(res.status, 401, url);
      assert.match(res.body, /You have been signed out/, url);
    }
    assert.equal(await countRows(t, 'contacts'), before);
  });

  test('a protected page requested signed out redirects to sign-in, keeping where the user was going', async () => {
    const anonymous = t.anonymous();
    for (const url of ['/', '/front-door', '/front-door?worker=x', '/contacts/new', `/children/${childId}`, contactPath, referralPath, '/no-such-page']) {
      const res = await anonymous.get(url);
      assert.equal(res.status, 302, url);
      assert.equal(res.location, `/sign-in?next=${encodeURIComponent(url)}`, url);
    }
  });

  test('an unknown route is a 404 page in the layout, the same for any unknown address', async () => {
    const res = await mash.get('/no-such-page');
    assert.equal(res.status, 404);
    assert.match(res.body, /<title>Page not found – Hearth – Testshire Council<\/title>/);
    assert.match(res.body, /<h1 class="govuk-heading-l">Page not found<\/h1>/);
    assert.match(res.body, /<header class="govuk-template__header">/, 'the header');
    assert.match(res.body, /Signed in as Mo Mash/, 'the signed-in user');
    assert.match(res.body, /action="\/sign-out"/, 'the sign-out button');
    assert.match(res.body, /govuk-footer/, 'the footer');
    const other = await mash.get('/children/not-a-real-id/and/more');
    assert.equal(other.status, 404);
    const wrongMethod = await mash.post('/front-door', {});
    assert.equal(wrongMethod.status, 404, 'a POST to a GET-only address');
    assert.equal(stable(other.body), stable(res.body));
  });
});

describe('in production', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ config: { env: 'production' } });
  });
  after(async () => t.close());

  test('cookies are Secure, HSTS is sent and insecure requests are upgraded', async () => {
    const client = t.anonymous();
    const page = await client.get('/sign-in');
    assert.equal(page.status, 200);
    assert.match(String(page.headers['strict-transport-security']), /^max-age=31536000; includeSubDomains/);
    assert.ok(csp(page).has('upgrade-insecure-requests'));
    const cookies = ([] as string[]).concat((page.headers['set-cookie'] as string | string[]) ?? []);
    assert.ok(cookies.length > 0 && cookies.every((c) => /;\s*Secure/i.test(c)), 'the pre-session cookie is Secure');
    const signedIn = await client.post('/sign-in', { username: 'worker', password: TEST_PASSWORD, next: '/' });
    assert.equal(signedIn.status, 303);
    const session = ([] as string[]).concat((signedIn.headers['set-cookie'] as string | string[]) ?? []).find((c) => c.startsWith('hearth_session='));
    assert.ok(session, 'a session cookie');
    assert.match(session, /;\s*Secure/i);
    assert.match(session, /;\s*HttpOnly/i);
  });

  test('an unexpected error shows a plain error page with no stack trace or internals, and is logged for the operators', async (ctx) => {
    const worker = await t.as('worker');
    const logged = ctx.mock.method(console, 'error', () => {});
    await t.db.query('alter table people rename to people_gone');
    try {
      const res = await worker.get(`/children/${randomUUID()}`);
      assert.equal(res.status, 500);
      assert.match(res.body, /Sorry, there is a problem with the service/);
      assert.doesNotMatch(res.body, /people_gone|relation "|select "|DrizzleQueryError|\bat [\w.<>]+ \(|\.ts:\d+/i);
      assertSecureHtml(res, 'server error page');
      assert.equal(logged.mock.callCount(), 1, 'the error is logged');
    } finally {
      await t.db.query('alter table people_gone rename to people');
    }
  });
});
