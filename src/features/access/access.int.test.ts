import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browserless } from '../../../test/support/browserless.js';
import { FIXTURE_USERS, TEST_PASSWORD, type TestApp, createTestApp } from '../../../test/support/test-app.js';
import { AccessDenied } from '../../domain/errors.js';
import { parsePlainDate } from '../../domain/time/index.js';

/**
 * The authorisation matrix (security.md §4b): every principal × every page about a child, with the
 * status the decision rules in src/domain/access/decide.ts give. Out of scope is 404, never 403.
 */

type Status = 200 | 404;
const Y: Status = 200;
const N: Status = 404;

/** Two extra principals beside the fixtures: a social worker in the allocated team, and a manager of another team. */
const EXTRA_USERS = [
  { username: 'colleague', displayName: 'Cal Colleague', roles: ['social_worker'], teamName: 'Assessment' },
  { username: 'othermgr', displayName: 'Oona Othermanager', roles: ['team_manager'], teamName: 'Other Team' },
];
const PRINCIPALS = [...FIXTURE_USERS.map((u) => u.username), ...EXTRA_USERS.map((u) => u.username)];

/**
 * Child A: contact, referral (an open episode held by the MASH team) and an allocation to 'worker' in
 * the Assessment team. Child B: a contact only, with no episode and no allocation.
 */
const PAGES = ['child A', 'contact A', 'referral A', 'child B', 'contact B', 'front door', 'record a contact'] as const;
type Page = (typeof PAGES)[number];

//                      child A  contact A  referral A  child B  contact B  front door  record a contact
const EXPECTED: Record<string, Status[]> = {
  mash: /*          */ [Y, Y, Y, Y, Y, Y, Y], // front-door record
  mash2: /*         */ [Y, Y, Y, Y, Y, Y, Y], // front-door record, though not the contact's worker
  worker: /*        */ [Y, N, Y, N, N, N, N], // allocated worker; contacts are front-door pages
  colleague: /*     */ [Y, N, Y, N, N, N, N], // social worker in the allocated team
  teammgr: /*       */ [Y, N, Y, N, N, N, N], // manager of the allocated team
  servicemgr: /*    */ [Y, N, Y, N, N, N, N], // management line: the service above both teams
  othermgr: /*      */ [N, N, N, N, N, N, N], // a manager, but of another team
  otherworker: /*   */ [N, N, N, N, N, N, N], // no relationship
  analyst: /*       */ [Y, N, Y, Y, N, N, N], // reads any child's record, never the front door
  iro: /*           */ [Y, N, Y, N, N, N, N], // only while the child has an open episode
  commissioner: /*  */ [N, N, N, N, N, N, N],
  admin: /*         */ [N, N, N, N, N, N, N],
};

/** Why each principal may see child A: the reason the decision gives, as the audit row records it. */
const REASON_FOR_CHILD_A: Record<string, string> = {
  mash: 'front-door record',
  mash2: 'front-door record',
  worker: 'allocated worker',
  colleague: 'member of the responsible team',
  teammgr: 'member of the responsible team',
  servicemgr: 'management line',
  analyst: 'performance analyst (read only, audited)',
  iro: 'IRO or conference chair (read only)',
};

const stable = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""');

