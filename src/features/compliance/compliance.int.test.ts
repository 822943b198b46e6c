/**
 * Compliance (/compliance): of the items due in a period, the share done on time, by rule and by
 * the team of the child's current allocation, and what is overdue now; drilling down to the
 * children. Obligation rows with known due, met and lapsed dates are written directly, so the
 * arithmetic is checked against a table.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedAllocation, seedChild, seedObligation } from '../../../test/support/casework-seed.js';
import { errorSummary } from '../../../test/support/browserless.js';
import { tableRows, childCellName } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';
import { parsePlainDate } from '../../domain/time/index.js';
import { countOutcomes, shareOnTime } from './compliance.js';

/** [due, met, lapsed] of each CP visit item, by child. */
const ASSESSMENT_ITEMS: [string, string | null, string | null][] = [
  ['2026-10-05', '2026-10-05', null], // on time
  ['2026-10-12', '2026-10-10', null], // on time
  ['2026-10-19', '2026-10-21', null], // late
  ['2026-10-26', null, '2026-10-27'], // missed: the plan ended first
  ['2026-10-30', null, null], // missed, and overdue now
  ['2026-09-30', '2026-10-01', null], // due before the period: not counted
  ['2026-11-02', '2026-11-02', null], // this month: on time
  ['2026-11-25', null, null], // this month: not yet due
];
const OTHER_TEAM_ITEMS: [string, string | null, string | null][] = [
  ['2026-10-10', '2026-10-09', null], // on time
  ['2026-10-20', null, null], // missed, overdue now
];
const UNALLOCATED_ITEMS: [string, string | null, string | null][] = [['2026-10-15', '2026-10-15', null]];

/** The summary table's row for a rule: [due, on time, late, missed, share, not yet due, overdue now]. */
function ruleRow(html: string, label: string): string[] | undefined {
  return tableRows(html, 'compliance').find((r) => r[0] === label)?.slice(1);
}

