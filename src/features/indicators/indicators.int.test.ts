/**
 * The indicators page (/indicators): a reporting year's figures for the authority or one team, and
 * the children behind a figure for those who may see them (audited). The record is seeded directly
 * with known dates, so each figure is worked out here by hand.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedAllocation, seedChild, seedCpPlan, seedEpisode } from '../../../test/support/casework-seed.js';
import { tableRows } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

/** The row for an indicator: [title and measure, figure, made of, England, which way is better]. */
const row = (html: string, title: string) => tableRows(html, 'indicators').find((r) => r[0]!.startsWith(title));

describe('indicators by year and team', () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  before(async () => {
    // 23 November 2026: the 2026-27 year so far runs from 1 April to 23 November 2026.
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    const v = await t.services.settings.get('indicators.population-0-17');
    await t.services.settings.setPopulation0to17(t.ids.admin!, 10000, v.version);
    const assessmentTeam = t.ids['team:Assessment']!;
    const otherTeam = t.ids['team:Other Team']!;
    // X: referred in December 2025 and again in May 2026 (a re-referral); held by the Assessment team.
    id.X = await seedChild(t, 'Xander', 'Indicator');
    await seedEpisode(t, id.X, { referralDate: '2025-12-01', teamId: assessmentTeam, closureDate: '2026-02-01' });
    await seedEpisode(t, id.X, { referralDate: '2026-05-01', teamId: assessmentTeam });
    await seedAllocation(t, id.X, { workerId: t.ids.worker!, teamId: assessmentTeam, start: '2026-05-01' });
    // Y: referred in June 2026, on a child protection plan since July; held by the Other Team.
    id.Y = await seedChild(t, 'Yara', 'Indicator');
    const y = await seedEpisode(t, id.Y, { referralDate: '2026-06-01', teamId: otherTeam });
    await seedCpPlan(t, id.Y, y, '2026-07-01');
    await seedAllocation(t, id.Y, { workerId: t.ids.otherworker!, teamId: otherTeam, start: '2026-06-01' });
    // Z: referred and closed in 2024: in no figure this year.
    id.Z = await seedChild(t, 'Zak', 'Indicator');
    await seedEpisode(t, id.Z, { referralDate: '2024-01-01', teamId: assessmentTeam, closureDate: '2024-06-01' });
  });
  after(async () => t.close());

  test('the authority this year: two referrals among 10,000 children, one a re-referral; both assessments in time; one child on a plan', async () => {
    const page = await (await t.as('analyst')).get('/indicators?year=2026-27');
    assert.equal(page.status, 200);
    assert.match(page.body, /2026-27: 1 April 2026 to 23 November 2026 \(the year so far\)/);
    assert.deepEqual(row(page.body, 'Referrals per 10,000 children')?.slice(1, 4), ['2.0', '2 of 10,000 children', '520.0 (2024-25)']);
    assert.deepEqual(row(page.body, 'Re-referrals within 12 months')?.slice(1, 3), ['50.0%', '1 of 2']);
    assert.deepEqual(row(page.body, 'Assessments completed within 45 working days')?.slice(1, 3), ['100.0%', '2 of 2']);
    assert.deepEqual(row(page.body, 'Children in need per 10,000 children')?.slice(1, 3), ['2.0', '2 of 10,000 children']);
    assert.deepEqual(row(page.body, 'Children on a child protection plan per 10,000 children')?.slice(1, 3), ['1.0', '1 of 10,000 children']);
    assert.deepEqual(row(page.body, 'Initial conferences within 15 working days')?.slice(1, 3), ['No cases', '0 of 0']);
  });

  test('one team: the children its case is held by at the end of the period', async () => {
    const page = await (await t.as('analyst')).get(`/indicators?year=2026-27&team=${t.ids['team:Assessment']}`);
    assert.match(page.body, /Indicators: Assessment/);
    assert.deepEqual(row(page.body, 'Referrals per 10,000 children')?.slice(1, 3), ['1.0', '1 of 10,000 children']);
    assert.deepEqual(row(page.body, 'Re-referrals within 12 months')?.slice(1, 3), ['100.0%', '1 of 1']);
  });

  test('a past year is whole: in 2025-26 the only referral was X’s first', async () => {
    const page = await (await t.as('analyst')).get('/indicators?year=2025-26');
    assert.match(page.body, /2025-26: 1 April 2025 to 31 March 2026\./);
    assert.deepEqual(row(page.body, 'Referrals per 10,000 children')?.slice(1, 3), ['1.0', '1 of 10,000 children']);
  });

  test('the children behind a figure: named for an analyst, and the list is audited', async () => {
    const client = await t.as('analyst');
    const page = await client.get('/indicators/re-referrals?year=2026-27');
    assert.equal(page.status, 200);
    assert.match(page.body, /Of the referrals in the period, the share where the child had a previous referral in the 12 months before\./);
    assert.match(page.body, /Xander Indicator/);
    assert.doesNotMatch(page.body, /Yara Indicator/);
    const audit = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'view' and subject_type = 'indicator-children' and subject_id = 're-referrals' and user_id = $1`, [t.ids.analyst]);
    assert.equal(audit[0]!.n, 1);
  });

  test('a service manager sees the figures; the children only for a team in their line', async () => {
    const client = await t.as('servicemgr');
    const whole = await client.get('/indicators/referrals-rate?year=2026-27');
    assert.equal(whole.status, 200);
    assert.match(whole.body, /Choose one of your own teams/);
    assert.doesNotMatch(whole.body, /Xander Indicator/);
    const own = await client.get(`/indicators/referrals-rate?year=2026-27&team=${t.ids['team:Assessment']}`);
    assert.match(own.body, /Xander Indicator/);
    const notTheirs = await client.get(`/indicators/referrals-rate?year=2026-27&team=${t.ids['team:Other Team']}`);
    assert.doesNotMatch(notTheirs.body, /Yara Indicator/);
  });

  test('others get 404; an unknown indicator is 404; a malformed year falls back to this year', async () => {
    assert.equal((await (await t.as('worker')).get('/indicators')).status, 404);
    assert.equal((await (await t.as('analyst')).get('/indicators/no-such-thing')).status, 404);
    const page = await (await t.as('analyst')).get('/indicators?year=2026-28');
    assert.match(page.body, /2026-27: 1 April 2026/);
  });
});
