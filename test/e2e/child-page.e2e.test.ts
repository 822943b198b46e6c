/**
 * The child's page in a real browser, for a child looked after, a child on a child protection plan
 * and a care leaver from a tiny synthetic authority: every tab checked by axe (WCAG 2.2 AA and best
 * practice) and photographed, and the page without JavaScript (the tabs become sections in turn).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { TEST_PASSWORD } from '../support/test-app.js';
import { type SyntheticApp, createSyntheticApp } from '../support/synthetic-app.js';
import { type Screenshots, type Session, launchBrowser, newSession, screenshots } from './support/browser.js';

describe('the child’s page in a browser', () => {
  let s: SyntheticApp;
  let base: string;
  let browser: Browser;
  let shots: Screenshots;
  const sessions: Session[] = [];
  const children: Record<string, string> = {};

  before(async () => {
    s = await createSyntheticApp();
    base = await s.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    shots = screenshots('child-page');
    const one = async (query: string) => ((await s.query<{ person_id: string }>(query))[0]!).person_id;
    children['looked after'] = await one(`select person_id from periods_of_care where end_date is null order by start_date limit 1`);
    children['child protection'] = await one(`select person_id from cp_plans p where end_date is null and not exists (select 1 from periods_of_care c where c.person_id = p.person_id and c.end_date is null) order by start_date limit 1`);
    children['care leaver'] = await one(`select person_id from care_leavers where end_date is null and eligibility = 'former_relevant' order by person_id limit 1`);
  });

  after(async () => {
    for (const x of sessions) await x.context.close().catch(() => {});
    await browser?.close();
    await s?.close();
  });

  async function session(options: Parameters<typeof newSession>[3] = {}): Promise<Session> {
    const x = await newSession(browser, base, shots, options);
    sessions.push(x);
    return x;
  }

  test('each child’s page and every one of its tabs passes axe', async () => {
    const x = await session();
    await x.signIn('reader', TEST_PASSWORD, 'home');
    for (const [label, id] of Object.entries(children)) {
      const page = await x.goto(`${label}: chronology`, `/children/${id}`);
      const tabs = page.locator('.govuk-tabs__list .govuk-tabs__tab');
      const count = await tabs.count();
      assert.ok(count >= 3, `${label}: ${count} tabs`);
      for (let i = 1; i < count; i++) {
        const tab = tabs.nth(i);
        const name = (await tab.textContent())!.trim();
        await tab.click();
        assert.equal(await tab.getAttribute('aria-selected'), 'true', `${label}: ${name} selected`);
        await x.recheck(`${label}: ${name}`);
      }
    }
    await x.close();
  });

  test('the chronology filter keeps the chronology tab open', async () => {
    const x = await session();
    await x.signIn('reader', TEST_PASSWORD, 'home');
    const page = await x.goto('looked after: chronology', `/children/${children['looked after']}`);
    await page.getByRole('checkbox', { name: /^Visits \(\d+\)$/ }).check();
    await x.visit('looked after: visits only', () => page.getByRole('button', { name: 'Filter the chronology' }).click());
    assert.match(page.url(), /kind=visit#chronology$/);
    assert.equal(await page.locator('#chronology').isVisible(), true);
    const titles = await page.locator('#chronology .moj-timeline__title').allTextContents();
    assert.ok(titles.length > 0 && titles.every((t) => /visit$/i.test(t.trim())), JSON.stringify(titles));
    await x.close();
  });

  test('without JavaScript every section is on the page in turn, and it passes axe', async () => {
    const x = await session({ javaScriptEnabled: false });
    await x.signIn('reader', TEST_PASSWORD, 'home (no JavaScript)');
    const page = await x.goto('looked after (no JavaScript)', `/children/${children['looked after']}`);
    for (const id of ['chronology', 'family', 'looked-after', 'visits']) assert.equal(await page.locator(`#${id}`).isVisible(), true, `#${id} visible`);
    await x.close();
  });
});
