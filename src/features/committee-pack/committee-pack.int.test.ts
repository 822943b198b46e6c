/** The committee's performance report (/committee-pack): its parts as at a date, from the same figures as the pages they summarise. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { errorSummary } from '../../../test/support/browserless.js';
import { seedAllocation, seedChild, seedEpisode } from '../../../test/support/casework-seed.js';
import { tableRows } from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

describe('the committee’s performance report', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-12-08T10:00:00Z') });
    const team = t.ids['team:Assessment']!;
    for (const [i, date] of ['2026-05-04', '2026-09-07', '2027-01-01'].entries()) {
      const child = await seedChild(t, `Pack${i}`, 'Child');
      if (date < '2026-12-08') await seedEpisode(t, child, { referralDate: date, teamId: team });
      await seedAllocation(t, child, { workerId: t.ids.worker!, teamId: team, start: '2026-05-04' });
    }
    const [rec] = await t.db.query<{ id: string }>(`insert into improvement_recommendations (source, made_on, text) values ('Ofsted focused visit', '2021-07-30', 'The timeliness of personal education plan meetings.') returning id`);
    await t.db.query(`insert into improvement_actions (recommendation_id, action, owner_name, due_on, status, rag, progress, completed_on) values ($1, 'Track PEPs', 'Virtual School Head', '2022-09-30', 'done', 'green', 'PEPs in time rose to 93%.', '2022-09-20')`, [rec!.id]);
  });
  after(async () => t.close());

  test('as at today: the summary, the improvement plan’s table and caseloads against the guide', async () => {
    const page = await (await t.as('analyst')).get('/committee-pack');
    assert.equal(page.status, 200);
    assert.match(page.body, /As at 8 December 2026\. The reporting year 2026-27 runs 1 April 2026 to 8 December 2026\./);
    assert.deepEqual(tableRows(page.body, 'pack-summary')[0], ['Referrals per 10,000 children', '0.3', '2 of 67,000 children', '520.0 (2024-25)']);
    assert.deepEqual(tableRows(page.body, 'pack-plan-table')[0], ['The timeliness of personal education plan meetings. Ofsted focused visit, 30 July 2021', 'PEPs in time rose to 93%.', 'Green']);
    assert.deepEqual(tableRows(page.body, 'pack-caseloads-table').find((r) => r[0] === 'Assessment'), ['Assessment', '1', '3', '3.0', '0']);
  });

  test('as at an earlier date: the figures stop there; a date to come is refused with the error summary', async () => {
    const client = await t.as('analyst');
    const earlier = await client.get('/committee-pack?date-day=30&date-month=6&date-year=2026');
    assert.match(earlier.body, /As at 30 June 2026\./);
    assert.deepEqual(tableRows(earlier.body, 'pack-summary')[0]?.slice(1, 3), ['0.1', '1 of 67,000 children']);
    const future = await client.get('/committee-pack?date-day=1&date-month=1&date-year=2027');
    assert.equal(future.status, 400);
    assert.deepEqual(errorSummary(future.body), ['date-day: The date of the report must be today or in the past']);
  });

  test('a social worker gets 404', async () => {
    assert.equal((await (await t.as('worker')).get('/committee-pack')).status, 404);
  });
});
