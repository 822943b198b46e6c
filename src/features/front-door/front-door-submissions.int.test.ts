/**
 * Forms sent twice (a double click, a resend after a slow response) and forms from a page that has
 * gone stale (two tabs): one write, never two, and never a silent overwrite.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browserless } from '../../../test/support/browserless.js';
import { hiddenValue } from '../../../test/support/browserless.js';
import { RECEIVING_TEAM, countRows, frontDoorCounts, newChildContactFields, optionValue, seedContact, seedDecision } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

/** The hidden fields of the form posting to `action` on a page. */
/** The form's hidden fields, and (on a MASH decision page) the receiving team a referral goes to. */
function formOf(html: string, action: string) {
  const team = optionValue(html, 'receivingTeamId', RECEIVING_TEAM);
  return { version: hiddenValue(html, 'version', action)!, formToken: hiddenValue(html, 'formToken', action)!, ...(team ? { receivingTeamId: team } : {}) };
}

describe('double submission and stale pages at the front door', () => {
  let t: TestApp;
  let mash: Browserless;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    mash = await t.as('mash');
    await mash.get('/contacts/new');
  });
  after(async () => t.close());

  describe('the same form posted twice does its work once and both go to the same place', () => {
    test('a new-child contact form sent twice creates one child and one contact', async () => {
      const before = await frontDoorCounts(t);
      const fields = newChildContactFields({ givenName: 'Dudley', familyName: 'Dursley' });
      const first = await mash.post('/contacts', fields);
      const second = await mash.post('/contacts', fields);
      assert.equal(first.status, 303);
      assert.equal(second.status, 303);
      assert.equal(second.location, first.location);
      const after = await frontDoorCounts(t);
      assert.equal(after.people, before.people + 1);
      assert.equal(after.contacts, before.contacts + 1);
    });

    test('the same form sent twice at the same moment still creates one contact', async () => {
      const before = await frontDoorCounts(t);
      const fields = newChildContactFields({ givenName: 'Piers', familyName: 'Polkiss' });
      const [a, b] = await Promise.all([mash.post('/contacts', fields), mash.post('/contacts', fields)]);
      assert.deepEqual([a.status, b.status], [303, 303]);
      assert.equal(a.location, b.location);
      const after = await frontDoorCounts(t);
      assert.equal(after.people, before.people + 1);
      assert.equal(after.contacts, before.contacts + 1);
    });

    test('a form refused for an error keeps its token, and the corrected form is then accepted once', async () => {
      const before = await frontDoorCounts(t);
      const fields = newChildContactFields({ givenName: 'Marjorie', familyName: 'Dursley', 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', concerns: '' });
      const refused = await mash.post('/contacts', fields);
      assert.equal(refused.status, 400);
      const fixed = { ...fields, concerns: 'Dog bit the child', formToken: hiddenValue(refused.body, 'formToken', '/contacts')! };
      const first = await mash.post('/contacts', fixed);
      const again = await mash.post('/contacts', fixed);
      assert.equal(first.status, 303);
      assert.equal(again.location, first.location);
      assert.equal((await frontDoorCounts(t)).contacts, before.contacts + 1);
    });

    test('two separately opened forms for the same child create two contacts', async () => {
      const { personId } = await seedContact(t, { person: { givenName: 'Vernon', familyName: 'Dursley' } });
      const before = await frontDoorCounts(t);
      const tab1 = await mash.get(`/contacts/new?person=${personId}`);
      const tab2 = await mash.get(`/contacts/new?person=${personId}`);
      const token1 = hiddenValue(tab1.body, 'formToken', '/contacts')!;
      const token2 = hiddenValue(tab2.body, 'formToken', '/contacts')!;
      assert.notEqual(token1, token2, 'each rendered form has its own token');
      const fields = { ...newChildContactFields(), personId };
      const a = await mash.post('/contacts', { ...fields, formToken: token1 });
      const b = await mash.post('/contacts', { ...fields, formToken: token2, concerns: 'A second call, from the police' });
      assert.equal(a.status, 303);
      assert.equal(b.status, 303);
      assert.notEqual(a.location, b.location);
      const after = await frontDoorCounts(t);
      assert.equal(after.contacts, before.contacts + 2);
      assert.equal(after.people, before.people);
    });

    test('a RAG rating sent twice, one after the other or at the same moment, is recorded once', async () => {
      const { contactId } = await seedContact(t);
      const page = await mash.get(`/contacts/${contactId}`);
      const action = `/contacts/${contactId}/rating`;
      const fields = { ...formOf(page.body, action), rating: 'red', reason: 'Police report of violence' };
      const [first, second] = await Promise.all([mash.post(action, fields), mash.post(action, fields)]);
      const third = await mash.post(action, fields);
      assert.deepEqual([first.status, second.status, third.status], [303, 303, 303]);
      assert.equal(second.location, first.location);
      assert.equal(third.location, first.location);
      const [row] = await t.db.query<{ n: number }>('select count(*)::int as n from contact_rag_ratings where contact_id = $1', [contactId]);
      assert.equal(row!.n, 1);
    });

    test('a MASH decision to refer sent twice opens one episode, and both go to the referral', async () => {
      const { contactId, personId } = await seedContact(t);
      const page = await mash.get(`/contacts/${contactId}`);
      const action = `/contacts/${contactId}/decision`;
      const fields = { ...formOf(page.body, action), hasOpenEpisode: 'no', decision: 'referral', primaryNeedCode: 'N1', rationale: 'Threshold met' };
      const [first, second] = await Promise.all([mash.post(action, fields), mash.post(action, fields)]);
      assert.deepEqual([first.status, second.status], [303, 303]);
      assert.match(first.location!, /^\/referrals\/[0-9a-f-]{36}$/);
      assert.equal(second.location, first.location);
      const [row] = await t.db.query<{ n: number }>('select count(*)::int as n from cin_episodes where person_id = $1', [personId]);
      assert.equal(row!.n, 1);
    });

    test('a referral decision sent twice is recorded once and both go to the child', async () => {
      const { contactId, personId } = await seedContact(t);
      const referral = await seedDecision(t, contactId, 'referral', 'N4');
      const page = await mash.get(referral);
      const action = `${referral}/decision`;
      const fields = { ...formOf(page.body, action), decision: 'assessment', rationale: 'Needs a single assessment' };
      const first = await mash.post(action, fields);
      const second = await mash.post(action, fields);
      assert.deepEqual([first.status, second.status], [303, 303]);
      assert.equal(first.location, `/children/${personId}`);
      assert.equal(second.location, first.location);
      const [episode] = await t.db.query<{ version: number; referral_decision: string }>('select version, referral_decision from cin_episodes where id = $1', [referral.split('/').at(-1)]);
      assert.deepEqual(episode, { version: 2, referral_decision: 'assessment' }, 'updated once');
    });
  });

  describe('a page that went stale in another tab is refused with 409, and writes nothing', () => {
    test('rating in a second tab after the first tab rated: "This record has changed", no second rating', async () => {
      const { contactId } = await seedContact(t);
      const action = `/contacts/${contactId}/rating`;
      const tab1 = await mash.get(`/contacts/${contactId}`);
      const tab2 = await mash.get(`/contacts/${contactId}`);
      assert.equal(formOf(tab1.body, action).version, formOf(tab2.body, action).version);
      const rated = await mash.post(action, { ...formOf(tab1.body, action), rating: 'amber', reason: '' });
      assert.equal(rated.status, 303);
      const ratingsBefore = await countRows(t, 'contact_rag_ratings');
      const stale = await mash.post(action, { ...formOf(tab2.body, action), rating: 'green', reason: 'Seems fine' });
      assert.equal(stale.status, 409);
      assert.match(stale.body, /This record has changed/);
      assert.match(stale.body, /This contact was changed after you opened it \(by a colleague, or by you in another tab or window\), so your change was not saved\./);
      assert.match(stale.body, new RegExp(`href="/contacts/${contactId}"`), 'a way back to the latest version');
      assert.equal(await countRows(t, 'contact_rag_ratings'), ratingsBefore);
    });

    test('deciding in a second tab after the first tab rated: refused, no decision and no episode', async () => {
      const { contactId } = await seedContact(t);
      const tab1 = await mash.get(`/contacts/${contactId}`);
      const tab2 = await mash.get(`/contacts/${contactId}`);
      const rated = await mash.post(`/contacts/${contactId}/rating`, { ...formOf(tab1.body, `/contacts/${contactId}/rating`), rating: 'red', reason: '' });
      assert.equal(rated.status, 303);
      const before = await frontDoorCounts(t);
      const action = `/contacts/${contactId}/decision`;
      const stale = await mash.post(action, { ...formOf(tab2.body, action), hasOpenEpisode: 'no', decision: 'referral', primaryNeedCode: 'N1', rationale: 'Refer' });
      assert.equal(stale.status, 409);
      assert.match(stale.body, /This record has changed/);
      assert.deepEqual(await frontDoorCounts(t), before, 'the episode the referral would have opened is not left behind');
      const [row] = await t.db.query<{ decision: string | null }>('select decision from contacts where id = $1', [contactId]);
      assert.equal(row!.decision, null);
    });

    test('two workers deciding the same contact at the same moment: one decision and one episode; the other is told', async () => {
      const { contactId, personId } = await seedContact(t);
      const mash2 = await t.as('mash2');
      const page1 = await mash.get(`/contacts/${contactId}`);
      const page2 = await mash2.get(`/contacts/${contactId}`);
      const action = `/contacts/${contactId}/decision`;
      const [a, b] = await Promise.all([
        mash.post(action, { ...formOf(page1.body, action), hasOpenEpisode: 'no', decision: 'referral', primaryNeedCode: 'N1', rationale: 'Refer' }),
        mash2.post(action, { ...formOf(page2.body, action), hasOpenEpisode: 'no', decision: 'strategy_discussion', primaryNeedCode: 'N1', rationale: 'Strategy' }),
      ]);
      assert.deepEqual([a.status, b.status].sort(), [303, 409]);
      const [episodes] = await t.db.query<{ n: number }>('select count(*)::int as n from cin_episodes where person_id = $1', [personId]);
      assert.equal(episodes!.n, 1);
    });

    test('two contacts about one child referred at the same moment: one open episode, both contacts in it', async () => {
      const { contactId: first, personId } = await seedContact(t);
      const { contactId: second } = await seedContact(t, { person: { existingId: personId } });
      const mash2 = await t.as('mash2');
      const page1 = await mash.get(`/contacts/${first}`);
      const page2 = await mash2.get(`/contacts/${second}`);
      const [a, b] = await Promise.all([
        mash.post(`/contacts/${first}/decision`, { ...formOf(page1.body, `/contacts/${first}/decision`), hasOpenEpisode: 'no', decision: 'referral', primaryNeedCode: 'N1', rationale: 'Refer' }),
        mash2.post(`/contacts/${second}/decision`, { ...formOf(page2.body, `/contacts/${second}/decision`), hasOpenEpisode: 'no', decision: 'referral', primaryNeedCode: 'N5', rationale: 'Refer too' }),
      ]);
      assert.deepEqual([a.status, b.status], [303, 303]);
      const episodes = await t.db.query<{ id: string }>('select id from cin_episodes where person_id = $1 and closure_date is null', [personId]);
      assert.equal(episodes.length, 1);
      const linked = await t.db.query<{ cin_episode_id: string }>('select cin_episode_id from contacts where person_id = $1', [personId]);
      assert.deepEqual(linked.map((c) => c.cin_episode_id), [episodes[0]!.id, episodes[0]!.id]);
    });

    test('a referral decided in one tab cannot be decided again from another: 409, the first decision stands', async () => {
      const { contactId } = await seedContact(t);
      const referral = await seedDecision(t, contactId, 'referral', 'N1');
      const action = `${referral}/decision`;
      const tab1 = await mash.get(referral);
      const tab2 = await mash.get(referral);
      assert.equal((await mash.post(action, { ...formOf(tab1.body, action), decision: 'assessment', rationale: 'Assess' })).status, 303);
      const stale = await mash.post(action, { ...formOf(tab2.body, action), decision: 'nfa', rationale: 'No further action' });
      assert.equal(stale.status, 409);
      assert.match(stale.body, /This record has changed/);
      const [episode] = await t.db.query<{ referral_decision: string; closure_date: string | null }>('select referral_decision, closure_date from cin_episodes where id = $1', [referral.split('/').at(-1)]);
      assert.deepEqual(episode, { referral_decision: 'assessment', closure_date: null });
    });
  });
});
