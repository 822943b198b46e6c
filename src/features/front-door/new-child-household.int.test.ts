/**
 * The new-child form takes the child's address (postcode checked), parents or carers (name,
 * relationship, parental responsibility) and school (name; URN optional), saved in the contact's
 * transaction and shown in the family section of the child's page (issue 9). Bad input re-shows the
 * form with 400 and every error, and writes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { errorSummary } from '../../../test/support/browserless.js';
import { countRows, inputValue, newChildContactFields } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

const HOUSEHOLD = {
  addressLine1: '12 Privet Drive',
  addressLine2: '',
  addressTown: 'Little Whinging',
  addressPostcode: 'gu1 1aa',
  'carer1-givenName': 'Petunia',
  'carer1-familyName': 'Dursley',
  'carer1-relationship': 'mother',
  'carer1-pr': 'yes',
  'carer1-livesWith': 'yes',
  'carer2-givenName': 'Vernon',
  'carer2-familyName': 'Dursley',
  'carer2-relationship': 'step-parent',
  'carer2-pr': 'no',
  schoolName: 'St Grogory’s Primary',
  schoolUrn: '123456',
};

describe('the new-child form: address, parents or carers, school', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
  });
  after(async () => t.close());

  test('bad input: 400, every error in the summary, what was typed kept, nothing written', async () => {
    const mash = await t.as('mash');
    await mash.get('/contacts/new');
    const before = [await countRows(t, 'people'), await countRows(t, 'contacts'), await countRows(t, 'addresses'), await countRows(t, 'relationships')];
    const bad = await mash.post('/contacts', newChildContactFields({
      givenName: 'Dudley',
      familyName: 'Dursley',
      ...HOUSEHOLD,
      addressTown: '',
      addressPostcode: 'ZZ99 ZZZ',
      'carer2-relationship': '',
      'carer2-pr': '',
      schoolUrn: '12',
    }));
    assert.equal(bad.status, 400);
    assert.deepEqual(errorSummary(bad.body), [
      'addressTown: Enter the town or city',
      'addressPostcode: Enter a real postcode, like SW1A 2AA',
      'carer2-relationship: Select how the second parent or carer is related to the child',
      'carer2-pr: Select whether the second parent or carer has parental responsibility',
      'schoolUrn: Enter the school’s URN as 6 digits, like 100000, or leave it blank',
    ]);
    assert.equal(inputValue(bad.body, 'addressPostcode'), 'ZZ99 ZZZ');
    assert.equal(inputValue(bad.body, 'carer1-givenName'), 'Petunia');
    assert.deepEqual([await countRows(t, 'people'), await countRows(t, 'contacts'), await countRows(t, 'addresses'), await countRows(t, 'relationships')], before);
  });

  test('saved with the contact, in one transaction, and shown in the family section of the child’s page', async () => {
    const mash = await t.as('mash');
    await mash.get('/contacts/new');
    const created = await mash.post('/contacts', newChildContactFields({ givenName: 'Dudley', familyName: 'Dursley', ...HOUSEHOLD }));
    assert.equal(created.status, 303, errorSummary(created.body).join('; '));
    const [child] = await t.db.query<{ id: string; school_name: string; school_urn: string }>(`select id, school_name, school_urn from people where given_name = 'Dudley'`);
    assert.deepEqual([child!.school_name, child!.school_urn], ['St Grogory’s Primary', '123456']);
    const [address] = await t.db.query<{ postcode: string; start_date: string }>('select postcode, start_date::text from addresses where person_id = $1', [child!.id]);
    assert.deepEqual(address, { postcode: 'GU11AA', start_date: '2026-11-23' });
    const carers = await t.db.query<{ given_name: string; relationship: string; parental_responsibility: boolean; lives_with_child: boolean; is_child: boolean; la_child_id: string | null }>(
      `select p.given_name, r.relationship, r.parental_responsibility, r.lives_with_child, p.is_child, p.la_child_id
         from relationships r join people p on p.id = r.related_person_id where r.person_id = $1 order by p.given_name`,
      [child!.id],
    );
    assert.deepEqual(carers, [
      { given_name: 'Petunia', relationship: 'mother', parental_responsibility: true, lives_with_child: true, is_child: false, la_child_id: null },
      { given_name: 'Vernon', relationship: 'step-parent', parental_responsibility: false, lives_with_child: false, is_child: false, la_child_id: null },
    ]);
    const [audit] = await t.db.query<{ detail: { address: boolean; carers: string[]; school: boolean } }>(`select detail from audit_events where person_id = $1 and subject_type = 'household'`, [child!.id]);
    assert.deepEqual([audit!.detail.address, audit!.detail.carers.length, audit!.detail.school], [true, 2, true]);

    const page = await mash.get(`/children/${child!.id}`);
    assert.equal(page.status, 200);
    const text = page.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    assert.match(text, / School St Grogory’s Primary \(URN 123456\) /);
    assert.match(text, / 12 Privet Drive, Little Whinging GU1 1AA 23 November 2026 Now /);
    assert.match(text, / Petunia Dursley Mother Not known Yes Yes /);
    assert.match(text, / Vernon Dursley Step-parent Not known No No /);
    assert.match(text, /Address: 12 Privet Drive, Little Whinging by Mo Mash 23 November 2026/, 'on the chronology, recorded the day of the contact');
  });
});
