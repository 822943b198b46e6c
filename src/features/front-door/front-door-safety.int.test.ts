import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { errorSummary } from '../../../test/support/browserless.js';
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
