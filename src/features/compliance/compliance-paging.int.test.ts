/**
 * The compliance drill-down pages (issue 9: it was 57,000 pixels tall): 50 rows a page, fetched
 * by limit/offset over a stable order (due date, name, id), "Showing 51 to 100 of 120 items", the
 * GOV.UK pagination component; the audit row names the children of the page shown.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedAllocation, seedChild, seedObligation } from '../../../test/support/casework-seed.js';
import { childCellName, tableRows } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

describe('the compliance drill-down, page by page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    // 4 children with 30 CP visits each due in October 2026: 120 items.
    for (let c = 1; c <= 4; c++) {
      const id = await seedChild(t, `Child${c}`, 'Paged');
      await seedAllocation(t, id, { workerId: t.ids.worker!, teamId: t.ids['team:Assessment']!, start: '2026-01-01' });
      for (let d = 1; d <= 30; d++) await seedObligation(t, id, 'cp-visit', `2026-10-${String(d).padStart(2, '0')}`, `2026-10-${String(d).padStart(2, '0')}`);
    }
  });
  after(async () => t.close());

  const dueDates = (html: string) => tableRows(html, 'children-table').map((r) => `${r[2]!.replace(/ set by the test$/, '')} ${childCellName(r[0]!)}`);

  test('page 1 shows the first 50 with "Showing 1 to 50 of 120 items"; page 2 the next 50; page 3 the last 20; pages never overlap', async () => {
    const client = await t.as('analyst');
    const base = '/compliance/cp-visit?period=last-month';
    const first = await client.get(base);
    assert.equal(first.status, 200);
    assert.match(first.body, /Showing 1 to 50 of 120 items/);
    assert.match(first.body, /<nav class="govuk-pagination"/);
    assert.match(first.body, /href="\/compliance\/cp-visit\?[^"]*page=2#children"/);
    const one = dueDates(first.body);
    assert.equal(one.length, 50);
    assert.deepEqual(one.slice(0, 5), ['1 October 2026 Child1 Paged', '1 October 2026 Child2 Paged', '1 October 2026 Child3 Paged', '1 October 2026 Child4 Paged', '2 October 2026 Child1 Paged'], 'by due date, then name');

    const second = await client.get(`${base}&page=2`);
    assert.match(second.body, /Showing 51 to 100 of 120 items/);
    const two = dueDates(second.body);
    const third = await client.get(`${base}&page=3`);
    assert.match(third.body, /Showing 101 to 120 of 120 items/);
    const three = dueDates(third.body);
    assert.deepEqual([two.length, three.length], [50, 20]);
    assert.equal(new Set([...one, ...two, ...three]).size, 120, 'every item once');

    const beyond = await client.get(`${base}&page=99`);
    assert.match(beyond.body, /Showing 101 to 120 of 120 items/, 'a page past the end shows the last');
    const nonsense = await client.get(`${base}&page=abc`);
    assert.match(nonsense.body, /Showing 1 to 50 of 120 items/);

    const [audit] = await t.db.query<{ detail: { page: number; children: number } }>(`select detail from audit_events where subject_type = 'compliance' and detail->>'page' = '3' order by id desc limit 1`);
    assert.equal(audit!.detail.children, 4);
  });
});
