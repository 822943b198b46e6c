/**
 * The team worktray's unallocated children page (issue 9: the team worktray was long): 50 a page in
 * SQL, longest waiting first, "Showing 51 to 55 of 55 children", the pagination component; the
 * headline counts them all.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedChild, seedEpisode } from '../../../test/support/casework-seed.js';
import { childCellName, tableRows } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

describe('the team worktray’s unallocated children, page by page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    for (let i = 1; i <= 55; i++) {
      const id = await seedChild(t, `Waiting${String(i).padStart(2, '0')}`, 'Child');
      // Referred on successive days from 1 September: the first seeded has waited longest.
      const day = new Date(Date.UTC(2026, 8, i)).toISOString().slice(0, 10);
      await seedEpisode(t, id, { referralDate: day, teamId: t.ids['team:Assessment']!, decided: false });
    }
  });
  after(async () => t.close());

  test('50 on the first page, the other 5 on the second, longest waiting first; the headline counts all 55', async () => {
    const m = await t.as('teammgr');
    const first = await m.get('/team');
    assert.equal(first.status, 200);
    assert.match(first.body, /55 children waiting for a worker/);
    const one = tableRows(first.body, 'unallocated-table').map((r) => childCellName(r[0]!));
    assert.equal(one.length, 50);
    assert.deepEqual(one.slice(0, 2), ['Waiting01 Child', 'Waiting02 Child']);
    assert.match(first.body, /Showing 1 to 50 of 55 children/);
    assert.match(first.body, /href="\/team\?team=[0-9a-f-]{36}&amp;unallocatedPage=2#unallocated"/);
    const second = await m.get(`/team?team=${t.ids['team:Assessment']}&unallocatedPage=2`);
    assert.match(second.body, /Showing 51 to 55 of 55 children/);
    assert.deepEqual(tableRows(second.body, 'unallocated-table').map((r) => childCellName(r[0]!)), ['Waiting51 Child', 'Waiting52 Child', 'Waiting53 Child', 'Waiting54 Child', 'Waiting55 Child']);
  });
});
