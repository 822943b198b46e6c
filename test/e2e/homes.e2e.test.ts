/**
 * Each role's home in a real browser, every page checked by `session.visit` (axe-core, console
 * errors, failed requests): the service manager's service, the IRO's conferences and reviews, the
 * analyst's performance page, the commissioner's children looked after, the administrator's users
 * and teams, and the social worker's My worktray with when each child is next discussed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { recompute, seedAllocation, seedChild, seedCpPlan, seedEpisode } from '../support/casework-seed.js';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../support/test-app.js';
import { type Screenshots, type Session, launchBrowser, newSession, screenshots } from './support/browser.js';

describe('each role’s home', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let shots: Screenshots;
  const sessions: Session[] = [];

  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    const assessment = t.ids['team:Assessment']!;
    // Ava: on a CP plan from a conference the IRO chaired, Wendy's; looked after too, placed with relatives.
    const ava = await seedChild(t, 'Ava', 'Able');
    const episode = await seedEpisode(t, ava, { referralDate: '2026-10-01', teamId: assessment });
    await t.db.query(`insert into initial_cp_conferences (person_id, cin_episode_id, transfer_in, conference_date, plan_required, chair_id) values ($1, $2, true, '2026-10-26', true, $3)`, [ava, episode, t.ids.iro]);
    await seedCpPlan(t, ava, episode, '2026-10-26');
    await seedAllocation(t, ava, { workerId: t.ids.worker!, teamId: assessment, start: '2026-10-26' });
    const lucy = await seedChild(t, 'Lucy', 'Looked');
    const [poc] = await t.db.query<{ id: string }>(`insert into periods_of_care (person_id, start_date, category_of_need) values ($1, '2026-06-01', 'N1') returning id`, [lucy]);
    await t.db.query(`insert into placements (person_id, period_of_care_id, placement_type, start_date) values ($1, $2, 'U1', '2026-06-01')`, [lucy, poc!.id]);
    for (const p of [ava, lucy]) await recompute(t, p);
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    shots = screenshots('homes');
  });

  after(async () => {
    for (const s of sessions) await s.context.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  const home = async (user: string, heading: string, check: (s: Session) => Promise<void>) => {
    const s = await newSession(browser, base, shots);
    sessions.push(s);
    await s.signIn(user, TEST_PASSWORD, `${user}: home`);
    assert.equal(new URL(s.page.url()).pathname, '/');
    await s.page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await check(s);
    await s.close();
  };

  test('service manager: overdue work by team, opening the team’s worktray', async () => {
    await home('servicemgr', 'Your service', async (s) => {
      const table = s.page.getByRole('table', { name: 'Overdue work by team' });
      await table.waitFor();
      await s.visit('servicemgr: a team’s worktray', () => table.getByRole('link', { name: 'Assessment', exact: true }).click());
      await s.page.getByRole('heading', { level: 1, name: 'Assessment' }).waitFor();
      await s.visit('servicemgr: the improvement plan', () => s.page.getByRole('link', { name: 'Improvement plan' }).click());
      await s.page.getByRole('heading', { level: 1, name: 'Improvement plan' }).waitFor();
      await s.visit('servicemgr: add a recommendation', () => s.page.getByRole('button', { name: 'Add a recommendation' }).click());
      await s.page.getByRole('heading', { level: 1, name: 'Add a recommendation' }).waitFor();
    });
  });

  test('IRO: conferences and reviews, honest about what it lists', async () => {
    await home('iro', 'Conferences and reviews', async (s) => {
      await s.page.getByText('Hearth does not yet record which IRO or chair is assigned to each child.', { exact: false }).waitFor();
      const chaired = s.page.getByRole('table', { name: 'Child protection plans from conferences you chaired' });
      await chaired.getByRole('link', { name: 'Ava Able' }).waitFor();
      await s.visit('iro: the child’s record', () => chaired.getByRole('link', { name: 'Ava Able' }).click());
      await s.page.getByRole('heading', { level: 1, name: 'Ava Able' }).waitFor();
    });
  });

  test('performance analyst: open work by rule, compliance, and the indicators with the children behind one', async () => {
    await home('analyst', 'Performance', async (s) => {
      await s.page.getByRole('table', { name: 'Open work by rule' }).waitFor();
      await s.visit('analyst: compliance', () => s.page.getByRole('link', { name: 'Compliance by team and rule' }).click());
      assert.equal(new URL(s.page.url()).pathname, '/compliance');
      await s.visit('analyst: indicators', () => s.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Indicators' }).click());
      await s.page.getByRole('heading', { level: 1, name: 'Indicators' }).waitFor();
      await s.visit('analyst: the children behind an indicator', () => s.page.getByRole('link', { name: 'Child protection plans started' }).click());
      await s.page.getByRole('link', { name: 'Ava Able' }).waitFor();
      await s.visit('analyst: demand by month', () => s.page.goto(`${base}/demand`));
      await s.page.getByRole('heading', { level: 2, name: 'Referrals' }).waitFor();
      await s.page.getByRole('img', { name: 'Referrals by month' }).waitFor();
      await s.visit('analyst: the committee’s performance report', () => s.page.goto(`${base}/committee-pack`));
      await s.page.getByRole('heading', { level: 1, name: 'Performance report to the committee' }).waitFor();
      // Printed as the committee gets it: A4, each part on its own page, the form and menus left out.
      await s.page.emulateMedia({ media: 'print' });
      assert.equal(await s.page.getByRole('button', { name: 'Show the report' }).isVisible(), false);
      const pdf = await s.page.pdf({ format: 'A4', printBackground: true });
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      assert.ok((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length >= 4, 'a page for each of the four parts');
      await s.page.emulateMedia({ media: 'screen' });
    });
  });

  test('placements commissioner: children looked after and placements by type', async () => {
    await home('commissioner', 'Children looked after and placements', async (s) => {
      await s.page.getByText('1 child looked after on 23 November 2026.').waitFor();
      await s.page.getByRole('table', { name: 'Current placements by type' }).getByText('Foster placement with relative or friend: long-term fostering (U1)').waitFor();
    });
  });

  test('administrator: users and teams', async () => {
    await home('admin', 'Users and teams', async (s) => {
      await s.page.getByRole('table', { name: 'Active users by role' }).waitFor();
    });
  });

  test('social worker: My worktray, with when each child is next discussed in supervision', async () => {
    await home('worker', 'My worktray', async (s) => {
      const children = s.page.getByRole('table', { name: 'Children allocated to you' });
      const row = children.getByRole('row').filter({ hasText: 'Ava Able' });
      assert.match((await row.textContent()) ?? '', /26 November 2026/, 'a month from the allocation on 26 October');
      assert.equal(await s.page.getByRole('cell', { name: /^Case supervision/ }).count(), 0, 'not an item of the worker’s own');
    });
  });
});
