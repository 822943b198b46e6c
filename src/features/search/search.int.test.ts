/**
 * Finding a child (issue 3): by a misspelt name, by a name in another alphabet, by date of birth,
 * NHS number, UPN or child ID; only children the searcher may see; every search audited; the
 * criteria never in a URL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Browserless, errorSummary } from '../../../test/support/browserless.js';
import { childCellName, inputValue, seedContact, tableRows } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

const EMPTY = { name: '', 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', identifier: '' };

describe('Find a child', () => {
  let t: TestApp;
  let analyst: Browserless;
  const id: Record<string, string> = {};

  /** The names in the results table, in order. */
  async function names(client: Browserless, fields: Partial<typeof EMPTY>): Promise<string[]> {
    await client.get('/search');
    const res = await client.post('/search', { ...EMPTY, ...fields });
    assert.equal(res.status, 200, `search ${JSON.stringify(fields)}: ${res.status}`);
    return tableRows(res.body, 'search-results').map((r) => childCellName(r[0]!));
  }

  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    const child = async (key: string, givenName: string, familyName: string, dateOfBirth: string | null, nhsNumber: string | null = null) => {
      id[key] = (await seedContact(t, { person: { givenName, familyName, dateOfBirth, nhsNumber, sex: 'U' } })).personId;
    };
    await child('harry', 'Harry', 'Johnson', '2014-07-31', '9434765919');
    await child('katherine', 'Katherine', 'Smith', '2016-02-29');
    await child('muhammad', 'Muhammad', 'Ali', '2012-01-15');
    await child('mahmoud', 'Mahmoud', 'Darwish', '2011-03-13');
    await child('dmitriy', 'Дмитрий', 'Иванов', '2013-05-09');
    await child('dmitry', 'Dmitry', 'Petrov', '2015-10-01');
    await child('arabic', 'محمد', 'حسن', '2010-06-30');
    await child('wang', '伟', '王', '2017-12-24');
    await child('sean', 'Seán', 'O’Brien-Smith', '2013-01-02');
    await child('twinA', 'Ada', 'Lovelace', '2019-12-10');
    await child('twinB', 'Byron', 'Lovelace', '2019-12-10');
    await t.db.query('update people set upn = $1 where id = $2', ['A999123456789', id.katherine]);
    analyst = await t.as('analyst');
  });
  after(async () => t.close());

  describe('the page', () => {
    test('GET /search shows the form, with the CSRF token, posting to /search', async () => {
      const res = await analyst.get('/search');
      assert.equal(res.status, 200);
      assert.match(res.body, /<h1 class="govuk-heading-l">Find a child<\/h1>/);
      assert.match(res.body, /<form method="post" action="\/search" novalidate>/);
      assert.equal(inputValue(res.body, 'name'), '');
      assert.equal(inputValue(res.body, 'identifier'), '');
      assert.ok(inputValue(res.body, '_csrf'), 'CSRF token');
    });

    test('"Find a child" is in the navigation for roles that can see a child, and not for others, whose /search is 404', async () => {
      for (const username of ['worker', 'teammgr', 'servicemgr', 'mash', 'analyst', 'iro']) {
        const res = await (await t.as(username)).get('/search');
        assert.equal(res.status, 200, username);
        assert.match(res.body, /href="\/search"[^>]*>\s*(<strong[^>]*>)?Find a child/, `${username}: navigation item`);
      }
      for (const username of ['commissioner', 'admin']) {
        const client = await t.as(username);
        assert.equal((await client.get('/search')).status, 404, username);
        const home = await client.get('/');
        assert.doesNotMatch(home.body, /Find a child/, `${username}: no navigation item`);
        assert.equal((await client.post('/search', { ...EMPTY, name: 'Harry' }, { page: home.body })).status, 404, `${username}: POST too`);
      }
    });

    test('the criteria are never put in the URL: a GET with a query string searches nothing', async () => {
      const before = await searchAudits();
      const res = await analyst.get('/search?identifier=9434765919&name=Harry');
      assert.equal(res.status, 200);
      assert.equal(tableRows(res.body, 'search-results').length, 0);
      assert.equal(inputValue(res.body, 'identifier'), '', 'not even shown back');
      assert.equal(await searchAudits(), before, 'no search ran');
    });

    test('a search without the CSRF token is refused', async () => {
      await analyst.get('/search');
      const res = await analyst.post('/search', { ...EMPTY, name: 'Harry', _csrf: 'forged' });
      assert.equal(res.status, 403);
    });

    test('results: name linking to the child, date of birth, age, child ID and team; the form keeps what was typed', async () => {
      await analyst.get('/search');
      const res = await analyst.post('/search', { ...EMPTY, name: 'harry johnson' });
      assert.equal(res.status, 200);
      assert.match(res.body, /1 child found/);
      const [laChildId] = await t.db.query<{ la_child_id: string }>('select la_child_id from people where id = $1', [id.harry]);
      assert.deepEqual(tableRows(res.body, 'search-results').map((r) => [childCellName(r[0]!), ...r.slice(1)]), [['Harry Johnson', '31 July 2014', '12 years', laChildId!.la_child_id, 'No open case']]);
      assert.match(res.body, new RegExp(`<a class="govuk-link" href="/children/${id.harry}">Harry Johnson</a>`));
      assert.equal(inputValue(res.body, 'name'), 'harry johnson');
    });
  });

  describe('names: misspelt, in another order, or in another alphabet', () => {
    const cases: [string, string, string][] = [
      ['Jonson', 'Harry Johnson', 'a letter missing (trigram word similarity 0.5, and the same sound)'],
      ['Harry Jonsen', 'Harry Johnson', 'two letters wrong in a full name'],
      ['Catherine Smith', 'Katherine Smith', 'C for K (trigram similarity 0.54)'],
      ['Katharine', 'Katherine Smith', 'one vowel wrong'],
      ['smith katherine', 'Katherine Smith', 'family name first'],
      ['Mohamed', 'Muhammad Ali', 'trigrams miss it (0.13): found by sound (Double Metaphone MHMT)'],
      ['Dmitry', 'Дмитрий Иванов', 'a Latin spelling finds a name stored in Cyrillic'],
      ['Дмитрий', 'Dmitry Petrov', 'a name typed in Cyrillic finds a Latin spelling'],
      ['Muhammad', 'محمد حسن', 'a Latin spelling finds a name stored in Arabic script (mhmd: by consonants)'],
      ['محمد', 'Muhammad Ali', 'a name typed in Arabic script finds a Latin spelling'],
      ['Wang Wei', '伟 王', 'a Latin spelling finds a name stored in Chinese characters'],
      ['Sean OBrien Smith', 'Seán O’Brien-Smith', 'accents, apostrophes and hyphens do not matter'],
    ];
    for (const [typed, expected, why] of cases) {
      test(`"${typed}" finds ${expected}: ${why}`, async () => {
        const found = await names(analyst, { name: typed });
        assert.ok(found.includes(expected), `${typed}: ${JSON.stringify(found)}`);
      });
    }

    test('the closest name comes first', async () => {
      assert.equal((await names(analyst, { name: 'Katherine Smith' }))[0], 'Katherine Smith');
      assert.equal((await names(analyst, { name: 'Dmitry' }))[0], 'Dmitry Petrov', 'the exact spelling before the transliterated one');
    });

    test('names that are not alike are not found: "Mohamed" does not find Mahmoud, "Hermione Granger" finds nobody', async () => {
      assert.ok(!(await names(analyst, { name: 'Mohamed' })).includes('Mahmoud Darwish'));
      assert.deepEqual(await names(analyst, { name: 'Hermione Granger' }), []);
    });
  });

  describe('date of birth and identifiers', () => {
    test('a date of birth alone finds every child born that day', async () => {
      assert.deepEqual(await names(analyst, { 'dateOfBirth-day': '10', 'dateOfBirth-month': '12', 'dateOfBirth-year': '2019' }), ['Ada Lovelace', 'Byron Lovelace']);
    });

    test('a name and a date of birth must both match', async () => {
      assert.deepEqual(await names(analyst, { name: 'Lovlace', 'dateOfBirth-day': '10', 'dateOfBirth-month': '12', 'dateOfBirth-year': '2019' }).then((n) => n.sort()), ['Ada Lovelace', 'Byron Lovelace']);
      assert.deepEqual(await names(analyst, { name: 'Byron', 'dateOfBirth-day': '10', 'dateOfBirth-month': '12', 'dateOfBirth-year': '2019' }), ['Byron Lovelace']);
      assert.deepEqual(await names(analyst, { name: 'Harry Johnson', 'dateOfBirth-day': '1', 'dateOfBirth-month': '8', 'dateOfBirth-year': '2014' }), []);
    });

    test('an NHS number, typed with spaces or dashes', async () => {
      assert.deepEqual(await names(analyst, { identifier: '943 476 5919' }), ['Harry Johnson']);
      assert.deepEqual(await names(analyst, { identifier: '943-476-5919' }), ['Harry Johnson']);
    });

    test('a UPN, in any case', async () => {
      assert.deepEqual(await names(analyst, { identifier: 'a999123456789' }), ['Katherine Smith']);
    });

    test('a child ID', async () => {
      const [row] = await t.db.query<{ la_child_id: string }>('select la_child_id from people where id = $1', [id.sean]);
      assert.deepEqual(await names(analyst, { identifier: row!.la_child_id }), ['Seán O’Brien-Smith']);
      assert.deepEqual(await names(analyst, { identifier: row!.la_child_id.toLowerCase() }), ['Seán O’Brien-Smith']);
    });

    test('more than 50 matches: the 50 closest, and a prompt to narrow the search', async () => {
      for (let i = 1; i <= 52; i++) {
        await t.db.query("insert into people (la_child_id, given_name, family_name, date_of_birth) values ($1, $2, 'Manyfold', '2016-01-01')", [`Q${String(i).padStart(7, '0')}`, `Child${i}`]);
      }
      await analyst.get('/search');
      const res = await analyst.post('/search', { ...EMPTY, name: 'Manyfold' });
      assert.equal(res.status, 200);
      assert.equal(tableRows(res.body, 'search-results').length, 50);
      assert.match(res.body, /50 children found/);
      assert.match(res.body, /These are the 50 closest matches\. There are more: add a date of birth, or more of the name, to narrow the search\./);
      const [row] = await t.db.query<{ detail: Record<string, unknown> }>("select detail from audit_events where action = 'person-search' order by id desc limit 1");
      assert.deepEqual(row!.detail, { results: 50, more: true });
    });

    test('nobody matching: 200, "No children found"', async () => {
      await analyst.get('/search');
      const res = await analyst.post('/search', { ...EMPTY, identifier: '4857773456' });
      assert.equal(res.status, 200);
      assert.match(res.body, /No children found/);
      assert.equal(tableRows(res.body, 'search-results').length, 0);
    });
  });

  describe('bad input: 400, the GOV.UK error summary, what was typed kept', () => {
    const cases: [string, Partial<typeof EMPTY>, string[]][] = [
      ['nothing entered', {}, ['name: Enter a name, a date of birth, or an NHS number, UPN or child ID']],
      ['a name of one letter', { name: 'J' }, ['name: Name must include at least 2 letters']],
      ['a name of punctuation only', { name: '?!' }, ['name: Name must include at least 2 letters']],
      ['a name over 100 characters', { name: 'a'.repeat(101) }, ['name: Name must be 100 characters or fewer']],
      ['a date that does not exist', { 'dateOfBirth-day': '30', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2015' }, ['dateOfBirth-day: Date of birth must be a real date']],
      ['a date without a year', { name: 'Harry', 'dateOfBirth-day': '30', 'dateOfBirth-month': '2' }, ['dateOfBirth-year: Date of birth must include a year']],
      ['an identifier with symbols', { identifier: "1' or 1=1" }, ['identifier: NHS number, UPN or child ID must be letters and numbers only, like 485 777 3456 or C0001234']],
      ['an identifier over 20 characters', { identifier: 'A'.repeat(21) }, ['identifier: NHS number, UPN or child ID must be letters and numbers only, like 485 777 3456 or C0001234']],
    ];
    for (const [what, fields, expected] of cases) {
      test(what, async () => {
        const before = await searchAudits();
        await analyst.get('/search');
        const res = await analyst.post('/search', { ...EMPTY, ...fields });
        assert.equal(res.status, 400);
        assert.deepEqual(errorSummary(res.body), expected);
        assert.match(res.body, /<title>Error: Find a child/);
        for (const [field, value] of Object.entries(fields)) if (!field.startsWith('dateOfBirth')) assert.equal(inputValue(res.body, field), value, field);
        assert.equal(await searchAudits(), before, 'no search ran');
      });
    }
  });

  describe('only children the searcher may see', () => {
    before(async () => {
      // Harry is allocated to 'worker' in the Assessment team.
      await t.db.query('insert into allocations (person_id, worker_id, team_id, start_date) values ($1, $2, $3, $4)', [id.harry, t.ids.worker, t.ids['team:Assessment'], '2026-11-01']);
    });

    test('an allocated worker finds their child, and no one else, whatever they search for', async () => {
      const worker = await t.as('worker');
      assert.deepEqual(await names(worker, { name: 'Jonson' }), ['Harry Johnson']);
      assert.deepEqual(await names(worker, { name: 'Katherine Smith' }), []);
      assert.deepEqual(await names(worker, { identifier: 'A999123456789' }), [], 'an identifier does not reveal a child out of scope');
      assert.deepEqual(await names(worker, { 'dateOfBirth-day': '10', 'dateOfBirth-month': '12', 'dateOfBirth-year': '2019' }), []);
    });

    test('the team shows in the results', async () => {
      const worker = await t.as('worker');
      await worker.get('/search');
      const res = await worker.post('/search', { ...EMPTY, name: 'Harry' });
      assert.equal(tableRows(res.body, 'search-results')[0]![4], 'Assessment');
    });

    test('a worker in another team finds nobody; the MASH worker finds any child with a contact', async () => {
      assert.deepEqual(await names(await t.as('otherworker'), { name: 'Harry Johnson' }), []);
      assert.deepEqual(await names(await t.as('mash'), { name: 'Harry Johnson' }), ['Harry Johnson']);
    });

    test('an IRO finds only children with an open episode', async () => {
      assert.deepEqual(await names(await t.as('iro'), { name: 'Harry Johnson' }), []);
    });
  });

  describe('audit', () => {
    test('each search writes one "person-search" row with the number of results, and not what was searched for', async () => {
      const before = await searchAudits();
      await names(analyst, { identifier: '9434765919' });
      await names(analyst, { name: 'Lovelace' });
      const rows = await t.db.query<{ user_id: string; detail: Record<string, unknown>; subject_type: string }>(
        "select user_id, detail, subject_type from audit_events where action = 'person-search' order by id desc limit 2",
      );
      assert.equal(await searchAudits(), before + 2);
      assert.deepEqual(rows.map((r) => r.detail), [{ results: 2, more: false }, { results: 1, more: false }]);
      assert.ok(rows.every((r) => r.user_id === t.ids.analyst && r.subject_type === 'person'));
      const text = JSON.stringify(rows);
      assert.doesNotMatch(text, /9434765919|Lovelace/i, 'no criteria in the audit row');
    });
  });

  describe('the search columns are kept with the name', () => {
    test('a child written without them (bulk load, other code) is found: they are computed before the search', async () => {
      await t.db.query(
        "insert into people (la_child_id, given_name, family_name, date_of_birth) values ('C9990001', 'Γιώργος', 'Παπαδόπουλος', '2015-04-04')",
      );
      const [row] = await t.db.query<{ search_name: string | null }>("select search_name from people where la_child_id = 'C9990001'");
      assert.equal(row!.search_name, null);
      assert.deepEqual(await names(analyst, { name: 'Giorgos Papadopoulos' }), ['Γιώργος Παπαδόπουλος']);
      const [filled] = await t.db.query<{ search_name: string; search_keys: string[] }>("select search_name, search_keys from people where la_child_id = 'C9990001'");
      // any-ascii writes Greek ου as "oy"; the trigram similarity to the usual "ou" spelling found it all the same.
      assert.equal(filled!.search_name, 'giorgos papadopoylos');
      assert.ok(filled!.search_keys.length > 0);
    });

    test('a change of name that does not set them clears them, so the new name is found and the old one is not', async () => {
      await t.db.query("update people set family_name = 'Pappas' where la_child_id = 'C9990001'");
      const [row] = await t.db.query<{ search_name: string | null }>("select search_name from people where la_child_id = 'C9990001'");
      assert.equal(row!.search_name, null);
      assert.deepEqual(await names(analyst, { name: 'Giorgos Pappas' }), ['Γιώργος Pappas']);
      assert.deepEqual(await names(analyst, { name: 'Papadopoulos' }), []);
    });

    test('the front door writes them with a new child', async () => {
      const [row] = await t.db.query<{ search_name: string; search_keys: string[] }>('select search_name, search_keys from people where id = $1', [id.arabic]);
      assert.equal(row!.search_name, 'mhmd hsn');
      assert.ok(row!.search_keys.includes('Nmd'));
    });
  });

  async function searchAudits(): Promise<number> {
    const [row] = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where action = 'person-search'");
    return row!.n;
  }
});