describe('access to a child’s record', () => {
  let t: TestApp;
  const clients = new Map<string, Browserless>();
  const urls = {} as Record<Page, string>;
  let childA: string;
  let episodeA: string;
  let contactA: string;

  before(async () => {
    t = await createTestApp();
    for (const u of EXTRA_USERS) t.ids[u.username] = await t.services.users.addUser({ ...u, password: TEST_PASSWORD });
    // The team a referral goes to (issue 9), with nobody in it: these tests are about access through allocation.
    await t.services.users.addTeam({ name: 'Referrals In', kind: 'team' });
    const referralsIn = (await t.services.users.listTeams()).find((x) => x.name === 'Referrals In')!.id;
    const mash = (await t.services.access.loadPrincipal(t.ids.mash!))!;
    const record = async (givenName: string) => {
      const done = await t.services.frontDoor.recordContact(
        mash,
        {
          person: { new: { givenName, familyName: 'Matrix', dateOfBirth: parsePlainDate('2014-06-01'), sex: 'U', nhsNumber: null }, confirmedNotDuplicate: true },
          receivedAt: t.clock.now(),
          source: '2A',
          referrerName: null,
          referrerOrganisation: null,
          referrerContact: null,
          concerns: 'Concern',
          assignedWorkerId: t.ids.mash!,
        },
        { token: randomUUID(), userId: mash.userId },
      );
      const contactId = done.path.split('/')[2]!;
      const [row] = await t.db.query<{ person_id: string }>('select person_id from contacts where id = $1', [contactId]);
      return { contactId, personId: row!.person_id };
    };
    const a = await record('Allie');
    const b = await record('Betty');
    const referral = await t.services.frontDoor.decideContact(mash, a.contactId, { decision: 'referral', rationale: 'Threshold met', primaryNeedCode: 'N1', receivingTeamId: referralsIn, decidedAt: t.clock.now(), version: 1 }, { token: randomUUID(), userId: mash.userId });
    episodeA = referral.path.split('/')[2]!;
    await t.db.query('insert into allocations (person_id, worker_id, team_id, start_date) values ($1, $2, $3, $4)', [a.personId, t.ids.worker, t.ids['team:Assessment'], '2026-11-23']);
    childA = a.personId;
    contactA = a.contactId;
    Object.assign(urls, {
      'child A': `/children/${a.personId}`,
      'contact A': `/contacts/${a.contactId}`,
      'referral A': `/referrals/${episodeA}`,
      'child B': `/children/${b.personId}`,
      'contact B': `/contacts/${b.contactId}`,
      'front door': '/front-door',
      'record a contact': '/contacts/new',
    });
    for (const username of PRINCIPALS) clients.set(username, await t.as(username));
  });
  after(async () => t.close());

  test('every principal × every page answers 200 or 404 exactly as the decision rules say', async (ctx) => {
    assert.deepEqual(Object.keys(EXPECTED).sort(), [...PRINCIPALS].sort(), 'every principal has a row');
    const unexpected: string[] = [];
    let requests = 0;
    let allowed = 0;
    for (const username of PRINCIPALS) {
      for (const [i, page] of PAGES.entries()) {
        const res = await clients.get(username)!.get(urls[page]);
        requests++;
        const expected = EXPECTED[username]![i]!;
        if (res.status === 200) allowed++;
        if (res.status !== expected) unexpected.push(`${username} GET ${page}: ${res.status}, expected ${expected}`);
        if (res.status === 404) assert.match(res.body, /Page not found/, `${username} ${page}: the 404 page`);
      }
    }
    const expectedAllows = Object.values(EXPECTED).flat().filter((s) => s === 200).length;
    ctx.diagnostic(`access: ${requests} requests (${PRINCIPALS.length} principals × ${PAGES.length} pages), ${allowed} allowed, ${requests - allowed} answered 404, ${unexpected.length} unexpected`);
    assert.deepEqual(unexpected, []);
    assert.equal(requests, 12 * 7);
    assert.equal(allowed, expectedAllows);
  });

  test('each view of child A is allowed for the intended reason, and the reason is in the audit row', async () => {
    for (const [username, reason] of Object.entries(REASON_FOR_CHILD_A)) {
      const res = await clients.get(username)!.get(urls['child A']);
      assert.equal(res.status, 200, username);
      const [row] = await t.db.query<{ access: string }>(
        "select detail->>'access' as access from audit_events where person_id = $1 and user_id = $2 and action = 'view' order by id desc limit 1",
        [childA, t.ids[username]],
      );
      assert.equal(row?.access, reason, username);
    }
  });

  test('a refused view is answered 404 and kept in the audit log as a refusal, with who and where', async () => {
    const before = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where action = 'denied' and user_id = $1 and person_id = $2", [t.ids.otherworker, childA]);
    const res = await clients.get('otherworker')!.get(urls['child A']);
    assert.equal(res.status, 404);
    const rows = await t.db.query<{ path: string }>("select detail->>'path' as path from audit_events where action = 'denied' and user_id = $1 and person_id = $2 order by id desc", [t.ids.otherworker, childA]);
    assert.equal(rows.length, before[0]!.n + 1);
    assert.equal(rows[0]!.path, urls['child A']);
    assert.equal((await t.services.audit.verifyChain()).brokenAt, null, 'the refusal is part of the hash chain');
  });

  test('an IRO sees a child only while an episode is open', async () => {
    const iro = clients.get('iro')!;
    assert.equal((await iro.get(urls['child A'])).status, 200);
    await t.db.query("update cin_episodes set closure_date = '2026-11-23', closure_reason = 'RC8' where id = $1", [episodeA]);
    try {
      assert.equal((await iro.get(urls['child A'])).status, 404);
      assert.equal((await iro.get(urls['referral A'])).status, 404);
    } finally {
      await t.db.query('update cin_episodes set closure_date = null, closure_reason = null where id = $1', [episodeA]);
    }
    assert.equal((await iro.get(urls['child A'])).status, 200);
  });

  test('access follows allocation and team membership at once: ending the allocation or moving team removes it on the next request', async () => {
    const worker = clients.get('worker')!;
    const colleague = clients.get('colleague')!;
    await t.db.query("update allocations set end_date = '2026-11-23' where person_id = $1", [childA]);
    try {
      assert.equal((await worker.get(urls['child A'])).status, 404, 'the allocation has ended');
      assert.equal((await colleague.get(urls['child A'])).status, 404, 'no current allocation makes Assessment responsible');
    } finally {
      await t.db.query('update allocations set end_date = null where person_id = $1', [childA]);
    }
    assert.equal((await worker.get(urls['child A'])).status, 200);
    await t.db.query('update users set team_id = $1 where id = $2', [t.ids['team:Other Team'], t.ids.colleague]);
    try {
      assert.equal((await colleague.get(urls['child A'])).status, 404, 'moved to another team');
    } finally {
      await t.db.query('update users set team_id = $1 where id = $2', [t.ids['team:Assessment'], t.ids.colleague]);
    }
    assert.equal((await colleague.get(urls['child A'])).status, 200);
  });

  test('a non-existent id, a malformed id and an out-of-scope record give the same 404 page (no existence oracle)', async (ctx) => {
    const other = clients.get('otherworker')!;
    let compared = 0;
    for (const [prefix, inScopeElsewhere] of [['/children/', childA], ['/referrals/', episodeA], ['/contacts/', contactA]] as const) {
      const outOfScope = await other.get(`${prefix}${inScopeElsewhere}`);
      assert.equal(outOfScope.status, 404);
      for (const id of [randomUUID(), 'not-a-uuid', 'a'.repeat(36), '-'.repeat(36), `${randomUUID()}x`, "1'%20or%20'1'='1", '..%2F..%2Fetc%2Fpasswd']) {
        const res = await other.get(`${prefix}${id}`);
        assert.equal(res.status, 404, `${prefix}${id}`);
        assert.equal(stable(res.body), stable(outOfScope.body), `${prefix}${id} is indistinguishable from a record out of scope`);
        compared++;
      }
    }
    const mash = clients.get('mash')!;
    for (const url of [`/contacts/${randomUUID()}`, `/contacts/${'b'.repeat(36)}`, `/contacts/new?person=${'c'.repeat(36)}`, `/children/${'d'.repeat(36)}`, `/front-door?team=${'e'.repeat(36)}&worker=${'f'.repeat(36)}`]) {
      const res = await mash.get(url);
      assert.notEqual(res.status, 500, `${url} is not a server error`);
      compared++;
    }
    ctx.diagnostic(`existence oracle: ${compared} malformed or unknown ids checked, 0 distinguishable`);
  });

  test('those who may only view cannot record: their posts are refused and nothing is written', async () => {
    const countWrites = async () => {
      const [r] = await t.db.query<{ ratings: number; decided: number }>(
        'select (select count(*)::int from contact_rag_ratings) as ratings, (select count(*)::int from cin_episodes where referral_decision is not null) as decided',
      );
      return r!;
    };
    const before = await countWrites();
    const attempts: [string, string, Record<string, string>, number][] = [];
    for (const username of ['worker', 'analyst', 'iro', 'otherworker', 'commissioner', 'admin']) {
      attempts.push([username, `/contacts/${contactA}/rating`, { rating: 'red', reason: '', version: '1', formToken: randomUUID() }, 404]);
      attempts.push([username, `/referrals/${episodeA}/decision`, { decision: 'assessment', rationale: 'Assess', version: '1', formToken: randomUUID() }, 403]);
    }
    attempts.push(['othermgr', `/referrals/${episodeA}/decision`, { decision: 'assessment', rationale: 'Assess', version: '1', formToken: randomUUID() }, 404]);
    for (const [username, url, form, status] of attempts) {
      const client = clients.get(username)!;
      await client.get('/');
      const res = await client.post(url, form);
      assert.equal(res.status, status, `${username} POST ${url}`);
    }
    assert.deepEqual(await countWrites(), before, 'nothing was written');
  });

  test('the front door sees a child only while its work is open or was decided within the setting, read only after the decision', async () => {
    const mash = (await t.services.access.loadPrincipal(t.ids.mash!))!;
    const done = await t.services.frontDoor.recordContact(
      mash,
      {
        person: { new: { givenName: 'Cora', familyName: 'Closed', dateOfBirth: parsePlainDate('2014-06-01'), sex: 'U', nhsNumber: null }, confirmedNotDuplicate: true },
        receivedAt: t.clock.now(),
        source: '2A',
        referrerName: null,
        referrerOrganisation: null,
        referrerContact: null,
        concerns: 'Concern',
        assignedWorkerId: t.ids.mash!,
      },
      { token: randomUUID(), userId: mash.userId },
    );
    const contactId = done.path.split('/')[2]!;
    const [row] = await t.db.query<{ person_id: string }>('select person_id from contacts where id = $1', [contactId]);
    const childC = row!.person_id;
    const mayRecord = () => t.db.db.transaction((tx) => t.services.access.assertChildAccess(tx, mash, childC, 'record')).then(() => true, (e: unknown) => (e instanceof AccessDenied ? false : Promise.reject(e)));
    assert.equal(await mayRecord(), true, 'while the contact awaits its decision');
    await t.services.frontDoor.decideContact(mash, contactId, { decision: 'nfa', rationale: 'No concerns', primaryNeedCode: null, receivingTeamId: null, decidedAt: t.clock.now(), version: 1 }, { token: randomUUID(), userId: mash.userId });
    assert.equal(await mayRecord(), false, 'decided: read only');
    const started = t.clock.now();
    try {
      const view = async (days: number) => {
        t.clock.set(new Date(started.getTime() + days * 86_400_000));
        return (await (await t.as('mash')).get(`/children/${childC}`)).status;
      };
      assert.equal(await view(0), 200, 'decided today');
      assert.equal(await view(30), 200, 'the last day of the default 30');
      const [audited] = await t.db.query<{ reason: string }>("select detail->>'access' as reason from audit_events where action = 'view' and person_id = $1 order by id desc limit 1", [childC]);
      assert.match(audited!.reason, /front-door work decided recently \(read only\)/);
      assert.equal(await view(31), 404, 'the window has passed: a contact long ago gives no access');
      await t.services.settings.setFrontDoorRecentDays(t.ids.admin!, 45, 0);
      assert.equal(await view(31), 200, 'the window is the setting');
      assert.equal(await view(46), 404);
      assert.equal((await (await t.as('worker')).get(`/children/${childC}`)).status, 404, 'nobody else gains anything');
    } finally {
      t.clock.set(started);
    }
  });
});
