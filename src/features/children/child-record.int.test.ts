/**
 * The child's record page (/children/:id) as a MASH worker reads it after the front door: who the
 * child is, their status today, their child in need episodes, and the chronology of everything
 * recorded, newest first, with who recorded each entry.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browserless } from '../../../test/support/browserless.js';
import { seedContact, seedDecision, seedRating, seedReferralDecision } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

const text = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().replace(/&amp;/g, '&');

/** The summary card as key → value. */
function summary(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<dt class="govuk-summary-list__key">([\s\S]*?)<\/dt>\s*<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/g)].map((m) => [text(m[1]!), text(m[2]!)]),
  );
}

/** The chronology as the timeline shows it: title, byline, date and description. */
function timeline(html: string) {
  const start = html.indexOf('class="moj-timeline"');
  if (start < 0) return [];
  return html
    .slice(start)
    .split('<div class="moj-timeline__item">')
    .slice(1)
    .map((item) => ({
      title: text(/<h3 class="moj-timeline__title">([\s\S]*?)<\/h3>/.exec(item)?.[1] ?? ''),
      by: text(/<p class="moj-timeline__byline">([\s\S]*?)<\/p>/.exec(item)?.[1] ?? ''),
      when: text(/<time[^>]*>([\s\S]*?)<\/time>/.exec(item)?.[1] ?? ''),
      description: text(/<div class="moj-timeline__description">([\s\S]*?)<\/div>/.exec(item)?.[1] ?? '').replace(/ ?Open the record.*$/, ''),
    }));
}

function episodeRows(html: string): string[][] {
  const start = html.indexOf('Child in need episodes, newest first');
  if (start < 0) return [];
  const table = html.slice(start, html.indexOf('</table>', start));
  return [...table.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1]!))).filter((r) => r.length);
}

