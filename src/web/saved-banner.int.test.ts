/**
 * Saves confirm (issue 9): after a successful POST the page the user lands on shows a GOV.UK
 * success banner, once; a form shown again with errors does not; a banner nobody saved cannot be
 * forged.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { errorSummary } from '../../test/support/browserless.js';
import { dateInput, referredChild, submitForm } from '../../test/support/casework.js';
import { newChildContactFields } from '../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../test/support/test-app.js';
import { SAVED_COOKIE } from './saved-banner.js';

const banner = (html: string) => /<div class="govuk-notification-banner govuk-notification-banner--success"[^>]*data-saved[^>]*>[\s\S]*?<p class="govuk-notification-banner__heading">\s*([^<]*?)\s*<\/p>/.exec(html)?.[1] ?? null;

describe('the success banner after a save', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
  });
  after(async () => t.close());

  test('recording a contact lands on the contact with "Contact recorded", shown once', async () => {
    const mash = await t.as('mash');
    await mash.get('/contacts/new');
    const created = await mash.post('/contacts', newChildContactFields({ assignedWorkerId: t.ids.mash! }));
    assert.equal(created.status, 303);
    assert.ok(mash.hasCookie(SAVED_COOKIE), 'the message waits in a cookie for the next page');
    const landed = await mash.get(created.location!);
    assert.equal(landed.status, 200);
    assert.equal(banner(landed.body), 'Contact recorded');
    assert.ok(!mash.hasCookie(SAVED_COOKIE), 'taken by the page that showed it');
    const again = await mash.get(created.location!);
    assert.equal(banner(again.body), null, 'a reload does not repeat it');
  });

  test('a casework form (a visit) lands on the child’s page with "Visit recorded"; with errors, no banner', async () => {
    const { personId } = await referredChild(t, { givenName: 'Banner' });
    const w = await t.as('worker');
    const path = `/children/${personId}/visits/new`;
    const bad = await submitForm(w, path, { ...dateInput('date', '2026-11-30'), seen: 'yes', seenAlone: 'no', bedroomSeen: 'yes', writtenUp: 'no' });
    assert.equal(bad.status, 400);
    assert.ok(errorSummary(bad.body).length > 0);
    assert.equal(banner(bad.body), null);
    const saved = await submitForm(w, path, { ...dateInput('date', '2026-11-23'), seen: 'yes', seenAlone: 'no', bedroomSeen: 'yes', writtenUp: 'no' });
    assert.equal(saved.status, 303, errorSummary(saved.body).join('\n'));
    const landed = await w.get(saved.location!);
    assert.equal(banner(landed.body), 'Visit recorded');
  });

  test('a cookie not signed by Hearth shows nothing', async () => {
    // The sign-in page is rendered by the same layout, so it reads the cookie like every page.
    const res = await t.app.inject({ method: 'GET', url: '/sign-in', headers: { cookie: `${SAVED_COOKIE}=${encodeURIComponent('Call 0800 000 000 now')}` } });
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /0800|govuk-notification-banner/);
  });
});