describe('compliance by rule and team', () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    // One child per item keeps the drill-down's rows distinct; all in the same team per table.
    const make = async (name: string, items: [string, string | null, string | null][], teamId: string | null, workerId: string | null) => {
      let n = 0;
      for (const [due, met, lapsed] of items) {
        const personId = await seedChild(t, name, `Child${++n}`);
        if (teamId) await seedAllocation(t, personId, { workerId, teamId, start: '2026-09-01' });
        await seedObligation(t, personId, 'cp-visit', due, met, lapsed);
        id[`${name}${n}`] = personId;
      }
    };
    await make('Assessment', ASSESSMENT_ITEMS, t.ids['team:Assessment']!, t.ids.worker!);
    await make('Other', OTHER_TEAM_ITEMS, t.ids['team:Other Team']!, t.ids.otherworker!);
    await make('Nobody', UNALLOCATED_ITEMS, null, null);
    // A child who moved team: their items count for the team of the current allocation.
    const moved = await seedChild(t, 'Moved', 'Child');
    await seedAllocation(t, moved, { workerId: t.ids.otherworker!, teamId: t.ids['team:Other Team']!, start: '2026-01-01', end: '2026-11-01' });
    await seedAllocation(t, moved, { workerId: t.ids.worker!, teamId: t.ids['team:Assessment']!, start: '2026-11-01' });
    await seedObligation(t, moved, 'core-group', '2026-10-20', '2026-10-22');
  });
  after(async () => t.close());

  test('the pure arithmetic and the page agree: last month, the Assessment team did 2 of 5 CP visits on time (40%)', async () => {
    const expected = countOutcomes(
      ASSESSMENT_ITEMS.filter(([due]) => due >= '2026-10-01' && due <= '2026-10-31').map(([due, met, lapsed]) => ({ dueOn: parsePlainDate(due), metOn: met === null ? null : parsePlainDate(met), lapsedOn: lapsed === null ? null : parsePlainDate(lapsed) })),
      parsePlainDate('2026-11-23'),
    );
    assert.deepEqual(expected, { onTime: 2, late: 1, missed: 2, notYetDue: 0 });
    assert.equal(shareOnTime(expected), 0.4);
    const client = await t.as('analyst');
    const page = await client.get(`/compliance?period=last-month&team=${t.ids['team:Assessment']}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Compliance: Assessment/);
    assert.deepEqual(ruleRow(page.body, 'CP statutory visit'), ['5', '2', '1', '2', '40%', '0', '1']);
    assert.deepEqual(ruleRow(page.body, 'Core group'), ['1', '0', '1', '0', '0%', '0', '0'], 'the moved child counts for the team that holds them now');
    assert.deepEqual(ruleRow(page.body, 'Case supervision'), ['0', '0', '0', '0', 'None due', '0', '0']);
  });

  test('every team, for an analyst: each team’s share, the children no team holds, and the total', async () => {
    const client = await t.as('analyst');
    const page = await client.get('/compliance?period=last-month');
    // 2 + 1 + 1 on time of 5 + 2 + 1 = 4 of 8.
    assert.deepEqual(ruleRow(page.body, 'CP statutory visit'), ['8', '4', '1', '3', '50%', '0', '2']);
    assert.match(page.body, /Of the 9 duties due from 1 October 2026 to 31 October 2026 whose outcome is known, <strong>44%<\/strong> were done on time\./);
    const drill = await client.get('/compliance/cp-visit?period=last-month');
    assert.equal(drill.status, 200);
    assert.deepEqual(tableRows(drill.body, 'by-team').map((r) => [r[0], r[1], r[5], r[7]]), [
      ['Assessment', '5', '40%', '1'],
      ['Other Team', '2', '50%', '1'],
      ['No current allocation', '1', '100%', '0'],
    ]);
  });

  test('this month counts what is due this month; items not yet due are left out of the share', async () => {
    const page = await (await t.as('analyst')).get(`/compliance?period=this-month&team=${t.ids['team:Assessment']}`);
    assert.deepEqual(ruleRow(page.body, 'CP statutory visit'), ['1', '1', '0', '0', '100%', '1', '1']);
  });

  test('a custom range from GOV.UK date inputs; a range that ends before it starts is an error', async () => {
    const client = await t.as('analyst');
    const page = await client.get('/compliance?period=custom&from-day=1&from-month=10&from-year=2026&to-day=15&to-month=10&to-year=2026');
    assert.equal(page.status, 200);
    assert.deepEqual(ruleRow(page.body, 'CP statutory visit'), ['4', '4', '0', '0', '100%', '0', '2']);
    assert.match(page.body, /due from 1 October 2026 to 15 October 2026/);
    const bad = await client.get('/compliance?period=custom&from-day=15&from-month=10&from-year=2026&to-day=1&to-month=10&to-year=2026');
    assert.equal(bad.status, 400);
    assert.deepEqual(errorSummary(bad.body), ['to-day: End date must be the same as or after the start date']);
    const missing = await client.get('/compliance?period=custom&from-day=&from-month=&from-year=&to-day=1&to-month=13&to-year=2026');
    assert.equal(missing.status, 400);
    assert.deepEqual(errorSummary(missing.body), ['from-day: Enter the start date', 'to-day: End date must be a real date']);
  });

  test('drill-down to the children: each item with its outcome in words, and links to the child', async () => {
    const client = await t.as('analyst');
    const page = await client.get(`/compliance/cp-visit?period=last-month&team=${t.ids['team:Assessment']}`);
    assert.equal(page.status, 200);
    const rows = tableRows(page.body, 'children-table').map((r) => [childCellName(r[0]!), r[2]!.replace(/ set by the test$/, ''), r[3], r[4]]);
    assert.deepEqual(rows, [
      ['Assessment Child1', '5 October 2026', '5 October 2026', 'On time'],
      ['Assessment Child2', '12 October 2026', '10 October 2026', 'On time'],
      ['Assessment Child3', '19 October 2026', '21 October 2026', 'Late by 2 working days'],
      ['Assessment Child4', '26 October 2026', 'Not done', 'Missed (no longer owed from 27 October 2026)'],
      ['Assessment Child5', '30 October 2026', 'Not done', 'Overdue by 16 working days'],
    ]);
    assert.match(page.body, new RegExp(`href="/children/${id.Assessment1}">Assessment Child1</a>`));
    assert.match(page.body, /<h2 class="govuk-heading-m" id="children">Children: Assessment<\/h2>/);
    // The list is audited as a view.
    const [audit] = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'view' and subject_type = 'compliance' and subject_id = 'cp-visit'`);
    assert.ok(audit!.n >= 1);
  });

  test('a service manager sees only the teams in their line (no Other Team, no unallocated children)', async () => {
    const client = await t.as('servicemgr');
    const page = await client.get('/compliance?period=last-month');
    assert.equal(page.status, 200);
    assert.deepEqual(ruleRow(page.body, 'CP statutory visit'), ['5', '2', '1', '2', '40%', '0', '1']);
    assert.doesNotMatch(page.body, />Other Team</);
    assert.equal((await client.get(`/compliance/cp-visit?team=${t.ids['team:Other Team']}`)).status, 404);
    assert.equal((await client.get('/compliance/cp-visit?team=none')).status, 404);
    const drill = await client.get('/compliance/cp-visit?period=last-month');
    assert.deepEqual(tableRows(drill.body, 'by-team').map((r) => r[0]), ['Assessment']);
  });

  test('access: social workers, team managers and others get 404; an unknown rule is 404', async () => {
    for (const user of ['worker', 'teammgr', 'mash', 'iro', 'admin', 'commissioner']) {
      const client = await t.as(user);
      assert.equal((await client.get('/compliance')).status, 404, user);
      assert.equal((await client.get('/compliance/cp-visit')).status, 404, user);
    }
    assert.equal((await (await t.as('analyst')).get('/compliance/no-such-rule')).status, 404);
  });
});
