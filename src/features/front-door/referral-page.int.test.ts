/**
 * The referral page says what the referral is about (issue 9): each contact's concerns in the
 * referrer's words, who referred, and the MASH decision with its rationale, who made it and when;
 * codes with their labels, never alone. Text is escaped.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { errorSummary } from '../../../test/support/browserless.js';
import { decideViaPage, newChildContactFields } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

const cards = (html: string) =>
  [...html.matchAll(/<div class="govuk-summary-card"[^>]*data-contact[^>]*>([\s\S]*?)<\/dl>/g)].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/<dt class="govuk-summary-list__key">\s*([\s\S]*?)\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*([\s\S]*?)\s*<\/dd>/g)].map((r) => [r[1]!, r[2]!])),
  );

describe('the referral page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
  });
  after(async () => t.close());

  test('shows the contact’s concerns, the referrer and the MASH decision’s rationale, who decided and when', async () => {
    let mash = await t.as('mash');
    await mash.get('/contacts/new');
    const created = await mash.post('/contacts', newChildContactFields({ concerns: 'Bruise on her arm <script>alert(1)</script>', referrerContact: '020 7946 0000', assignedWorkerId: t.ids.mash! }));
    assert.equal(created.status, 303, errorSummary(created.body).join('; '));
    const contactId = created.location!.split('/').at(-1)!;
    t.clock.set(new Date('2026-11-23T11:30:00Z'));
    mash = await t.as('mash'); // signed in again: the session's idle limit has passed
    const decided = await decideViaPage(mash, contactId, { decision: 'referral', rationale: 'Unexplained injury: needs an assessment', primaryNeedCode: 'N1' });
    assert.equal(decided.status, 303, errorSummary(decided.body).join('; '));
    const referral = await mash.get(decided.location!);
    assert.equal(referral.status, 200);
    const [card, ...more] = cards(referral.body);
    assert.equal(more.length, 0);
    assert.deepEqual(card, {
      Received: '23 November 2026 at 9:15am',
      'Who it came from': '2A: Schools',
      Referrer: 'Ms Head, Hogwarts Primary, 020 7946 0000',
      'Concerns raised': 'Bruise on her arm &lt;script&gt;alert(1)&lt;/script&gt;',
      'MASH decision': 'Referral to children’s social care, 23 November 2026 at 11:30am by Mo Mash',
      'MASH rationale': 'Unexplained injury: needs an assessment',
    });
  });
});
