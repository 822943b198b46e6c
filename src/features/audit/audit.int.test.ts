import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Browserless, hiddenValue } from '../../../test/support/browserless.js';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../../../test/support/test-app.js';
import { parsePlainDate } from '../../domain/time/index.js';

interface AuditRow {
  id: number;
  user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  person_id: string | null;
  detail: Record<string, unknown> | null;
}

describe('the audit log', () => {
  let t: TestApp;
  let mash: Browserless;
  let worker: Browserless;
  let childId: string;

  before(async () => {
    t = await createTestApp();
    mash = await t.as('mash');
    worker = await t.as('worker');
    const principal = (await t.services.access.loadPrincipal(t.ids.mash!))!;
    const done = await t.services.frontDoor.recordContact(
      principal,
      {
        person: { new: { givenName: 'Audrey', familyName: 'Audit', dateOfBirth: parsePlainDate('2013-03-03'), sex: 'F', nhsNumber: null }, confirmedNotDuplicate: true },
        receivedAt: t.clock.now(),
        source: '2A',
        referrerName: null,
        referrerOrganisation: null,
        referrerContact: null,
        concerns: 'Concern',
        assignedWorkerId: null,
      },
      { token: randomUUID(), userId: principal.userId },
    );
    const [row] = await t.db.query<{ person_id: string }>('select person_id from contacts where id = $1', [done.path.split('/')[2]]);
    childId = row!.person_id;
  });
  after(async () => t.close());

  const auditRowsAfter = (id: number) => t.db.query<AuditRow>('select id, user_id, action, subject_type, subject_id, person_id, detail from audit_events where id > $1 order by id', [id]);
  async function lastAuditId(): Promise<number> {
    const [row] = await t.db.query<{ id: number }>('select coalesce(max(id), 0)::int as id from audit_events');
    return row!.id;
  }
  async function count(table: string): Promise<number> {
    const [row] = await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    return row!.n;
  }

  /** The contact form for a new child (no possible matches), filled in from the find-the-child step. */
  async function newContactForm(givenName: string, familyName: string, birthYear: string) {
    const found = await mash.post('/contacts/find', { givenName, familyName, 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', nhsNumber: '' });
    assert.equal(found.status, 200);
    assert.match(found.body, /No child found/);
    return {
      givenName, familyName, 'dateOfBirth-day': '1', 'dateOfBirth-month': '2', 'dateOfBirth-year': birthYear, nhsNumber: '', sex: 'M',
      'receivedAt-day': '23', 'receivedAt-month': '11', 'receivedAt-year': '2026', receivedTime: '09:30', source: '2A',
      referrerName: '', referrerOrganisation: '', referrerContact: '', concerns: 'Concern', assignedWorkerId: '', formToken: hiddenValue(found.body, 'formToken')!,
    };
  }

  test('viewing a child’s page writes one view row naming the child and the user; a refused view shows nothing', async () => {
    const before = await lastAuditId();
    const page = await mash.get(`/children/${childId}`);
    assert.equal(page.status, 200);
    const rows = await auditRowsAfter(before);
    assert.equal(rows.length, 1);
    assert.deepEqual(
      { user: rows[0]!.user_id, action: rows[0]!.action, type: rows[0]!.subject_type, subject: rows[0]!.subject_id, person: rows[0]!.person_id, page: rows[0]!.detail?.page },
      { user: t.ids.mash, action: 'view', type: 'person', subject: childId, person: childId, page: 'child-record' },
    );
    const viewsOfChild = (await t.services.audit.eventsForPerson(childId)).filter((e) => e.action === 'view' && e.userId === t.ids.mash);
    assert.equal(viewsOfChild.at(-1)?.id, rows[0]!.id, 'eventsForPerson finds it');

    const refusedFrom = await lastAuditId();
    assert.equal((await worker.get(`/children/${childId}`)).status, 404);
    assert.equal((await auditRowsAfter(refusedFrom)).filter((r) => r.action === 'view').length, 0, 'no view is recorded for a page not shown');
  });

  test('recording a contact writes the contact and its create rows together', async () => {
    const form = await newContactForm('Carys', 'Contact', '2012');
    const contactsBefore = await count('contacts');
    const before = await lastAuditId();
    const res = await mash.post('/contacts', form);
    assert.equal(res.status, 303);
    const contactId = res.location!.split('/')[2]!;
    assert.equal(await count('contacts'), contactsBefore + 1);
    const [contact] = await t.db.query<{ person_id: string }>('select person_id from contacts where id = $1', [contactId]);
    const rows = await auditRowsAfter(before);
    assert.deepEqual(
      rows.map((r) => [r.action, r.subject_type, r.subject_id, r.person_id, r.user_id]),
      [
        ['create', 'person', contact!.person_id, contact!.person_id, t.ids.mash],
        ['create', 'contact', contactId, contact!.person_id, t.ids.mash],
      ],
    );
  });

  test('audit rows cannot be updated, deleted or truncated, even with SQL', async () => {
    const rowsBefore = await count('audit_events');
    assert.ok(rowsBefore > 0, 'there are rows to protect');
    const attempts = [
      "update audit_events set action = 'nothing to see' where id = (select min(id) from audit_events)",
      'update audit_events set user_id = null',
      'delete from audit_events where id = (select max(id) from audit_events)',
      'delete from audit_events',
      'truncate audit_events',
    ];
    for (const statement of attempts) {
      await assert.rejects(t.db.query(statement), /audit_events is append-only/, statement);
    }
    assert.equal(await count('audit_events'), rowsBefore);
    assert.equal((await t.services.audit.verifyChain()).brokenAt, null);
  });

  test('the hash chain verifies after a journey and stays linear under concurrent writers', async () => {
    const page = await mash.get(`/children/${childId}`);
    assert.equal(page.status, 200);
    const before = await count('audit_events');
    const views = await Promise.all(Array.from({ length: 12 }, () => mash.get(`/children/${childId}`)));
    assert.deepEqual(views.map((v) => v.status), Array(12).fill(200));
    assert.equal(await count('audit_events'), before + 12);
    const result = await t.services.audit.verifyChain();
    assert.equal(result.brokenAt, null);
    assert.equal(result.checked, before + 12, 'every row was checked');
    const [forks] = await t.db.query<{ n: number }>('select count(*)::int as n from (select prev_hash from audit_events group by prev_hash having count(*) > 1) f');
    assert.equal(forks!.n, 0, 'no two rows follow the same predecessor');
    const [head] = await t.db.query<{ hash: string; last_id: number }>('select hash, last_id from audit_chain_head');
    const [last] = await t.db.query<{ hash: string; id: number }>('select hash, id::int as id from audit_events order by id desc limit 1');
    assert.deepEqual({ hash: head!.hash, id: Number(head!.last_id) }, { hash: last!.hash, id: last!.id }, 'the head is the last row');
  });

  test('verification finds a row changed behind the application’s back', async () => {
    const [victim] = await t.db.query<{ id: number; detail: string | null }>("select id::int as id, detail::text as detail from audit_events where action = 'view' order by id limit 1");
    await t.db.query('alter table audit_events disable trigger audit_events_no_update_or_delete');
    try {
      await t.db.query(`update audit_events set detail = '{"page":"nothing"}'::jsonb where id = $1`, [victim!.id]);
      assert.equal((await t.services.audit.verifyChain()).brokenAt, victim!.id);
      await t.db.query('update audit_events set detail = $2::jsonb where id = $1', [victim!.id, victim!.detail]);
    } finally {
      await t.db.query('alter table audit_events enable trigger audit_events_no_update_or_delete');
    }
    assert.equal((await t.services.audit.verifyChain()).brokenAt, null, 'restored');
  });

  test('a child’s page asked for with an upper-case id is audited under the canonical id, and the chain still verifies', async () => {
    const before = await lastAuditId();
    const page = await mash.get(`/children/${childId.toUpperCase()}`);
    assert.equal(page.status, 200);
    const rows = await auditRowsAfter(before);
    assert.deepEqual(rows.map((r) => [r.action, r.subject_id, r.person_id]), [['view', childId, childId]]);
    assert.deepEqual((await t.services.audit.verifyChain()).broken, []);
  });

  test('verification reports every broken link, not only the first', async () => {
    const victims = await t.db.query<{ id: number; detail: string | null }>("select id::int as id, detail::text as detail from audit_events where action = 'view' order by id limit 2");
    assert.equal(victims.length, 2);
    await t.db.query('alter table audit_events disable trigger audit_events_no_update_or_delete');
    try {
      for (const v of victims) await t.db.query(`update audit_events set detail = '{"page":"nothing"}'::jsonb where id = $1`, [v.id]);
      const result = await t.services.audit.verifyChain();
      assert.deepEqual(result.broken, victims.map((v) => v.id));
      assert.equal(result.brokenAt, victims[0]!.id);
      for (const v of victims) await t.db.query('update audit_events set detail = $2::jsonb where id = $1', [v.id, v.detail]);
    } finally {
      await t.db.query('alter table audit_events enable trigger audit_events_no_update_or_delete');
    }
    assert.deepEqual((await t.services.audit.verifyChain()).broken, [], 'restored');
  });

  test('fails closed: when the audit row cannot be written, the contact is not recorded, the child’s page is not shown and sign-in fails', async (ctx) => {
    const logged = ctx.mock.method(console, 'error', () => {});
    const form = await newContactForm('Fay', 'Failclosed', '2011');
    const before = { contacts: await count('contacts'), people: await count('people'), audit: await count('audit_events'), submissions: await count('form_submissions'), sessions: await count('sessions') };
    await t.db.query('alter table audit_chain_head rename to audit_chain_head_gone');
    try {
      const recorded = await mash.post('/contacts', form);
      assert.equal(recorded.status, 500);
      assert.match(recorded.body, /Nothing was saved/);

      const viewed = await mash.get(`/children/${childId}`);
      assert.equal(viewed.status, 500);
      assert.doesNotMatch(viewed.body, /Audrey/, 'nothing of the child is shown');

      const contactPage = await mash.get(`/contacts/new?person=${childId}`);
      assert.equal(contactPage.status, 500);
      assert.doesNotMatch(contactPage.body, /Audrey/);

      const client = t.anonymous();
      await client.get('/sign-in');
      const signIn = await client.post('/sign-in', { username: 'analyst', password: TEST_PASSWORD, next: '/' });
      assert.equal(signIn.status, 500);
      assert.ok(!client.hasCookie('hearth_session'), 'no session cookie');
    } finally {
      await t.db.query('alter table audit_chain_head_gone rename to audit_chain_head');
    }
    const afterFailure = { contacts: await count('contacts'), people: await count('people'), audit: await count('audit_events'), submissions: await count('form_submissions'), sessions: await count('sessions') };
    assert.deepEqual(afterFailure, before, 'nothing was written');
    assert.equal(logged.mock.callCount(), 4, 'each failure was logged');

    const retried = await mash.post('/contacts', form);
    assert.equal(retried.status, 303, 'the same form goes through once auditing works again');
    assert.equal(await count('contacts'), before.contacts + 1);
    assert.equal((await t.services.audit.verifyChain()).brokenAt, null);
  });

  test('fails closed when the chain head row is missing', async (ctx) => {
    ctx.mock.method(console, 'error', () => {});
    const [head] = await t.db.query<{ last_id: number; hash: string }>('select last_id, hash from audit_chain_head where id = 1');
    await t.db.query('delete from audit_chain_head');
    try {
      assert.equal((await mash.get(`/children/${childId}`)).status, 500);
    } finally {
      await t.db.query('insert into audit_chain_head (id, last_id, hash) values (1, $1, $2)', [head!.last_id, head!.hash]);
    }
    assert.equal((await mash.get(`/children/${childId}`)).status, 200);
    assert.equal((await t.services.audit.verifyChain()).brokenAt, null);
  });
});
