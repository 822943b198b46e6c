/**
 * The looked-after and care-leaver settings (/admin/settings): the missing children's strategy
 * meeting triggers and keeping in touch among the local timescales, and the school terms in which
 * personal education plans fall due; each saved, audited and versioned, then every child recomputed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recompute, seedChild } from '../../../test/support/casework-seed.js';
import { errorSummary, hiddenValue } from '../../../test/support/browserless.js';
import { inputValue } from '../../../test/support/front-door.js';
import { seedMissingEpisode, seedPeriodOfCare } from '../../../test/support/in-care-seed.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

describe('settings: the looked-after timescales and the school terms', () => {
  let t: TestApp;
  let lola: string;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    // Lola, 12: in care from 2 November 2026; missing from 18 November, back on the 20th (2 days).
    lola = await seedChild(t, 'Lola', 'Looked', { dateOfBirth: '2014-03-01' });
    await seedPeriodOfCare(t, lola, { start: '2026-11-02' });
    await seedMissingEpisode(t, lola, { start: '2026-11-18', end: '2026-11-20' });
    await recompute(t, lola);
  });
  after(async () => {
    await t.services.admin.idle();
    await t.close();
  });

  const dueOf = async (rule: string) => (await t.db.query<{ due_on: string }>(`select due_on::text from obligations where person_id = $1 and rule = $2 order by due_on`, [lola, rule])).map((r) => r.due_on);

  test('the local timescales include the missing children’s triggers and keeping in touch, with their defaults; changing one recomputes', async () => {
    const client = await t.as('admin');
    const page = await client.get('/admin/settings');
    assert.equal(page.status, 200);
    assert.deepEqual(
      ['missingStrategyAbsentHours', 'missingStrategyEpisodes', 'missingStrategyWindowDays', 'missingStrategyWorkingDays', 'keepingInTouchWeeks'].map((k) => inputValue(page.body, k)),
      ['72', '3', '90', '1', '8'],
    );
    assert.deepEqual(await dueOf('missing-strategy-meeting'), [], 'back within 72 hours: no meeting');
    const fields = Object.fromEntries(['cpVisitWorkingDays', 'cinVisitWorkingDays', 'coreGroupIntervalMonths', 'cinPlanReviewMonths', 'supervisionMonths', 'visitWriteUpWorkingDays', 'strategyDiscussionWorkingDays', 'missingStrategyAbsentHours', 'missingStrategyEpisodes', 'missingStrategyWindowDays', 'missingStrategyWorkingDays', 'keepingInTouchWeeks'].map((k) => [k, inputValue(page.body, k)!]));
    const saved = await client.post('/admin/settings/timescales', { ...fields, missingStrategyAbsentHours: '48', version: hiddenValue(page.body, 'version', '/admin/settings/timescales')! });
    assert.equal(saved.status, 303);
    await t.services.admin.idle();
    // Absent 48 hours from Wednesday 18 November: Friday 20 November, the meeting 1 working day on.
    assert.deepEqual(await dueOf('missing-strategy-meeting'), ['2026-11-23']);
    const invalid = await client.post('/admin/settings/timescales', { ...fields, keepingInTouchWeeks: '0', version: '1' });
    assert.equal(invalid.status, 400);
    assert.deepEqual(errorSummary(invalid.body), ['keepingInTouchWeeks: Care leavers: keeping in touch must be a whole number of weeks from 1 to 26']);
  });

  test('the school terms: shown as typed, saved and audited, then the personal education plans follow them; a bad line is refused with its number', async () => {
    assert.deepEqual(await dueOf('la-pep'), ['2026-11-16', '2027-03-25', '2027-07-21'], 'the default terms');
    const client = await t.as('admin');
    const page = await client.get('/admin/settings');
    assert.match(page.body, /Autumn term 2026: 2026-09-02 to 2026-12-18/);
    const version = hiddenValue(page.body, 'version', '/admin/settings/school-terms')!;
    assert.equal(version, '0');
    const bad = await client.post('/admin/settings/school-terms', { schoolTerms: 'Spring term 2027: 2027-01-04 to 2027-03-26\nSummer term 2027 2027-04-12 to 2027-07-20', version });
    assert.equal(bad.status, 400);
    assert.deepEqual(errorSummary(bad.body), ['schoolTerms: Line 2 must be a term’s name, a colon, then its first and last days, like “Autumn term 2026: 2026-09-02 to 2026-12-18”']);
    assert.match(bad.body, /Summer term 2027 2027-04-12 to 2027-07-20/, 'what was typed is kept');
    const saved = await client.post('/admin/settings/school-terms', { schoolTerms: 'Spring term 2027: 2027-01-04 to 2027-03-26\nSummer term 2027: 2027-04-12 to 2027-07-20', version });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, '/admin/settings?saved=terms');
    await t.services.admin.idle();
    assert.deepEqual(await dueOf('la-pep'), ['2026-11-16', '2027-03-26', '2027-07-20']);
    const [audit] = await t.db.query<{ user_id: string }>(`select user_id from audit_events where action = 'setting-changed' and subject_id = 'obligations.school-terms'`);
    assert.equal(audit?.user_id, t.ids.admin);
    const stale = await client.post('/admin/settings/school-terms', { schoolTerms: 'Spring term 2027: 2027-01-04 to 2027-03-26', version: '0' });
    assert.equal(stale.status, 409);
  });
});
