import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { errorSummary } from '../../../test/support/browserless.js';
import { newChildContactFields, seedContact } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

/**
 * Records at the front door are about children: a parent or other adult in the family (is_child
 * false) has no contact and no child's record of their own (issue 9).
 */
describe('adults have no contacts and no child’s record', () => {
  let t: TestApp;
  let adultId: string;
  before(async () => {
    t = await createTestApp();
    const [adult] = await t.db.query<{ id: string }>("insert into people (is_child, given_name, family_name, date_of_birth, sex) values (false, 'Petra', 'Parent', '1988-02-02', 'F') returning id");
    adultId = adult!.id;
  });
  after(async () => t.close());

  const contactForm = (personId: string) => ({
    personId, 'receivedAt-day': '23', 'receivedAt-month': '11', 'receivedAt-year': '2026', receivedTime: '09:15', source: '2A',
    referrerName: '', referrerOrganisation: '', referrerContact: '', concerns: 'Concern', assignedWorkerId: '', formToken: randomUUID(),
  });

  test('a contact about an adult is refused, and nothing is written', async () => {
    const mash = await t.as('mash');
    assert.equal((await mash.get(`/contacts/new?person=${adultId}`)).status, 404, 'no contact form for an adult');
    await mash.get('/contacts/new');
    const posted = await mash.post('/contacts', contactForm(adultId));
    assert.equal(posted.status, 404);
    const [n] = await t.db.query<{ n: number }>('select count(*)::int as n from contacts where person_id = $1', [adultId]);
    assert.equal(n!.n, 0);
  });

  test('an adult has no child’s record, even for those who may read any child’s', async () => {
    for (const username of ['analyst', 'mash']) {
      assert.equal((await (await t.as(username)).get(`/children/${adultId}`)).status, 404, username);
    }
    const analyst = (await t.services.access.loadPrincipal(t.ids.analyst!))!;
    await assert.rejects(t.db.db.transaction((tx) => t.services.access.assertChildAccess(tx, analyst, adultId, 'view')));
  });

  test('the find-the-child step still finds children (the refusal is of adults only)', async () => {
    const mash = await t.as('mash');
    await mash.get('/contacts/new');
    const found = await mash.post('/contacts/find', { givenName: 'Petra', familyName: 'Parent', 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', nhsNumber: '' });
    assert.equal(found.status, 200);
    assert.match(found.body, /No child found/, 'the adult is not offered as a match');
    assert.deepEqual(errorSummary(found.body), []);
  });
});

/** Two tabs, one child: the duplicate check holds when both forms arrive at once (PostgreSQL runs them side by side). */
describe('a new child is created once, however the forms arrive', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const peopleNamed = async (familyName: string) => (await t.db.query<{ n: number }>('select count(*)::int as n from people where family_name = $1', [familyName]))[0]!.n;

  test('two new-child contacts for the same child sent at once from two tabs: one child, and the other tab is asked to check the match', async () => {
    const mash = await t.as('mash');
    await mash.get('/contacts/new');
    const tab = () => newChildContactFields({ givenName: 'Tabitha', familyName: 'Twotabs' });
    const answers = await Promise.all([mash.post('/contacts', tab()), mash.post('/contacts', tab())]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [303, 400]);
    const refused = answers.find((a) => a.status === 400)!;
    assert.deepEqual(errorSummary(refused.body), ['confirmNotDuplicate: Check the possible matches, then confirm that none of them is this child']);
    assert.equal(await peopleNamed('Twotabs'), 1);
  });

  test('two new-child contacts with the same NHS number sent at once: one child, and a clear answer to the other (not a 500)', async () => {
    const mash = await t.as('mash');
    await mash.get('/contacts/new');
    const answers = await Promise.all([
      mash.post('/contacts', newChildContactFields({ givenName: 'Nia', familyName: 'Numberone', nhsNumber: '943 476 5919' })),
      mash.post('/contacts', newChildContactFields({ givenName: 'Noor', familyName: 'Numbertwo', 'dateOfBirth-year': '2012', nhsNumber: '9434765919' })),
    ]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [303, 400]);
    const refused = answers.find((a) => a.status === 400)!;
    assert.match(errorSummary(refused.body).join('\n'), /^nhsNumber: A child with this NHS number is already known \(child ID \w+\)/);
    const [n] = await t.db.query<{ n: number }>("select count(*)::int as n from people where nhs_number = '9434765919'");
    assert.equal(n!.n, 1);
  });

  test('an NHS number belongs to one person: the database refuses a second', async () => {
    await t.db.query("insert into people (is_child, given_name, family_name, nhs_number) values (false, 'Ada', 'Adult', '4010232137')");
    await assert.rejects(
      t.db.query("insert into people (is_child, given_name, family_name, nhs_number) values (false, 'Bea', 'Adult', '4010232137')"),
      /duplicate key value violates unique constraint "people_nhs_number"/,
    );
    const mash = await t.as('mash');
    await mash.get('/contacts/new');
    const refused = await mash.post('/contacts', newChildContactFields({ givenName: 'Cid', familyName: 'Childnumber', nhsNumber: '4010232137' }));
    assert.equal(refused.status, 400, 'the index, not only the check, answers clearly (an adult is no match for a child)');
    assert.deepEqual(errorSummary(refused.body), ['nhsNumber: This NHS number is already recorded for someone else (an adult in a child’s family). Check the number.']);
    assert.equal(await peopleNamed('Childnumber'), 0);
  });
});

/** A right-to-left override in a name reorders what staff see after it (issue 9): refused where names are typed. */
describe('names with control characters or text-direction marks', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  test('a new child’s name with a right-to-left override or a line break is refused with 400, and nothing is written', async () => {
    const mash = await t.as('mash');
    await mash.get('/contacts/new');
    const refused = await mash.post('/contacts', newChildContactFields({ givenName: 'Ann\u202Eeiv', familyName: 'Jones\u2066', referrerName: 'Ms\nHead' }));
    assert.equal(refused.status, 400);
    assert.deepEqual(errorSummary(refused.body), [
      'givenName: First name must not contain control characters or text-direction marks',
      'familyName: Last name must not contain control characters or text-direction marks',
      'referrerName: Referrer’s name must not contain control characters or text-direction marks',
    ]);
    const [n] = await t.db.query<{ n: number }>("select count(*)::int as n from people where given_name like 'Ann%'");
    assert.equal(n!.n, 0);
    const found = await mash.post('/contacts/find', { givenName: 'Ann\u202Eeiv', familyName: 'Jones', 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', nhsNumber: '' });
    assert.equal(found.status, 400);
  });

  test('a name stored before the refusal is isolated (<bdi>) where it runs on into other text', async () => {
    const { contactId } = await seedContact(t, { person: { givenName: 'Plain', familyName: 'Isolate' } });
    await t.db.query("update people set given_name = 'Ann\u202Eeiv' where family_name = 'Isolate'");
    const page = await (await t.as('mash')).get(`/contacts/${contactId}`);
    assert.equal(page.status, 200);
    assert.ok(page.body.includes('View <bdi>Ann\u202Eeiv</bdi>’s record'), 'the override ends with the name');
    assert.ok(page.body.includes('<bdi>Ann\u202Eeiv Isolate</bdi></h1>'));
  });

  test('a user’s name is refused the same way', async () => {
    await assert.rejects(
      t.services.users.addUser({ username: 'spoof', displayName: 'Mo\u202EhsaM', password: 'a long enough password 123', roles: ['social_worker'], teamName: null }),
      (e: { errors?: { field: string; message: string }[] }) => e.errors?.some((x) => x.field === 'name' && /text-direction marks/.test(x.message)) === true,
    );
  });
});
