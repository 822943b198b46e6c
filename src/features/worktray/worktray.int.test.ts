/**
 * The front-door worktray (/front-door): what is waiting, most urgent first, in words a MASH worker
 * reads at a glance; and the referrals awaiting a response on the working-day clock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Conflict, ValidationFailed } from '../../domain/errors.js';
import { childCellName, countRows, seedContact, seedDecision, seedRating, selectedOption, tableRows } from '../../../test/support/front-door.js';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../../../test/support/test-app.js';

/** Worktray contact rows as [child, RAG, decision due, received, from, worker, team]. */
async function contactRows(t: TestApp, query = '', as = 'mash') {
  const client = await t.as(as);
  const page = await client.get(`/front-door${query}`);
  assert.equal(page.status, 200);
  return { rows: tableRows(page.body, 'contacts').map((r) => [childCellName(r[0]!), ...r.slice(1)]), page };
}

async function referralRows(t: TestApp, query = '', as = 'mash') {
  const client = await t.as(as);
  const page = await client.get(`/front-door${query}`);
  assert.equal(page.status, 200);
  return { rows: tableRows(page.body, 'referrals').map((r) => [childCellName(r[0]!), ...r.slice(1)]), page };
}

const hoursAgo = (now: Date, h: number) => new Date(now.getTime() - h * 3_600_000);

