/**
 * Every list of children says each child's status and team (issue 9): the status in
 * childStatusOn's words, the team the open case-worker allocation's (else the open episode's),
 * loaded for the whole list in one statement. Checked in the loader and on each list a user reads.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedAllocation, seedChild, seedCpPlan, seedEpisode, recompute, seedObligation } from '../../../test/support/casework-seed.js';
import { childCellName, childCellStanding, tableRows } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';
import type { PlainDate } from '../../domain/time/index.js';
import { loadChildStandings } from './child-standing.js';

const TODAY = '2026-11-23' as PlainDate;

describe('status and team on lists of children', () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  before(async () => {
    t = await createTestApp({ now: new Date(`${TODAY}T10:00:00Z`) });
    const assessment = t.ids['team:Assessment']!;
    const other = t.ids['team:Other Team']!;
    // Pia: on a child protection plan, allocated to Wendy (Assessment).
    id.pia = await seedChild(t, 'Pia', 'Plan');
    const piaEpisode = await seedEpisode(t, id.pia, { referralDate: '2026-06-01', teamId: assessment });
    await seedCpPlan(t, id.pia, piaEpisode, '2026-07-01');
    await seedAllocation(t, id.pia, { workerId: t.ids.worker!, teamId: assessment, start: '2026-06-01' });
    // Nia: child in need, allocated to Wendy; her episode's team is another, the allocation's wins.
    id.nia = await seedChild(t, 'Nia', 'Need');
    await seedEpisode(t, id.nia, { referralDate: '2026-09-01', teamId: other });
    await seedAllocation(t, id.nia, { workerId: t.ids.worker!, teamId: assessment, start: '2026-09-01' });
    // Lou: looked after (a period of care in force), allocated to Wendy.
    id.lou = await seedChild(t, 'Lou', 'Looked');
    await seedEpisode(t, id.lou, { referralDate: '2025-01-10', teamId: assessment });
    await t.db.query(`insert into periods_of_care (person_id, start_date, category_of_need) values ($1, '2025-02-01', 'N1')`, [id.lou]);
    await seedAllocation(t, id.lou, { workerId: t.ids.worker!, teamId: assessment, start: '2025-02-01' });
    // Una: an open episode held by the other team, no allocation.
    id.una = await seedChild(t, 'Una', 'Unallocated');
    await seedEpisode(t, id.una, { referralDate: '2026-11-02', teamId: other });
    // Cal: an episode closed in the summer.
    id.cal = await seedChild(t, 'Cal', 'Closed');
    await seedEpisode(t, id.cal, { referralDate: '2026-01-05', teamId: assessment, closureDate: '2026-07-01' });
    for (const p of [id.pia, id.nia, id.lou]) await recompute(t, p!);
    await seedObligation(t, id.pia!, 'cp-visit', '2026-11-10');
  });
  after(async () => t.close());

  test('the loader: each child’s status (short label) and responsible team, in one call for the list', async () => {
    const s = await loadChildStandings(t.db.db, Object.values(id), TODAY);
    const got = Object.fromEntries(Object.entries(id).map(([k, v]) => [k, s.get(v) && [s.get(v)!.statusLabel, s.get(v)!.teamName]]));
    assert.deepEqual(got, {
      pia: ['Child protection plan', 'Assessment'],
      nia: ['Child in need', 'Assessment'],
      lou: ['Looked after', 'Assessment'],
      una: ['Child in need', 'Other Team'],
      cal: ['Closed', null],
    });
    assert.equal((await loadChildStandings(t.db.db, [], TODAY)).size, 0);
  });

  test('My worktray: the children table and the work tables say status and team', async () => {
    const w = await t.as('worker');
    const page = await w.get('/');
    const rows = tableRows(page.body, 'my-children').map((r) => [childCellName(r[0]!), childCellStanding(r[0]!)]);
    assert.deepEqual(rows.sort(), [
      ['Lou Looked', 'Looked after · Assessment'],
      ['Nia Need', 'Child in need · Assessment'],
      ['Pia Plan', 'Child protection plan · Assessment'],
    ]);
    const overdue = tableRows(page.body, 'work-overdue').map((r) => childCellStanding(r[1]!));
    assert.ok(overdue.includes('Child protection plan · Assessment'), JSON.stringify(overdue));
  });

  test('the team worktray, the compliance drill-down, search and the supervision form say them too', async () => {
    const m = await t.as('teammgr');
    const team = await m.get('/team');
    const work = ['overdue', 'today', 'this-week', 'coming-up', 'later'].flatMap((k) => tableRows(team.body, `work-${k}`));
    assert.ok(work.some((r) => childCellName(r[1]!) === 'Pia Plan' && childCellStanding(r[1]!) === 'Child protection plan · Assessment'));

    const analyst = await t.as('analyst');
    const drill = await analyst.get('/compliance/cp-visit?from=2026-04-01&to=2026-11-23');
    assert.equal(drill.status, 200);
    const pia = tableRows(drill.body, 'children-table').find((r) => childCellName(r[0]!) === 'Pia Plan');
    assert.equal(childCellStanding(pia![0]!), 'Child protection plan · Assessment');

    await analyst.get('/search');
    const found = await analyst.post('/search', { name: 'Una Unallocated', 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', identifier: '' });
    assert.deepEqual(tableRows(found.body, 'search-results').map((r) => childCellStanding(r[0]!)), ['Child in need · Other Team']);

    const form = await m.get(`/supervision/new?worker=${t.ids.worker}`);
    assert.equal(form.status, 200);
    assert.match(form.body, /Looked after · Assessment\. /);
    assert.match(form.body, /Case discussion overdue \(\d\)|Due in the next 4 weeks \(\d\)|Due later, or none due \(\d\)/);
  });
});
