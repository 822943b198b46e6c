import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { forecastNextYear } from './forecast.js';
import { type Month, addMonthsTo, monthName, monthsFrom } from './months.js';

const months = (first: string, n: number) => monthsFrom(first as Month, addMonthsTo(first as Month, n - 1));
/** A school-year shape: a dip in August, a peak in November. */
const SHAPE = [100, 110, 120, 100, 90, 60, 100, 130, 140, 120, 90, 100];

describe('forecasting a year of demand', () => {
  test('months: arithmetic across a year end, and names', () => {
    assert.equal(addMonthsTo('2025-11' as Month, 3), '2026-02');
    assert.equal(addMonthsTo('2026-01' as Month, -1), '2025-12');
    assert.deepEqual(monthsFrom('2025-11' as Month, '2026-02' as Month), ['2025-11', '2025-12', '2026-01', '2026-02']);
    assert.equal(monthName('2026-03' as Month), 'March 2026');
  });

  test('under two years of history: no forecast', () => {
    assert.equal(forecastNextYear({ months: months('2025-01', 23), counts: Array(23).fill(10) }), null);
  });

  test('two years: each month is last year’s same month scaled by the year’s growth (10% here); untested, so a wide interval', () => {
    const counts = [...SHAPE, ...SHAPE.map((c) => c * 1.1)];
    const f = forecastNextYear({ months: months('2024-04', 24), counts })!;
    assert.equal(f.months[0]!.month, '2026-04');
    assert.equal(f.months.length, 12);
    // April: 100 × 1.1 (last April) × 1.1 (growth) = 121.
    assert.ok(Math.abs(f.months[0]!.expected - 121) < 1e-9);
    assert.ok(Math.abs(f.months[5]!.expected - 60 * 1.21) < 1e-9, 'September keeps its dip');
    assert.equal(f.backTest, null);
    assert.ok(Math.abs(f.months[0]!.low - 121 * 0.75) < 1e-9 && Math.abs(f.months[0]!.high - 121 * 1.25) < 1e-9);
  });

  test('three years of steady 10% growth: the back-test is exact, so the interval closes up', () => {
    const counts = [...SHAPE, ...SHAPE.map((c) => c * 1.1), ...SHAPE.map((c) => c * 1.21)];
    const f = forecastNextYear({ months: months('2023-04', 36), counts })!;
    assert.ok(f.backTest && f.backTest.meanAbsolutePercentError < 1e-9 && Math.abs(f.backTest.yearError) < 1e-9);
    assert.ok(Math.abs(f.total.expected - 1260 * 1.331) < 1e-6, 'the shape’s 1,260 a year, grown three times');
    assert.ok(f.months.every((m) => Math.abs(m.high - m.low) < 1e-6));
  });

  test('a jump the method did not foresee shows in the back-test and widens the interval', () => {
    const counts = [...SHAPE, ...SHAPE, ...SHAPE.map((c) => c * 1.4)];
    const f = forecastNextYear({ months: months('2023-04', 36), counts })!;
    // A year ago it saw no growth and forecast the same again; the year came in 40% up: 1 - 1/1.4 = 28.6% of the actual.
    assert.ok(Math.abs(f.backTest!.yearError - (1 - 1 / 1.4) * 100) < 1e-9);
    assert.ok(Math.abs(f.backTest!.meanAbsolutePercentError - (1 - 1 / 1.4) * 100) < 1e-9);
    // Growth is capped at 2x: here it is 1.4, so next April is 100 × 1.4 × 1.4.
    assert.ok(Math.abs(f.months[0]!.expected - 196) < 1e-9);
    assert.ok(f.months[0]!.low < 196 * 0.5 && f.months[0]!.high > 196 * 1.5);
  });

  test('growth beyond twice the year before is capped, and an empty year before counts as no growth', () => {
    const counts = [...Array(12).fill(10), ...Array(12).fill(100)];
    assert.equal(forecastNextYear({ months: months('2024-04', 24), counts })!.months[0]!.expected, 200);
    const fromNothing = [...Array(12).fill(0), ...Array(12).fill(5)];
    assert.equal(forecastNextYear({ months: months('2024-04', 24), counts: fromNothing })!.months[0]!.expected, 5);
  });
});