describe('worktray: contacts awaiting a MASH decision, most urgent first', () => {
  let t: TestApp;
  // Monday 23 November 2026, 10:00 in London (GMT).
  const NOW = new Date('2026-11-23T10:00:00Z');
  const ids: Record<string, string> = {};
  before(async () => {
    t = await createTestApp({ now: NOW });
    await t.services.users.addTeam({ name: 'MASH East', kind: 'team', parentName: 'Children’s Services', isFrontDoor: true });
    t.ids.east = await t.services.users.addUser({ username: 'east', displayName: 'Eve East', password: TEST_PASSWORD, roles: ['mash_worker'], teamName: 'MASH East' });
    t.ids['team:MASH East'] = (await t.services.users.listTeams()).find((x) => x.name === 'MASH East')!.id;

    // Red, received 7 hours ago: due 3 hours ago.
    ids.olive = (await seedContact(t, { person: { givenName: 'Olive', familyName: 'Overdue' }, receivedAt: hoursAgo(NOW, 7) })).contactId;
    await seedRating(t, ids.olive, 'red');
    // Not rated, received 2 hours ago: the red clock, due in 2 hours.
    ids.una = (await seedContact(t, { person: { givenName: 'Una', familyName: 'Unrated' }, receivedAt: hoursAgo(NOW, 2), assignedWorkerId: t.ids.mash2! })).contactId;
    // Red, received 1 hour ago: due in 3 hours.
    ids.rory = (await seedContact(t, { person: { givenName: 'Rory', familyName: 'Red' }, receivedAt: hoursAgo(NOW, 1) })).contactId;
    await seedRating(t, ids.rory, 'red');
    // Amber, received 20 hours ago: due in 4 hours.
    ids.amy = (await seedContact(t, { person: { givenName: 'Amy', familyName: 'Amber' }, receivedAt: hoursAgo(NOW, 20), assignedWorkerId: t.ids.mash2! })).contactId;
    await seedRating(t, ids.amy, 'amber');
    // Green, received 1 hour ago: due in 71 hours.
    ids.gus = (await seedContact(t, { person: { givenName: 'Gus', familyName: 'Green' }, receivedAt: hoursAgo(NOW, 1) })).contactId;
    await seedRating(t, ids.gus, 'green');
    // Recorded by the other MASH team, not rated, received 30 minutes ago: due in 3 hours 30 minutes.
    ids.eddie = (await seedContact(t, { as: 'east', person: { givenName: 'Eddie', familyName: 'East' }, receivedAt: hoursAgo(NOW, 0.5) })).contactId;
  });
  after(async () => t.close());

  test('ordered by when the decision is due: red received 1 hour ago before amber received 20 hours ago before green; unrated runs on the red clock', async () => {
    const { rows, page } = await contactRows(t);
    assert.deepEqual(
      rows.map((r) => [r[0], r[1], r[2]]),
      [
        ['Olive Overdue', 'Red', 'overdue by 3 hours'],
        ['Una Unrated', 'Not rated', 'due in 2 hours'],
        ['Rory Red', 'Red', 'due in 3 hours'],
        ['Eddie East', 'Not rated', 'due in 3 hours'],
        ['Amy Amber', 'Amber', 'due in 4 hours'],
        ['Gus Green', 'Green', 'due in 2 days'],
      ],
    );
    assert.match(page.body, /<strong class="hearth-overdue">1 overdue<\/strong>/);
    assert.match(page.body, /6 contacts awaiting a MASH decision/);
    assert.match(page.body, /RAG clocks, in hours including nights and weekends: red 4, amber 24, green 72\./);
    assert.deepEqual(rows[0]!.slice(3), ['23 November 2026 at 3:00am', 'Police', 'Mo Mash', 'MASH']);
    assert.equal(rows[1]![5], 'Mia Mash', 'the assigned MASH worker');
  });

  test('the words follow the clock: an hour later, Una is due in 1 hour and Olive is overdue by 4 hours', async () => {
    t.clock.set(new Date('2026-11-23T11:00:00Z'));
    try {
      const { rows } = await contactRows(t);
      const due = Object.fromEntries(rows.map((r) => [r[0], r[2]]));
      assert.equal(due['Olive Overdue'], 'overdue by 4 hours');
      assert.equal(due['Una Unrated'], 'due in 1 hour');
      assert.equal(due['Eddie East'], 'due in 2 hours');
    } finally {
      t.clock.set(NOW);
    }
  });

  test('filter by MASH worker shows only the contacts assigned to them, and keeps the choice selected', async () => {
    const { rows, page } = await contactRows(t, `?worker=${t.ids.mash2}`);
    assert.deepEqual(rows.map((r) => r[0]), ['Una Unrated', 'Amy Amber']);
    assert.equal(selectedOption(page.body, 'worker'), t.ids.mash2);
    assert.match(page.body, /2 contacts awaiting a MASH decision/);
  });

  test('filter by team shows only that front-door team’s contacts', async () => {
    const east = await contactRows(t, `?team=${t.ids['team:MASH East']}`);
    assert.deepEqual(east.rows.map((r) => [r[0], r[6]]), [['Eddie East', 'MASH East']]);
    assert.equal(selectedOption(east.page.body, 'team'), t.ids['team:MASH East']);
    const mash = await contactRows(t, `?team=${t.ids['team:MASH']}`);
    assert.ok(!mash.rows.some((r) => r[0] === 'Eddie East'));
    assert.equal(mash.rows.length, 5);
    const both = await contactRows(t, `?team=${t.ids['team:MASH']}&worker=${t.ids.mash2}`);
    assert.deepEqual(both.rows.map((r) => r[0]), ['Una Unrated', 'Amy Amber']);
  });

  test('a filter value that is not an id is ignored, not an error', async () => {
    const { rows } = await contactRows(t, '?worker=nobody&team=%27;drop%20table%20contacts');
    assert.equal(rows.length, 6);
  });

  test('a decided contact leaves the worktray', async () => {
    await seedDecision(t, ids.olive!, 'nfa');
    const { rows, page } = await contactRows(t);
    assert.ok(!rows.some((r) => r[0] === 'Olive Overdue'));
    assert.equal(rows.length, 5);
    assert.doesNotMatch(page.body, /hearth-overdue">\d+ overdue/, 'nothing overdue now');
  });

  test('a referral opened from the worktray appears under referrals awaiting a response, due tomorrow (Tuesday)', async () => {
    await seedDecision(t, ids.gus!, 'referral', 'N1');
    const { rows, page } = await referralRows(t);
    assert.deepEqual(rows, [['Gus Green', 'due tomorrow', '23 November 2026', 'MASH']]);
    assert.match(page.body, /1 referral awaiting a response/);
    const { rows: contacts } = await contactRows(t);
    assert.ok(!contacts.some((r) => r[0] === 'Gus Green'), 'the contact itself is decided');
  });
});

describe('worktray: referrals awaiting a response on the working-day clock (Working Together 2023: 1 working day)', () => {
  let t: TestApp;
  before(async () => {
    // Friday 27 November 2026, 11:00.
    t = await createTestApp({ now: new Date('2026-11-27T11:00:00Z') });
    const friday = await seedContact(t, { person: { givenName: 'Fay', familyName: 'Friday' } });
    await seedDecision(t, friday.contactId, 'referral', 'N1');
    // Thursday 24 December 2026: 25 December (Friday) and 28 December (Boxing Day substitute, Monday) are bank holidays.
    t.clock.set(new Date('2026-12-24T11:00:00Z'));
    const christmas = await seedContact(t, { person: { givenName: 'Chris', familyName: 'Eve' }, as: 'mash2' });
    await seedDecision(t, christmas.contactId, 'referral', 'N4', 'mash2');
  });
  after(async () => t.close());

  async function dueWordsOn(isoDate: string): Promise<Record<string, string>> {
    t.clock.set(new Date(`${isoDate}T11:00:00Z`));
    const { rows } = await referralRows(t);
    return Object.fromEntries(rows.map((r) => [r[0], r[1]]));
  }

  const cases: [string, string, string, string][] = [
    // date, child, words, why
    ['2026-11-27', 'Fay Friday', 'due in 1 working day', 'referred Friday: due Monday 30 November'],
    ['2026-11-28', 'Fay Friday', 'due in 1 working day', 'Saturday: Monday is the next working day'],
    ['2026-11-29', 'Fay Friday', 'due tomorrow', 'Sunday'],
    ['2026-11-30', 'Fay Friday', 'due today', 'Monday'],
    ['2026-12-01', 'Fay Friday', 'overdue by 1 working day', 'Tuesday'],
    ['2026-12-24', 'Chris Eve', 'due in 1 working day', 'referred Thursday 24 December: due Tuesday 29 December'],
    ['2026-12-27', 'Chris Eve', 'due in 1 working day', 'Sunday 27 December: Monday 28 is Boxing Day (substitute)'],
    ['2026-12-28', 'Chris Eve', 'due tomorrow', 'Boxing Day (substitute)'],
    ['2026-12-29', 'Chris Eve', 'due today', 'Tuesday 29 December'],
    ['2026-12-30', 'Chris Eve', 'overdue by 1 working day', 'Wednesday 30 December'],
    ['2027-01-04', 'Chris Eve', 'overdue by 3 working days', 'over the year end: 1 January 2027 is a bank holiday'],
  ];
  for (const [date, child, words, why] of cases) {
    test(`${date} (${why}): ${child}'s referral is "${words}"`, async () => {
      assert.equal((await dueWordsOn(date))[child], words);
    });
  }

  test('the referral page gives the due date and where the rule comes from', async () => {
    t.clock.set(new Date('2026-12-24T11:00:00Z'));
    const client = await t.as('mash');
    const tray = await client.get('/front-door');
    const path = new RegExp('href="(/referrals/[0-9a-f-]{36})">Chris Eve').exec(tray.body)![1]!;
    const page = await client.get(path);
    assert.match(page.body, /Referral decision <strong class="">due in 1 working day<\/strong>/);
    assert.match(page.body, /1 working day from the referral on 24 December 2026: due 29 December 2026\. Source: Working Together to Safeguard Children 2023/);
  });

  test('an overdue referral is counted as overdue at the top of the worktray', async () => {
    t.clock.set(new Date('2026-12-30T11:00:00Z'));
    const { page } = await referralRows(t);
    assert.match(page.body, /<strong class="hearth-overdue">2 overdue<\/strong>/);
    assert.match(page.body, /2 referrals awaiting a response/);
  });

  test('referrals filter by team and by the worker who made the referral', async () => {
    t.clock.set(new Date('2026-12-30T11:00:00Z'));
    assert.deepEqual((await referralRows(t, `?worker=${t.ids.mash2}`)).rows.map((r) => r[0]), ['Chris Eve']);
    assert.deepEqual((await referralRows(t, `?worker=${t.ids.mash}`)).rows.map((r) => r[0]), ['Fay Friday']);
    assert.equal((await referralRows(t, `?team=${t.ids['team:MASH']}`)).rows.length, 2);
    assert.equal((await referralRows(t, `?team=${t.ids['team:Assessment']}`)).rows.length, 0);
  });
});

describe('settings: the RAG clock hours are a local standard an administrator can change', () => {
  let t: TestApp;
  let contactId: string;
  const NOW = new Date('2026-11-23T10:00:00Z');
  before(async () => {
    t = await createTestApp({ now: NOW });
    contactId = (await seedContact(t, { person: { givenName: 'Setty', familyName: 'Clock' }, receivedAt: hoursAgo(NOW, 1) })).contactId;
    await seedRating(t, contactId, 'amber');
  });
  after(async () => t.close());

  test('changing the hours changes the due times on the worktray and the contact page, and the change is audited', async () => {
    assert.equal((await contactRows(t)).rows[0]![2], 'due in 23 hours', 'amber, default 24 hours');
    const current = await t.services.settings.get('front-door.rag-clock-hours');
    assert.equal(current.version, 0);
    await t.services.settings.setRagClockHours(t.ids.admin!, { red: 2, amber: 8, green: 48 }, current.version);

    const { rows, page } = await contactRows(t);
    assert.equal(rows[0]![2], 'due in 7 hours');
    assert.match(page.body, /RAG clocks, in hours including nights and weekends: red 2, amber 8, green 48\./);
    const contact = await (await t.as('mash')).get(`/contacts/${contactId}`);
    assert.match(contact.body, /Red: decision within 2 hours\. Amber: within 8 hours\. Green: within 48 hours\./);
    assert.match(contact.body, /Rated amber: 8 hours from receipt on 23 November 2026 at 9:00am\. Due by 23 November 2026 at 5:00pm\./);

    const audit = await t.db.query<{ user_id: string; subject_id: string; detail: unknown }>("select user_id, subject_id, detail from audit_events where action = 'setting-changed'");
    assert.deepEqual(audit, [{ user_id: t.ids.admin, subject_id: 'front-door.rag-clock-hours', detail: { from: { red: 4, amber: 24, green: 72 }, to: { red: 2, amber: 8, green: 48 }, version: 1 } }]);
  });

  test('a change made from a stale version is refused (Conflict) and changes nothing', async () => {
    const before = await t.services.settings.get('front-door.rag-clock-hours');
    await assert.rejects(t.services.settings.setRagClockHours(t.ids.admin!, { red: 1, amber: 1, green: 1 }, before.version - 1), Conflict);
    assert.deepEqual(await t.services.settings.get('front-door.rag-clock-hours'), before);
    assert.equal(await countRows(t, "audit_events where action = 'setting-changed'"), 1);
  });

  test('hours that are not whole numbers from 1 to 240 are refused', async () => {
    const before = await t.services.settings.get('front-door.rag-clock-hours');
    for (const hours of [{ red: 0, amber: 8, green: 48 }, { red: 2, amber: 8.5, green: 48 }, { red: 2, amber: 8, green: 241 }]) {
      await assert.rejects(t.services.settings.setRagClockHours(t.ids.admin!, hours, before.version), ValidationFailed);
    }
    assert.deepEqual(await t.services.settings.get('front-door.rag-clock-hours'), before);
  });
});
