import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { errorSummary, hiddenValue } from '../../../test/support/browserless.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

describe('front door journey: contact, triage, decision, referral', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
  });
  after(async () => t.close());

  test('a MASH worker records a contact for a new child, rates it, refers, and the referral opens an episode', async () => {
    const mash = await t.as('mash');
    let page = await mash.get('/contacts/new');
    assert.equal(page.status, 200);
    page = await mash.post('/contacts/find', { givenName: 'Lily', familyName: 'Evans', 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', nhsNumber: '' });
    assert.equal(page.status, 200);
    assert.match(page.body, /No child found/);
    const formToken = hiddenValue(page.body, 'formToken')!;
    const contact = {
      givenName: 'Lily', familyName: 'Evans', 'dateOfBirth-day': '3', 'dateOfBirth-month': '5', 'dateOfBirth-year': '2015', nhsNumber: '', sex: 'F',
      'receivedAt-day': '23', 'receivedAt-month': '11', 'receivedAt-year': '2026', receivedTime: '09:15', source: '2A',
      referrerName: 'Ms Head', referrerOrganisation: 'Hogwarts Primary', referrerContact: '', concerns: 'Bruise on her arm', assignedWorkerId: t.ids.mash!, formToken,
    };
    const created = await mash.post('/contacts', contact);
    assert.equal(created.status, 303, created.body.slice(0, 2000));
    const contactUrl = created.location!;
    assert.match(contactUrl, /^\/contacts\/[0-9a-f-]{36}$/);

    const again = await mash.post('/contacts', contact);
    assert.equal(again.status, 303);
    assert.equal(again.location, contactUrl, 'a double submission goes to the first contact, creating nothing');

    page = await mash.get(contactUrl);
    assert.equal(page.status, 200);
    assert.match(page.body, /Not rated/);
    const rating = await mash.post(`${contactUrl}/rating`, { rating: 'amber', reason: '', version: hiddenValue(page.body, 'version', `${contactUrl}/rating`)!, formToken: hiddenValue(page.body, 'formToken', `${contactUrl}/rating`)! });
    assert.equal(rating.status, 303);
    page = await mash.get(contactUrl);
    assert.match(page.body, /hearth-rag--amber/);

    const bad = await mash.post(`${contactUrl}/decision`, { decision: 'referral', rationale: '', primaryNeedCode: '', version: hiddenValue(page.body, 'version', `${contactUrl}/decision`)!, formToken: hiddenValue(page.body, 'formToken', `${contactUrl}/decision`)!, hasOpenEpisode: 'no' });
    assert.equal(bad.status, 400);
    assert.deepEqual(errorSummary(bad.body), ['primaryNeedCode: Select the primary need', 'rationale: Enter the rationale for the decision']);

    page = await mash.get(contactUrl);
    // The referral names the team it goes to (issue 9).
    const decided = await mash.post(`${contactUrl}/decision`, { decision: 'referral', rationale: 'Threshold met', primaryNeedCode: 'N1', receivingTeamId: t.ids['team:Assessment']!, version: hiddenValue(page.body, 'version', `${contactUrl}/decision`)!, formToken: hiddenValue(page.body, 'formToken', `${contactUrl}/decision`)!, hasOpenEpisode: 'no' });
    assert.equal(decided.status, 303);
    assert.match(decided.location!, /^\/referrals\//);
    page = await mash.get(decided.location!);
    assert.equal(page.status, 200);
    assert.match(page.body, /Referral decision/);
    assert.match(page.body, /due tomorrow/);

    const tray = await mash.get('/front-door');
    assert.equal(tray.status, 200);
    assert.match(tray.body, /Lily/);
  });
});
