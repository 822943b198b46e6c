/**
 * The child's journey through the front door (domain.md §0): a MASH decision to refer opens a child
 * in need episode; episodes never overlap and at most one is open (CIN census rules 8815, 8820);
 * the response to the referral is recorded once, and "no further action" closes the episode.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browserless } from '../../../test/support/browserless.js';
import { decideViaPage, rateViaPage, respondViaPage, seedContact, seedDecision, seedReferralDecision, tableRows } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

interface EpisodeRow {
  id: string;
  referral_date: string;
  referral_source: string;
  primary_need_code: string;
  referral_decision: string | null;
  referral_decision_rationale: string | null;
  referral_decided_on: string | null;
  referral_decided_by: string | null;
  closure_date: string | null;
  closure_reason: string | null;
  team_id: string | null;
  created_by: string | null;
}

describe('the journey from contact to referral', () => {
  let t: TestApp;
  let mash: Browserless;
  const episodesOf = (personId: string) => t.db.query<EpisodeRow>('select * from cin_episodes where person_id = $1 order by created_at, referral_date', [personId]);
  const contactRow = async (contactId: string) =>
    (await t.db.query<{ cin_episode_id: string | null; decision: string | null; decided_at: Date | null; version: number }>('select cin_episode_id, decision, decided_at, version from contacts where id = $1', [contactId]))[0]!;

  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    mash = await t.as('mash');
  });
  after(async () => t.close());

  test('a referral opens a child in need episode dated today in London (not UTC), with the contact’s source and the primary need', async () => {
    // 23:30 UTC on Wednesday 1 July 2026 is 00:30 on Thursday 2 July in London (BST).
    t.clock.set(new Date('2026-07-01T23:30:00Z'));
    const { contactId, personId } = await seedContact(t, { source: '3E', receivedAt: new Date('2026-07-01T21:00:00Z') });
    const res = await decideViaPage(mash, contactId, { decision: 'referral', primaryNeedCode: 'N2', rationale: 'Injury seen at A&E' });
    assert.equal(res.status, 303);
    const [episode, ...others] = await episodesOf(personId);
    assert.equal(others.length, 0);
    assert.equal(res.location, `/referrals/${episode!.id}`, 'the worker goes straight to the referral');
    assert.equal(episode!.referral_date, '2026-07-02');
    assert.equal(episode!.referral_source, '3E');
    assert.equal(episode!.primary_need_code, 'N2');
    // Issue 9: the episode is held by the team the referral goes to (decideViaPage chooses the assessment team), no longer the MASH.
    assert.equal(episode!.team_id, t.ids['team:Assessment']);
    assert.equal(episode!.created_by, t.ids.mash);
    assert.equal(episode!.referral_decision, null, 'the response to the referral is still to be made');
    assert.equal(episode!.closure_date, null);
    assert.equal((await contactRow(contactId)).cin_episode_id, episode!.id);

    const page = await mash.get(res.location);
    assert.equal(page.status, 200);
    assert.match(page.body, /2 July 2026/);
    assert.match(page.body, /3E: Health services: A&amp;E \(emergency department\)/);
    assert.match(page.body, /N2: Child’s disability or illness/);
    assert.match(page.body, /Referral decision <strong class="">due tomorrow<\/strong>/);
    assert.match(page.body, /1 working day from the referral on 2 July 2026: due 3 July 2026\. Source: Working Together to Safeguard Children 2023/);
    t.clock.set(new Date('2026-11-23T10:00:00Z'));
  });

  test('a second contact about a child with an open episode is linked to it, and referring it again opens no second episode', async () => {
    const { contactId: first, personId } = await seedContact(t, { person: { givenName: 'Ginny', familyName: 'Weasley' } });
    assert.equal((await decideViaPage(mash, first, { decision: 'referral', primaryNeedCode: 'N1' })).status, 303);
    const [open] = await episodesOf(personId);

    const form = await mash.get(`/contacts/new?person=${personId}`);
    assert.match(form.body, /This child has an open child in need episode \(referral 23 November 2026\)\. The contact will be linked to it\./);
    const { contactId: second } = await seedContact(t, { person: { existingId: personId } });
    assert.equal((await contactRow(second)).cin_episode_id, open!.id, 'linked when recorded');

    const page = await mash.get(`/contacts/${second}`);
    assert.match(page.body, /This child already has an open child in need episode \(referral 23 November 2026\)\. A referral will be linked to it, not opened again\./);
    assert.doesNotMatch(page.body, /name="primaryNeedCode"/, 'no primary need to choose: the episode has one');
    const res = await decideViaPage(mash, second, { decision: 'referral' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/contacts/${second}`);
    const episodes = await episodesOf(personId);
    assert.equal(episodes.length, 1, 'one open episode: CIN census rule 8815');
    assert.equal((await contactRow(second)).cin_episode_id, open!.id);
    const decided = await mash.get(`/contacts/${second}`);
    assert.match(decided.body, new RegExp(`href="/referrals/${open!.id}">Child in need episode from referral 23 November 2026`));
  });

  test('a MASH decision to hold a strategy discussion opens an episode whose response is already decided', async () => {
    const { contactId, personId } = await seedContact(t);
    const res = await decideViaPage(mash, contactId, { decision: 'strategy_discussion', primaryNeedCode: 'N1', rationale: 'Disclosure of sexual abuse' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/contacts/${contactId}`, 'nothing left to decide on the referral');
    const [episode] = await episodesOf(personId);
    assert.equal(episode!.referral_date, '2026-11-23');
    assert.equal(episode!.referral_decision, 'strategy_discussion');
    assert.equal(episode!.referral_decided_on, '2026-11-23');
    assert.equal(episode!.referral_decided_by, t.ids.mash);
    assert.equal(episode!.referral_decision_rationale, 'Disclosure of sexual abuse');
    assert.equal(episode!.closure_date, null);
    const tray = await mash.get('/front-door');
    assert.ok(!tableRows(tray.body, 'referrals').some((r) => r[0]!.includes(episode!.id)), 'not awaiting a response');
    assert.doesNotMatch(tray.body, new RegExp(`/referrals/${episode!.id}`));
    const referral = await mash.get(`/referrals/${episode!.id}`);
    assert.match(referral.body, /Strategy discussion, decided 23 November 2026 by Mo Mash/);
    assert.doesNotMatch(referral.body, /Record referral decision/);
  });

  test('"no further action" on the referral closes the episode that day with RC8, and the next referral opens a new episode', async () => {
    const { contactId, personId } = await seedContact(t);
    const referred = await decideViaPage(mash, contactId, { decision: 'referral', primaryNeedCode: 'N4' });
    const nfa = await respondViaPage(mash, referred.location!, 'nfa', 'Family accepted support from school');
    assert.equal(nfa.status, 303);
    assert.equal(nfa.location, `/children/${personId}`);
    const [closed] = await episodesOf(personId);
    assert.equal(closed!.referral_decision, 'nfa');
    assert.equal(closed!.referral_decided_on, '2026-11-23');
    assert.equal(closed!.closure_date, '2026-11-23');
    assert.equal(closed!.closure_reason, 'RC8');

    // Later the same day another contact is referred: closure on day D and referral on D do not overlap (rule 8820).
    t.clock.set(new Date('2026-11-23T15:00:00Z'));
    const later = await t.as('mash');
    const { contactId: again } = await seedContact(t, { person: { existingId: personId } });
    assert.equal((await contactRow(again)).cin_episode_id, null, 'the closed episode is not joined');
    const page = await later.get(`/contacts/${again}`);
    assert.match(page.body, /name="primaryNeedCode"/, 'a new episode needs its own primary need');
    const second = await decideViaPage(later, again, { decision: 'referral', primaryNeedCode: 'N1' });
    assert.equal(second.status, 303);
    assert.match(second.location!, /^\/referrals\//);
    const episodes = await episodesOf(personId);
    assert.equal(episodes.length, 2);
    assert.equal(episodes.filter((e) => e.closure_date === null).length, 1);
    assert.equal(episodes[1]!.referral_date, '2026-11-23');
    assert.notEqual(episodes[1]!.id, closed!.id);
    t.clock.set(new Date('2026-11-23T10:00:00Z'));
  });

  test('the response "child and family assessment" keeps the episode open', async () => {
    const { contactId, personId } = await seedContact(t);
    const referred = await decideViaPage(mash, contactId, { decision: 'referral', primaryNeedCode: 'N5' });
    assert.equal((await respondViaPage(mash, referred.location!, 'assessment')).status, 303);
    const [episode] = await episodesOf(personId);
    assert.equal(episode!.referral_decision, 'assessment');
    assert.equal(episode!.closure_date, null);
  });

  test('a decision that is not a referral (no further action, advice, early help) opens no episode', async () => {
    for (const decision of ['nfa', 'advice', 'early_help']) {
      const { contactId, personId } = await seedContact(t);
      const res = await decideViaPage(mash, contactId, { decision, primaryNeedCode: 'N1' });
      assert.equal(res.status, 303, decision);
      assert.equal(res.location, `/contacts/${contactId}`);
      assert.equal((await episodesOf(personId)).length, 0, decision);
      const row = await contactRow(contactId);
      assert.equal(row.decision, decision);
      assert.equal(row.cin_episode_id, null);
    }
  });

  test('a contact already decided refuses another decision and another rating (409), and shows neither form', async () => {
    const { contactId } = await seedContact(t);
    const before = await mash.get(`/contacts/${contactId}`);
    const decisionAction = `/contacts/${contactId}/decision`;
    const version = /name="version" value="(\d+)"/.exec(before.body)![1]!;
    assert.equal((await decideViaPage(mash, contactId, { decision: 'advice' })).status, 303);
    const page = await mash.get(`/contacts/${contactId}`);
    assert.match(page.body, /Decision: Advice and information/);
    assert.doesNotMatch(page.body, /action="\/contacts\/[^"]+\/decision"/);
    assert.doesNotMatch(page.body, /action="\/contacts\/[^"]+\/rating"/);
    const current = (await contactRow(contactId)).version;

    const again = await mash.post(decisionAction, { version: String(current), formToken: crypto.randomUUID(), hasOpenEpisode: 'no', decision: 'referral', primaryNeedCode: 'N1', rationale: 'Changed my mind' });
    assert.equal(again.status, 409);
    assert.match(again.body, /A decision has already been made on this contact\./);
    const rate = await mash.post(`/contacts/${contactId}/rating`, { version: String(current), formToken: crypto.randomUUID(), rating: 'red', reason: '' });
    assert.equal(rate.status, 409);
    assert.match(rate.body, /A decision has already been made on this contact, so it can no longer be RAG rated\./);
    const stale = await mash.post(decisionAction, { version, formToken: crypto.randomUUID(), hasOpenEpisode: 'no', decision: 'nfa', rationale: 'x' });
    assert.equal(stale.status, 409);
    const row = await contactRow(contactId);
    assert.equal(row.decision, 'advice');
    assert.equal(row.version, current);
  });

  test('re-rating keeps the history: every rating is shown, oldest first, with who rated it and why', async () => {
    // Each step signs in afresh: the clock moves on by more than the session's idle limit.
    t.clock.set(new Date('2026-11-23T09:00:00Z'));
    const { contactId } = await seedContact(t, { receivedAt: new Date('2026-11-23T08:30:00Z') });
    assert.equal((await rateViaPage(await t.as('mash'), contactId, 'amber', 'School concerns only')).status, 303);
    t.clock.set(new Date('2026-11-23T11:15:00Z'));
    assert.equal((await rateViaPage(await t.as('mash2'), contactId, 'red', 'Police now report a disclosure')).status, 303);
    t.clock.set(new Date('2026-11-23T12:00:00Z'));
    const noon = await t.as('mash');
    assert.equal((await rateViaPage(noon, contactId, 'green', 'Disclosure withdrawn, parent protective')).status, 303);

    const page = await noon.get(`/contacts/${contactId}`);
    const table = page.body.slice(page.body.indexOf('RAG history, oldest first'));
    const rows = [...table.slice(0, table.indexOf('</table>')).matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)]
      .map((r) => [...r[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]*>/g, '').trim()))
      .filter((r) => r.length);
    assert.deepEqual(rows, [
      ['Amber', '23 November 2026 at 9:00am', 'Mo Mash', 'School concerns only'],
      ['Red', '23 November 2026 at 11:15am', 'Mia Mash', 'Police now report a disclosure'],
      ['Green', '23 November 2026 at midday', 'Mo Mash', 'Disclosure withdrawn, parent protective'],
    ]);
    assert.match(page.body, /Re-rate the contact/);
    assert.match(page.body, /hearth-rag--green">Green</);
    assert.match(page.body, /Re-rated green on 23 November 2026 at midday: 72 hours from the re-rating\. Due by 26 November 2026 at midday\./);
    const [{ n }] = (await t.db.query<{ n: number }>('select count(*)::int as n from contact_rag_ratings where contact_id = $1', [contactId])) as [{ n: number }];
    assert.equal(n, 3);
    t.clock.set(new Date('2026-11-23T10:00:00Z'));
  });

  test('the decided contact says whether the decision was within the RAG timescale', async () => {
    t.clock.set(new Date('2026-11-23T10:00:00Z'));
    const { contactId: onTime } = await seedContact(t, { receivedAt: new Date('2026-11-23T08:00:00Z') });
    await decideViaPage(mash, onTime, { decision: 'advice' });
    assert.match((await mash.get(`/contacts/${onTime}`)).body, /Decided by Mo Mash on 23 November 2026 at 10:00am \(within the RAG timescale\)\./);

    const { contactId: late } = await seedContact(t, { receivedAt: new Date('2026-11-23T05:00:00Z') });
    await decideViaPage(mash, late, { decision: 'early_help' });
    assert.match((await mash.get(`/contacts/${late}`)).body, /\(after the RAG timescale, which was due 23 November 2026 at 9:00am\)/);
  });
});

describe('obligations are recomputed in the same transaction as the front door’s writes', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-04-02T10:00:00Z') });
  });
  after(async () => t.close());

  test('a referral stores its referral-decision obligation (due the next working day, across Easter); the response meets it', async () => {
    const { contactId, personId } = await seedContact(t);
    const episodePath = await seedDecision(t, contactId, 'referral', 'N1');
    let rows = await t.db.query<{ rule: string; due_on: string; met_on: string | null }>('select rule, due_on, met_on from obligations where person_id = $1', [personId]);
    assert.deepEqual(rows, [{ rule: 'referral-decision', due_on: '2026-04-07', met_on: null }]);
    await seedReferralDecision(t, episodePath.split('/').pop()!, 'assessment');
    rows = await t.db.query('select rule, due_on, met_on from obligations where person_id = $1 order by rule', [personId]);
    assert.deepEqual(rows, [
      // 45 working days from Thursday 2 April 2026, past Easter and both May bank holidays.
      { rule: 'assessment', due_on: '2026-06-10', met_on: null },
      { rule: 'referral-decision', due_on: '2026-04-07', met_on: '2026-04-02' },
    ]);
  });
});
