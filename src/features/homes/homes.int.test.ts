/**
 * Each role's home at `/` (issue 9): the service manager's overdue work and caseloads by team, the
 * IRO's conferences and reviews, the analyst's open work by rule, the commissioner's children looked
 * after and placements by type. Records are written by SQL and the obligations stored by the engine.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recompute, seedAllocation, seedChild, seedCinPlan, seedCpPlan, seedEpisode } from '../../../test/support/casework-seed.js';
import { tableRows, childCellName } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

const h1 = (html: string) => /<h1 class="govuk-heading-l">([^<]+)<\/h1>/.exec(html)?.[1];
const noId = (cell: string) => childCellName(cell);

describe('each role’s home', () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  // Monday 23 November 2026.
  const NOW = new Date('2026-11-23T10:00:00Z');

  before(async () => {
    t = await createTestApp({ now: NOW });
    const assessment = t.ids['team:Assessment']!;
    const other = t.ids['team:Other Team']!;

    // Ava: on a CP plan since 26 October, from an initial conference the IRO chaired; Wendy's.
    id.ava = await seedChild(t, 'Ava', 'Able');
    const avaEpisode = await seedEpisode(t, id.ava, { referralDate: '2026-10-01', teamId: assessment });
    await t.db.query(`insert into initial_cp_conferences (person_id, cin_episode_id, transfer_in, conference_date, plan_required, chair_id) values ($1, $2, true, '2026-10-26', true, $3)`, [id.ava, avaEpisode, t.ids.iro]);
    await seedCpPlan(t, id.ava, avaEpisode, '2026-10-26');
    await seedAllocation(t, id.ava, { workerId: t.ids.worker!, teamId: assessment, start: '2026-10-26' });
    // Bea: on a CP plan since 7 September (review conference due 7 December), no conference recorded with a chair; no worker.
    id.bea = await seedChild(t, 'Bea', 'Best');
    const beaEpisode = await seedEpisode(t, id.bea, { referralDate: '2026-09-01', teamId: assessment });
    await seedCpPlan(t, id.bea, beaEpisode, '2026-09-07');
    // Dan: Wendy's, on a CIN plan since 1 September, never visited.
    id.dan = await seedChild(t, 'Dan', 'Dunn');
    await seedCinPlan(t, id.dan, await seedEpisode(t, id.dan, { referralDate: '2026-09-01', teamId: assessment }), '2026-09-01');
    await seedAllocation(t, id.dan, { workerId: t.ids.worker!, teamId: assessment, start: '2026-09-01' });
    // Olly: another team's (outside the service manager's line).
    id.olly = await seedChild(t, 'Olly', 'Other');
    await seedCinPlan(t, id.olly, await seedEpisode(t, id.olly, { referralDate: '2026-09-01', teamId: other }), '2026-09-01');
    await seedAllocation(t, id.olly, { workerId: t.ids.otherworker!, teamId: other, start: '2026-09-01' });

    // Looked after: Lucy (with relatives, reviewed by the IRO), Max (a children's home, after a foster placement), Nia (ceased in October).
    const lookAfter = async (child: string, start: string, end: string | null, placements: [string, string, string | null][]) => {
      const [poc] = await t.db.query<{ id: string }>(`insert into periods_of_care (person_id, start_date, end_date, reason_ended, category_of_need) values ($1, $2, $3, $4, 'N1') returning id`, [child, start, end, end ? 'E11' : null]);
      for (const [type, from, to] of placements) {
        await t.db.query(`insert into placements (person_id, period_of_care_id, placement_type, start_date, end_date) values ($1, $2, $3, $4, $5)`, [child, poc!.id, type, from, to]);
      }
      return poc!.id;
    };
    id.lucy = await seedChild(t, 'Lucy', 'Looked');
    const lucyCare = await lookAfter(id.lucy, '2026-06-01', null, [['U1', '2026-06-01', null]]);
    await t.db.query(`insert into cla_reviews (person_id, period_of_care_id, review_date, iro_id) values ($1, $2, '2026-09-01', $3)`, [id.lucy, lucyCare, t.ids.iro]);
    id.max = await seedChild(t, 'Max', 'Moved');
    await lookAfter(id.max, '2026-03-01', null, [['U3', '2026-03-01', '2026-08-01'], ['K2', '2026-08-01', null]]);
    id.nia = await seedChild(t, 'Nia', 'Now-home');
    await lookAfter(id.nia, '2026-03-01', '2026-10-01', [['K2', '2026-03-01', '2026-10-01']]);

    for (const p of Object.values(id)) await recompute(t, p);
    // A guide of 1: Wendy (2 children) is over it.
    await t.services.settings.setCaseloadGuide(t.ids.admin!, 1, 0);
  });
  after(async () => t.close());

  test('service manager: overdue work by team across their line, and the teams with workers over the caseload guide, each opening the team worktray', async () => {
    const page = await (await t.as('servicemgr')).get('/');
    assert.equal(page.status, 200);
    assert.equal(h1(page.body), 'Your service');
    assert.deepEqual(tableRows(page.body, 'overdue-by-team'), [
      ['Assessment', '4', '2', '29 September 2026 (39 working days ago)'],
      ['MASH', '0', '0', 'None overdue'],
    ]);
    assert.match(page.body, /<strong class="hearth-overdue">4 overdue<\/strong> in 1 of your 2 teams; 1 team has workers over the caseload guide\./);
    assert.deepEqual(tableRows(page.body, 'over-guide'), [['Assessment', '1 of 1', '2']]);
    assert.match(page.body, new RegExp(`href="/team\\?team=${t.ids['team:Assessment']}">Assessment</a>`));
    assert.doesNotMatch(page.body, /Other Team/, 'a team outside the line is not shown');
    // The same figure as the team's own worktray.
    const team = await (await t.as('servicemgr')).get(`/team?team=${t.ids['team:Assessment']}`);
    assert.match(team.body, /<strong class="hearth-overdue">4 overdue<\/strong> across the team/);
  });

  test('IRO: the plans from conferences they chaired, the conferences due in the next 8 weeks, the children looked after they reviewed; honest about what it lists', async () => {
    const page = await (await t.as('iro')).get('/');
    assert.equal(page.status, 200);
    assert.equal(h1(page.body), 'Conferences and reviews');
    assert.match(page.body, /Hearth does not yet record which IRO or chair is assigned to each child/);
    assert.deepEqual(tableRows(page.body, 'chaired').map((r) => [noId(r[0]!), ...r.slice(1)]), [['Ava Able', '26 October 2026', '26 October 2026', 'Due in 43 working days Tuesday 26 January 2027']]);
    // Ava's review falls after the 8 weeks (to 18 January 2027); Bea's is within them.
    assert.deepEqual(tableRows(page.body, 'conferences-due').map((r) => [noId(r[0]!), ...r.slice(1)]), [['Bea Best', 'Review child protection conference', 'Due in 10 working days Monday 7 December 2026', 'No worker allocated']]);
    assert.match(page.body, /due by 18 January 2027/);
    assert.deepEqual(tableRows(page.body, 'reviewed').map((r) => [noId(r[0]!), r[1]]), [['Lucy Looked', '1 September 2026']]);
  });

  test('performance analyst: compliance and search, and open work across the authority by rule', async () => {
    const page = await (await t.as('analyst')).get('/');
    assert.equal(page.status, 200);
    assert.equal(h1(page.body), 'Performance');
    assert.match(page.body, /href="\/compliance">Compliance by team and rule/);
    const rows = tableRows(page.body, 'open-by-rule');
    assert.deepEqual(rows.find((r) => r[0] === 'Child in need visit'), ['Child in need visit', '2', '2', '2']);
    assert.deepEqual(rows.find((r) => r[0] === 'First core group'), ['First core group', '2', '2', '2']);
    assert.doesNotMatch(page.body, /Dan Dunn|Ava Able/, 'no child names');
  });

  test('placements commissioner: children looked after today and placements by type; the placement pages come later', async () => {
    const page = await (await t.as('commissioner')).get('/');
    assert.equal(page.status, 200);
    assert.equal(h1(page.body), 'Children looked after and placements');
    assert.match(page.body, /2 children looked after on 23 November 2026\./);
    assert.deepEqual(tableRows(page.body, 'placements-by-type'), [
      ['Children’s home subject to Children’s Homes Regulations (K2)', '1'],
      ['Foster placement with relative or friend: long-term fostering (U1)', '1'],
    ]);
    assert.match(page.body, /The placement pages .* come in a later release/);
  });

  test('the navigation names each home after its page', async () => {
    const first = async (user: string) => /class="govuk-service-navigation__link" href="\/"[^>]*>([\s\S]*?)<\/a>/.exec((await (await t.as(user)).get('/')).body)?.[1]!.replace(/<[^>]+>/g, '').trim();
    assert.equal(await first('servicemgr'), 'Your service');
    assert.equal(await first('iro'), 'Conferences and reviews');
    assert.equal(await first('worker'), 'My worktray');
  });
});
