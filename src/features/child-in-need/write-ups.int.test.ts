/**
 * Visit and assessment write-ups (issue 9): the visit write-up records what was seen, heard and
 * done; the assessment's analysis is recorded when it is authorised; both are on the child's
 * chronology as escaped text, with who recorded them. A write-up that says nothing is refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { errorSummary } from '../../../test/support/browserless.js';
import { dateInput, referredChild, submitForm } from '../../../test/support/casework.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

/** The chronology's entries as [title, byline, description] (tags stripped, entities left escaped). */
function timeline(html: string) {
  const plain = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  return html
    .split('<div class="moj-timeline__item">')
    .slice(1)
    .map((item): [string, string, string] => [
      plain(/<h3 class="moj-timeline__title">([\s\S]*?)<\/h3>/.exec(item)?.[1] ?? ''),
      plain(/<p class="moj-timeline__byline">([\s\S]*?)<\/p>/.exec(item)?.[1] ?? ''),
      plain(/<div class="moj-timeline__description">([\s\S]*?)<\/div>/.exec(item)?.[1] ?? ''),
    ]);
}

describe('visit and assessment write-ups on the chronology', () => {
  let t: TestApp;
  let personId: string;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    ({ personId } = await referredChild(t, { givenName: 'Wren' }));
  });
  after(async () => t.close());

  test('the visit write-up: seen, heard and done, escaped, by the worker; an empty write-up is refused', async () => {
    const w = await t.as('worker');
    const visit = await submitForm(w, `/children/${personId}/visits/new`, { ...dateInput('date', '2026-11-23'), seen: 'yes', seenAlone: 'yes', bedroomSeen: 'yes', writtenUp: 'no' });
    assert.equal(visit.status, 303, errorSummary(visit.body).join('; '));
    const [v] = await t.db.query<{ id: string }>('select id from visits where person_id = $1', [personId]);
    const path = `/children/${personId}/visits/${v!.id}/write-up`;
    const empty = await submitForm(w, path, { seen: '', heard: '', done: '', notes: '' });
    assert.equal(empty.status, 400);
    assert.deepEqual(errorSummary(empty.body), ['seen: Enter what you saw, heard or did on the visit']);
    const saved = await submitForm(w, path, { seen: 'Wren’s room was warm <b>and tidy</b>', heard: 'Wren said "school is OK"', done: 'Agreed a visit next week', notes: '' });
    assert.equal(saved.status, 303, errorSummary(saved.body).join('; '));
    const page = await w.get(`/children/${personId}`);
    const entry = timeline(page.body).find((e) => e[0] === 'Child in need visit');
    assert.ok(entry, JSON.stringify(timeline(page.body).map((e) => e[0])));
    assert.equal(entry[1], 'by Wendy Worker');
    assert.match(entry[2], /Seen: Wren’s room was warm &lt;b&gt;and tidy&lt;\/b&gt;\. Heard: Wren said &quot;school is OK&quot;\. Done: Agreed a visit next week/);
  });

  test('the assessment’s analysis, recorded when the manager authorises it, is on the chronology', async () => {
    const w = await t.as('worker');
    const started = await submitForm(w, `/children/${personId}/assessments/new`, { ...dateInput('startDate', '2026-11-23'), childSeen: 'yes' });
    assert.equal(started.status, 303, errorSummary(started.body).join('; '));
    const [a] = await t.db.query<{ id: string }>('select id from assessments where person_id = $1', [personId]);
    const m = await t.as('teammgr');
    const authorised = await submitForm(m, `/children/${personId}/assessments/${a!.id}/authorise`, {
      ...dateInput('authorisedDate', '2026-11-23'),
      childSeen: 'yes',
      factors: ['3B'],
      outcome: 'cin_plan',
      analysis: 'Neglect of <i>supervision</i>; mother engages well. A plan is needed.',
    });
    assert.equal(authorised.status, 303, errorSummary(authorised.body).join('; '));
    const [row] = await t.db.query<{ analysis: string }>('select analysis from assessments where id = $1', [a!.id]);
    assert.equal(row!.analysis, 'Neglect of <i>supervision</i>; mother engages well. A plan is needed.');
    const page = await m.get(`/children/${personId}`);
    const entry = timeline(page.body).find((e) => e[0].startsWith('Child and family assessment authorised'));
    assert.ok(entry);
    assert.equal(entry[1], 'by Tariq Manager');
    assert.match(entry[2], /Analysis: Neglect of &lt;i&gt;supervision&lt;\/i&gt;; mother engages well\. A plan is needed\./);
  });
});
