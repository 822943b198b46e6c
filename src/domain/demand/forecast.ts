import { type Month, addMonthsTo } from './months.js';

/** Counts by month, oldest first, with no gaps (a month with nothing is 0). */
export interface MonthlySeries {
  months: readonly Month[];
  counts: readonly number[];
}

export interface ForecastMonth {
  month: Month;
  expected: number;
  low: number;
  high: number;
}

export interface Forecast {
  months: ForecastMonth[];
  /** The next 12 months in all. */
  total: { expected: number; low: number; high: number };
  /**
   * The same method run a year ago on the data it had then, against what happened: the mean
   * absolute error of its months as a share of the actual, and its error over the year in all.
   * Null when there is not yet three years of history to test it on.
   */
  backTest: { meanAbsolutePercentError: number; yearError: number } | null;
}

/** Growth from one year to the next may stretch this far either way before it is treated as noise. */
const GROWTH_LIMITS = [0.5, 2] as const;
/** Two standard deviations of the back-tested errors either side: about 95% of months, if they fall like last year's. */
const INTERVAL_Z = 1.96;
/** With no back-test, a month is given this much either side: wide, and said to be untested. */
const UNTESTED_SPREAD = 0.25;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Seasonal naive with the year's growth: each of the next 12 months is the same month a year
 * earlier, scaled by the last 12 months against the 12 before them. Children's services demand is
 * seasonal (school terms drive referrals), so a month is compared with its own month; the growth
 * carries the trend. Needs 24 months of history; returns null with less.
 */
function project(counts: readonly number[]): number[] | null {
  if (counts.length < 24) return null;
  const last = sum(counts.slice(-12));
  const before = sum(counts.slice(-24, -12));
  const growth = before === 0 ? 1 : Math.min(GROWTH_LIMITS[1], Math.max(GROWTH_LIMITS[0], last / before));
  return counts.slice(-12).map((c) => c * growth);
}

/**
 * The next 12 months of a monthly series, with an interval from how the same method did a year
 * ago (a back-test on the series' own history, not an assumption). Null with under 24 months.
 */
export function forecastNextYear(series: MonthlySeries): Forecast | null {
  const projected = project(series.counts);
  if (!projected) return null;
  let backTest: Forecast['backTest'] = null;
  let spread = UNTESTED_SPREAD;
  if (series.counts.length >= 36) {
    const history = series.counts.slice(0, -12);
    const actual = series.counts.slice(-12);
    const then = project(history)!;
    const errors = actual.map((a, i) => (a === 0 ? 0 : (a - then[i]!) / a));
    const meanAbsolutePercentError = (sum(errors.map(Math.abs)) / errors.length) * 100;
    const rms = Math.sqrt(sum(errors.map((e) => e * e)) / errors.length);
    const yearActual = sum(actual);
    backTest = { meanAbsolutePercentError, yearError: yearActual === 0 ? 0 : ((yearActual - sum(then)) / yearActual) * 100 };
    spread = INTERVAL_Z * rms;
  }
  const lastMonth = series.months[series.months.length - 1]!;
  const months = projected.map((expected, i) => ({
    month: addMonthsTo(lastMonth, i + 1),
    expected,
    low: Math.max(0, expected * (1 - spread)),
    high: expected * (1 + spread),
  }));
  // The year's total: months' errors partly cancel, so its interval comes from the back-tested year error when there is one.
  const expectedTotal = sum(projected);
  const yearSpread = backTest ? Math.max(Math.abs(backTest.yearError) / 100, spread / Math.sqrt(12)) : UNTESTED_SPREAD;
  return { months, total: { expected: expectedTotal, low: Math.max(0, expectedTotal * (1 - yearSpread)), high: expectedTotal * (1 + yearSpread) }, backTest };
}
