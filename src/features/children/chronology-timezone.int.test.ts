/**
 * Hearth shows times in London time whatever the server's own time zone (a container often runs in
 * UTC). This file runs its process in UTC on purpose: in British Summer Time a referral made just
 * after midnight in London is still the previous day in UTC.
 */
process.env.TZ = 'UTC';

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedContact, seedDecision } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

describe('the chronology shows London dates and times even when the server runs in UTC', () => {
  let t: TestApp;
  let personId: string;
  before(async () => {
    // 23:30 UTC on Wednesday 1 July 2026 is 00:30 on Thursday 2 July in London (BST).
    t = await createTestApp({ now: new Date('2026-07-01T23:30:00Z') });
    const contact = await seedContact(t, { receivedAt: new Date('2026-07-01T23:10:00Z') });
    personId = contact.personId;
    await seedDecision(t, contact.contactId, 'referral', 'N1');
  });
  after(async () => t.close());

  test('the process really is in UTC here (the test would prove nothing otherwise)', () => {
    assert.equal(new Date('2026-07-01T23:30:00Z').getHours(), 23);
  });

  test('a referral on 2 July (London) is dated 2 July, and the contact received at 12:10am on 2 July says so', async () => {
    const page = await (await t.as('mash')).get(`/children/${personId}`);
    assert.equal(page.status, 200);
    const times = [...page.body.matchAll(/<time datetime="[^"]*">([^<]*)<\/time>/g)].map((m) => m[1]!.trim());
    assert.ok(times.includes('2 July 2026'), `the referral's date: got ${JSON.stringify(times)}`);
    assert.ok(!times.some((x) => x.startsWith('1 July 2026')), `nothing on 1 July: got ${JSON.stringify(times)}`);
    assert.ok(times.includes('2 July 2026 at 12:10am'), `the contact's time: got ${JSON.stringify(times)}`);
    assert.match(page.body, /<td class="govuk-table__cell"><a class="govuk-link" href="\/referrals\/[0-9a-f-]{36}">2 July 2026<\/a><\/td>/, 'the episodes table agrees');
  });
});
