/**
 * A child already known must not be recorded twice: the search finds them (and says why), and a
 * new child that looks like a known one needs the worker's confirmation before it is created.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browserless } from '../../../test/support/browserless.js';
import { errorSummary, hiddenValue } from '../../../test/support/browserless.js';
import { frontDoorCounts, hasElementWithId, inlineError, inputValue, newChildContactFields, seedContact } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

const CONFIRM = 'Check the possible matches, then confirm that none of them is this child';
const EMPTY_PERSON = { givenName: '', familyName: '', 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', nhsNumber: '' };

/** The possible-matches table on the find results page: name, date of birth, NHS number, child ID, why, action. */
function matchTable(html: string): string[][] {
  const start = html.indexOf('<table');
  if (start < 0) return [];
  const table = html.slice(start, html.indexOf('</table>', start));
  return [...table.slice(table.indexOf('<tbody')).matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]!.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()),
  );
}

describe('duplicate children: the search finds a known child, and a look-alike new child needs confirming', () => {
  let t: TestApp;
  let mash: Browserless;
  let harry: string;
  let lily: string;
  let twin: string;
  let sean: string;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    mash = await t.as('mash');
    await mash.get('/contacts/new');
    harry = (await seedContact(t, { person: { givenName: 'Harry', familyName: 'Potter', dateOfBirth: '2014-07-31', nhsNumber: '9434765919', sex: 'M' } })).personId;
    lily = (await seedContact(t, { person: { givenName: 'Lily', familyName: 'Evans', dateOfBirth: '2015-05-03', sex: 'F' } })).personId;
    twin = (await seedContact(t, { person: { givenName: 'Fred', familyName: 'Weasley', dateOfBirth: '2016-04-01', sex: 'M' } })).personId;
    sean = (await seedContact(t, { person: { givenName: 'Seán', familyName: 'O’Brien-Smith', dateOfBirth: '2013-01-02', sex: 'M' } })).personId;
  });
  after(async () => t.close());

  describe('the find page lists possible matches with the reason', () => {
    test('the same NHS number (typed with spaces) finds the child: "same NHS number"', async () => {
      const res = await mash.post('/contacts/find', { ...EMPTY_PERSON, nhsNumber: '943 476 5919' });
      assert.equal(res.status, 200);
      assert.match(res.body, /1 possible match</);
      const rows = matchTable(res.body);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]![0], 'Harry Potter');
      assert.equal(rows[0]![2], '9434765919');
      assert.equal(rows[0]![4], 'same NHS number');
      assert.match(res.body, new RegExp(`href="/contacts/new\\?person=${harry}"`), 'a link to record the contact for the known child');
    });

    test('the same name and date of birth finds the child: "same date of birth, same name"', async () => {
      const res = await mash.post('/contacts/find', { ...EMPTY_PERSON, givenName: 'lily', familyName: 'EVANS', 'dateOfBirth-day': '3', 'dateOfBirth-month': '5', 'dateOfBirth-year': '2015' });
      const rows = matchTable(res.body);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]![0], 'Lily Evans');
      assert.equal(rows[0]![4], 'same date of birth, same name');
    });

    test('a sibling with the same date of birth and family name is a possible match: "same date of birth, same family name"', async () => {
      const res = await mash.post('/contacts/find', { ...EMPTY_PERSON, givenName: 'George', familyName: 'Weasley', 'dateOfBirth-day': '1', 'dateOfBirth-month': '4', 'dateOfBirth-year': '2016' });
      const rows = matchTable(res.body);
      assert.deepEqual(rows.map((r) => [r[0], r[4]]), [['Fred Weasley', 'same date of birth, same family name']]);
    });

    test('names match without regard to case, spaces or punctuation, when searched with a first name', async () => {
      const res = await mash.post('/contacts/find', { ...EMPTY_PERSON, givenName: 'Seán', familyName: "o'brien smith" });
      assert.deepEqual(matchTable(res.body).map((r) => [r[0], r[4]]), [['Seán O’Brien-Smith', 'same name']]);
    });

    test('a search by last name only finds the child whatever the case or punctuation ("obrien-smith", "O\'Brien Smith")', async () => {
      for (const familyName of ['O’Brien-Smith', 'obrien-smith', "O'Brien Smith", 'OBRIENSMITH']) {
        const res = await mash.post('/contacts/find', { ...EMPTY_PERSON, familyName });
        assert.equal(res.status, 200);
        assert.deepEqual(matchTable(res.body).map((r) => [r[0], r[4]]), [['Seán O’Brien-Smith', 'same family name']], familyName);
      }
      assert.ok(sean);
    });

    test('nobody known: "No child found", and the new-child form is filled in from the search', async () => {
      const res = await mash.post('/contacts/find', { ...EMPTY_PERSON, givenName: 'Luna', familyName: 'Lovegood', 'dateOfBirth-day': '13', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2015' });
      assert.equal(res.status, 200);
      assert.match(res.body, /<h1 class="govuk-heading-l">No child found<\/h1>/);
      assert.equal(inputValue(res.body, 'givenName'), 'Luna');
      assert.equal(inputValue(res.body, 'dateOfBirth-day'), '13');
      assert.ok(hiddenValue(res.body, 'formToken', '/contacts'), 'the new-child form is ready to post');
      assert.doesNotMatch(res.body, /name="confirmNotDuplicate"/, 'no confirmation when there is nothing to confirm');
    });
  });

  describe('recording a "new" child who looks like a known one', () => {
    async function refusedUnconfirmed(fields: Record<string, string>) {
      const before = await frontDoorCounts(t);
      const res = await mash.post('/contacts', newChildContactFields(fields));
      assert.equal(res.status, 400);
      assert.deepEqual(errorSummary(res.body), [`confirmNotDuplicate: ${CONFIRM}`]);
      assert.equal(inlineError(res.body, 'confirmNotDuplicate'), CONFIRM);
      assert.ok(hasElementWithId(res.body, 'confirmNotDuplicate'), 'the confirmation checkbox is on the page for the summary to link to');
      assert.deepEqual(await frontDoorCounts(t), before, 'no person and no contact created');
      return res;
    }

    test('same NHS number: refused even with the confirmation, because an NHS number belongs to one child; the known child is listed', async () => {
      for (const confirm of ['', 'yes']) {
        const before = await frontDoorCounts(t);
        const res = await mash.post('/contacts', newChildContactFields({ givenName: 'Harold', familyName: 'Potts', nhsNumber: '9434765919', confirmNotDuplicate: confirm, 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '' }));
        assert.equal(res.status, 400);
        assert.equal(errorSummary(res.body).length, 1);
        assert.match(errorSummary(res.body)[0]!, /^nhsNumber: A child with this NHS number is already known \(child ID C\d+\)/);
        assert.deepEqual(matchTable(res.body).map((r) => [r[0], r[4]]), [['Harry Potter', 'same NHS number']]);
        assert.equal(inputValue(res.body, 'givenName'), 'Harold', 'what was typed is kept');
        assert.deepEqual(await frontDoorCounts(t), before, 'nothing created');
      }
    });

    test('a look-alike confirmed as a different child: created, and the audit records which matches the worker set aside', async () => {
      const before = await frontDoorCounts(t);
      const res = await mash.post('/contacts', newChildContactFields({ givenName: 'Harry', familyName: 'Potter', nhsNumber: '', confirmNotDuplicate: 'yes' }));
      assert.equal(res.status, 303);
      const after = await frontDoorCounts(t);
      assert.equal(after.people, before.people + 1);
      assert.equal(after.contacts, before.contacts + 1);
      const [audit] = await t.db.query<{ detail: { possibleMatchesConfirmedNotSame: string[] } }>(
        "select detail from audit_events where action = 'create' and subject_type = 'person' order by id desc limit 1",
      );
      assert.ok(audit!.detail.possibleMatchesConfirmedNotSame.includes(harry), 'the audit records which matches the worker set aside');
    });

    test('same name and date of birth without the confirmation: refused; with it: created', async () => {
      const res = await refusedUnconfirmed({ givenName: 'Lily', familyName: 'Evans' });
      assert.deepEqual(matchTable(res.body).map((r) => r[0]), ['Lily Evans']);
      const before = await frontDoorCounts(t);
      const ok = await mash.post('/contacts', newChildContactFields({ givenName: 'Lily', familyName: 'Evans', confirmNotDuplicate: 'yes', formToken: hiddenValue(res.body, 'formToken', '/contacts')! }));
      assert.equal(ok.status, 303);
      assert.equal((await frontDoorCounts(t)).people, before.people + 1);
    });

    test('a twin (same family name and date of birth, different first name) is refused with the sibling listed, so the worker can confirm', async () => {
      const res = await refusedUnconfirmed({ givenName: 'George', familyName: 'Weasley', 'dateOfBirth-day': '1', 'dateOfBirth-month': '4', 'dateOfBirth-year': '2016' });
      assert.deepEqual(matchTable(res.body).map((r) => [r[0], r[4]]), [['Fred Weasley', 'same date of birth, same family name']]);
      assert.match(res.body, new RegExp(`/contacts/new\\?person=${twin}`));
      const ok = await mash.post('/contacts', newChildContactFields({ givenName: 'George', familyName: 'Weasley', 'dateOfBirth-day': '1', 'dateOfBirth-month': '4', 'dateOfBirth-year': '2016', confirmNotDuplicate: 'yes' }));
      assert.equal(ok.status, 303);
    });

    test('a child unlike anyone known needs no confirmation', async () => {
      const before = await frontDoorCounts(t);
      const res = await mash.post('/contacts', newChildContactFields({ givenName: 'Neville', familyName: 'Longbottom', 'dateOfBirth-day': '30', 'dateOfBirth-month': '7', 'dateOfBirth-year': '2014' }));
      assert.equal(res.status, 303);
      assert.equal((await frontDoorCounts(t)).people, before.people + 1);
    });

    test('choosing the known child from the matches records the contact for them: no new person', async () => {
      const form = await mash.get(`/contacts/new?person=${lily}`);
      assert.equal(form.status, 200);
      assert.match(form.body, /Contact about Lily Evans/);
      const before = await frontDoorCounts(t);
      const res = await mash.post('/contacts', { ...newChildContactFields({ givenName: '', familyName: '' }), personId: lily, formToken: hiddenValue(form.body, 'formToken', '/contacts')! });
      assert.equal(res.status, 303);
      const after = await frontDoorCounts(t);
      assert.equal(after.people, before.people);
      assert.equal(after.contacts, before.contacts + 1);
      const [row] = await t.db.query<{ person_id: string }>('select person_id from contacts where id = $1', [res.location!.split('/').at(-1)]);
      assert.equal(row!.person_id, lily);
    });
  });
});

describe('an unborn child', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
  });
  after(async () => t.close());

  test('a date of birth after today is recorded as the expected date of birth, and the child’s page says so', async () => {
    const mash = await t.as('mash');
    await mash.get('/contacts/new');
    const res = await mash.post('/contacts', newChildContactFields({ givenName: 'Baby', familyName: 'Nguyen', 'dateOfBirth-day': '14', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2027', nhsNumber: '' }));
    assert.equal(res.status, 303, res.body.slice(0, 500));
    const [person] = await t.db.query<{ id: string; date_of_birth: string | null; expected_date_of_birth: string | null }>("select id, date_of_birth, expected_date_of_birth from people where family_name = 'Nguyen'");
    assert.equal(person!.date_of_birth, null);
    assert.equal(person!.expected_date_of_birth, '2027-02-14');
    const page = await mash.get(`/children/${person!.id}`);
    assert.match(page.body, /Not yet born \(expected 14 February 2027\)/);
  });
});