describe('the child’s record after the front door', () => {
  let t: TestApp;
  let mash: Browserless;
  let hermione: string;
  let waiting: string;
  let closed: string;
  const at = (iso: string) => t.clock.set(new Date(iso));

  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-20T09:30:00Z') });
    // Friday 20 November 2026: a contact from school, rated amber, advice given.
    const first = await seedContact(t, { person: { givenName: 'Hermione', familyName: 'Granger', dateOfBirth: '2014-09-19', sex: 'F', nhsNumber: '9434765919' }, source: '2A', concerns: 'Tired and hungry at school', receivedAt: new Date('2026-11-20T09:00:00Z') });
    hermione = first.personId;
    at('2026-11-20T10:00:00Z');
    await seedRating(t, first.contactId, 'amber');
    at('2026-11-20T11:00:00Z');
    await seedDecision(t, first.contactId, 'advice', null, 'mash2');
    // Monday 23 November 2026: the police call, recorded by Mia, rated red and referred by Mo.
    at('2026-11-23T08:15:00Z');
    const second = await seedContact(t, { as: 'mash2', person: { existingId: hermione }, source: '6', concerns: 'Domestic abuse incident at home', receivedAt: new Date('2026-11-23T08:00:00Z') });
    at('2026-11-23T08:30:00Z');
    await seedRating(t, second.contactId, 'red');
    at('2026-11-23T09:30:00Z');
    await seedDecision(t, second.contactId, 'referral', 'N1');

    waiting = (await seedContact(t, { person: { givenName: 'Ron', familyName: 'Waiting' } })).personId;
    const nfa = await seedContact(t, { person: { givenName: 'Neville', familyName: 'Closed' } });
    closed = nfa.personId;
    const referral = await seedDecision(t, nfa.contactId, 'referral', 'N5');
    await seedReferralDecision(t, referral.split('/').at(-1)!, 'nfa');

    at('2026-11-23T10:00:00Z');
    mash = await t.as('mash');
  });
  after(async () => t.close());

  test('identity: name, date of birth with age today, child ID, NHS number and sex', async () => {
    const page = await mash.get(`/children/${hermione}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">Hermione Granger<\/h1>/);
    const s = summary(page.body);
    assert.equal(s['Date of birth'], '19 September 2014 (age 12)');
    assert.match(s['Child ID']!, /^C\d{7}$/);
    assert.equal(s['NHS number'], '9434765919');
    assert.equal(s.Sex, 'Female');
    // Issue 9: the referral went to the assessment team (seedDecision's receiving team), which holds it until its manager allocates.
    assert.equal(s['Allocated worker'], 'Not yet allocated (Assessment)');
    assert.match(page.body, new RegExp(`href="/contacts/new\\?person=${hermione}">Record a contact about Hermione`));
  });

  test('status today: an open episode is "Child in need (open episode)"; a contact waiting is "Contact awaiting a MASH decision"; a closed episode is not open', async () => {
    assert.equal(summary((await mash.get(`/children/${hermione}`)).body)['Status today'], 'Child in need (open episode)');
    assert.equal(summary((await mash.get(`/children/${waiting}`)).body)['Status today'], 'Contact awaiting a MASH decision');
    assert.equal(summary((await mash.get(`/children/${closed}`)).body)['Status today'], 'Not open to children’s social care');
  });

  test('the episodes table shows referral date, primary need, response and closure', async () => {
    assert.deepEqual(episodeRows((await mash.get(`/children/${hermione}`)).body), [['23 November 2026', 'N1: Abuse or neglect', 'Awaiting response', 'Open']]);
    assert.deepEqual(episodeRows((await mash.get(`/children/${closed}`)).body), [['23 November 2026', 'N5: Family dysfunction', 'No further action', '23 November 2026 (RC8)']]);
    const none = await mash.get(`/children/${waiting}`);
    assert.deepEqual(episodeRows(none.body), []);
    assert.doesNotMatch(none.body, /href="#child-in-need"/, 'a child with no referral has no child in need section');
  });

  test('the chronology lists every entry newest first, with who recorded it', async () => {
    const page = await mash.get(`/children/${hermione}`);
    const entries = timeline(page.body);
    const timed = entries.filter((e) => / at /.test(e.when));
    assert.deepEqual(
      timed.map((e) => [e.title, e.by, e.when]),
      [
        ['MASH decision: Referral to children’s social care', 'by Mo Mash', '23 November 2026 at 9:30am'],
        ['RAG rated red', 'by Mo Mash', '23 November 2026 at 8:30am'],
        ['Contact from Police', 'by Mia Mash', '23 November 2026 at 8am'],
        ['MASH decision: Advice and information', 'by Mia Mash', '20 November 2026 at 11am'],
        ['RAG rated amber', 'by Mo Mash', '20 November 2026 at 10am'],
        ['Contact from Schools', 'by Mo Mash', '20 November 2026 at 9am'],
      ],
    );
    const referral = entries.find((e) => e.title === 'Referral: child in need episode opened');
    assert.deepEqual(referral && [referral.by, referral.when], ['by Mo Mash', '23 November 2026']);
    assert.ok(entries.indexOf(referral!) < entries.findIndex((e) => e.title === 'Contact from Schools'), 'Monday’s referral is above Friday’s contact');
    assert.equal(entries.length, 7);
    assert.match(page.body, /7 of 7 entries, newest first\./);
    assert.equal(entries.find((e) => e.title === 'Contact from Police')!.description, 'Domestic abuse incident at home');
  });

  test('?kind= shows only that kind of entry, with a way back to everything', async () => {
    const rag = await mash.get(`/children/${hermione}?kind=rag`);
    assert.deepEqual(timeline(rag.body).map((e) => e.title), ['RAG rated red', 'RAG rated amber']);
    assert.match(rag.body, /2 of 7 entries, newest first\./);
    assert.match(rag.body, new RegExp(`<a class="govuk-link" href="/children/${hermione}#chronology">Show everything</a>`));
    assert.match(rag.body, /id="kind-2" name="kind" type="checkbox" value="rag" checked/, 'the chosen kind stays ticked');

    const two = await mash.get(`/children/${hermione}?kind=contact&kind=decision`);
    assert.deepEqual(timeline(two.body).map((e) => e.title), [
      'MASH decision: Referral to children’s social care',
      'Contact from Police',
      'MASH decision: Advice and information',
      'Contact from Schools',
    ]);

    const closures = await mash.get(`/children/${closed}?kind=closure`);
    assert.deepEqual(timeline(closures.body).map((e) => [e.title, e.when]), [['Child in need episode closed (RC8)', '23 November 2026']]);

    const unknown = await mash.get(`/children/${hermione}?kind=nonsense`);
    assert.equal(unknown.status, 200);
    assert.equal(timeline(unknown.body).length, 7, 'an unknown kind filters nothing');
  });

  test('the referral’s response and closure are in the chronology of a child whose referral was closed', async () => {
    const titles = timeline((await mash.get(`/children/${closed}`)).body).map((e) => e.title);
    for (const title of ['Referral: child in need episode opened', 'Response to referral: No further action', 'Child in need episode closed (RC8)', 'MASH decision: Referral to children’s social care', 'Contact from Police']) {
      assert.ok(titles.includes(title), title);
    }
  });
});
