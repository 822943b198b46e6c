/**
 * The administrator in a real browser, every page checked by `session.visit` (axe-core, console
 * errors, failed requests): the home answers "users and teams"; add a team under the service; add a
 * user into it (with the error summary first); the new user signs in.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../support/test-app.js';
import { type Screenshots, type Session, launchBrowser, newSession, screenshots } from './support/browser.js';

describe('the administrator: users and teams', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let shots: Screenshots;
  const sessions: Session[] = [];

  before(async () => {
    t = await createTestApp();
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    shots = screenshots('admin');
  });

  after(async () => {
    for (const s of sessions) await s.context.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  test('home, a team and a user added, and the new user signs in', async () => {
    const s = await newSession(browser, base, shots);
    sessions.push(s);
    const page = s.page;
    await s.signIn('admin', TEST_PASSWORD, 'admin: home, users and teams');
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByRole('heading', { level: 1, name: 'Users and teams' }).waitFor();
    await page.getByRole('table', { name: 'Active users by role' }).waitFor();

    // A team under the service.
    await s.visit('admin: teams', () => page.getByRole('link', { name: 'Teams', exact: true }).click());
    await s.visit('admin: add a team', () => page.getByRole('button', { name: 'Add a team' }).click());
    await s.visit('admin: add a team, errors', () => page.getByRole('button', { name: 'Add team' }).click(), { status: 400 });
    assert.deepEqual((await page.getByRole('alert').getByRole('link').allTextContents()).map((x) => x.trim()), ['Enter the team’s name']);
    await page.getByLabel('Name').fill('Children in Care');
    await page.getByLabel('Within').selectOption({ label: 'Children’s Services' });
    await s.visit('admin: team added', () => page.getByRole('button', { name: 'Add team' }).click());
    await page.getByText('Children in Care added.').waitFor();
    const row = page.getByRole('table').getByRole('row').filter({ hasText: 'Children in Care' });
    assert.match((await row.textContent()) ?? '', /Children’s Services/);

    // A user in it.
    await s.visit('admin: change the team', () => page.getByRole('link', { name: 'Children in Care', exact: true }).click());
    await s.goto('admin: add a user', '/admin/users/new');
    await page.getByLabel('Full name').fill('Cara Carer');
    await page.getByLabel('Username').fill('cara.carer');
    await page.getByLabel('Temporary password').fill('short');
    await s.visit('admin: add a user, errors', () => page.getByRole('button', { name: 'Add user' }).click(), { status: 400 });
    assert.deepEqual((await page.getByRole('alert').getByRole('link').allTextContents()).map((x) => x.trim()), ['Select at least one role', 'Password must be at least 12 characters']);
    assert.equal(await page.getByLabel('Full name').inputValue(), 'Cara Carer', 'what was typed is kept');
    await page.getByLabel('Team', { exact: true }).selectOption({ label: '\u00a0\u00a0Children in Care' });
    await page.getByRole('group', { name: 'Roles' }).getByLabel('Social worker').check();
    await page.getByLabel('Temporary password').fill('cara’s first password');
    await s.visit('admin: user added', () => page.getByRole('button', { name: 'Add user' }).click());
    await page.getByRole('heading', { level: 1, name: 'Cara Carer' }).waitFor();
    await page.getByText('User added.').waitFor();
    await s.visit('admin: users', () => page.getByRole('link', { name: 'Users', exact: true }).first().click());
    await page.getByRole('table', { name: 'Users' }).getByRole('link', { name: 'Cara Carer' }).waitFor();
    await s.visit('admin: signed out', () => page.getByRole('button', { name: 'Sign out' }).click());

    // The new user signs in and finds their worktray.
    await s.signIn('cara.carer', 'cara’s first password', 'cara: my worktray');
    await page.getByRole('heading', { level: 1, name: 'My worktray' }).waitFor();
    await s.close();
  });
});
