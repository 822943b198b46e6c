/**
 * The demand page (/demand): flows by month with a forecast tried on the record's own history.
 * Referrals are seeded one a month for two years, then two a month for a year, so the figures
 * can be worked out by hand.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedChild, seedEpisode } from '../../../test/support/casework-seed.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';
import { type Month, addMonthsTo, monthsFrom } from '../../domain/demand/months.js';

describe('demand by month, with a forecast', () => {
  let t: TestApp;
  before(async () => {
    // 23 November 2026: the last complete month is October 2026.
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    const team = t.ids['team:Assessment']!;
    let n = 0;
    for (const month of monthsFrom('2023-11' as Month, '2026-10' as Month)) {
      const perMonth = month >= '2025-11' ? 2 : 1;
      for (let i = 0; i < perMonth; i++) {
        const child = await seedChild(t, `Demand${++n}`, 'Child');
        await seedEpisode(t, child, { referralDate: `${month}-1${i}`, teamId: team, closureDate: `${addMonthsTo(month, 1)}-01` });
      }
    }
  });
  after(async () => t.close());

  test('referrals: 24 in the last year against 12 the year before; the forecast doubles again (growth capped at 2x), and its back-test says how far out it was', async () => {
    const page = await (await t.as('analyst')).get('/demand');
    assert.equal(page.status, 200);
    assert.match(page.body, /up to October 2026/);
    assert.match(page.body, /Referrals: 24 in the 12 months from November 2025 to October 2026, 100% more than the 12 months before \(12\)\./);
    // A year ago it saw no growth and forecast 12 for a year that brought 24: 50% under; the interval is 24 to 72.
    assert.match(page.body, /Forecast for the next 12 months: 48 \(likely between 24 and 72\)\. Tried a year ago on the data it had then, this forecast was 50% under for the year, and 50% out in an average month\./);
    assert.match(page.body, /<svg[^>]*role="img"[^>]*aria-labelledby="chart-referrals-title chart-referrals-desc"/);
    assert.match(page.body, /<th scope="row" class="govuk-table__header">November 2026<\/th><td class="govuk-table__cell">Forecast<\/td><td class="govuk-table__cell govuk-table__cell--numeric">4 \(0 to 8\)<\/td>/);
  });

  test('a flow with nothing recorded says so rather than forecasting', async () => {
    const page = await (await t.as('analyst')).get('/demand');
    assert.match(page.body, /Children coming into care: none recorded in the last four years\./);
  });

  test('a social worker gets 404', async () => {
    assert.equal((await (await t.as('worker')).get('/demand')).status, 404);
  });
});
