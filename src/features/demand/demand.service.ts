import type { Database } from '../../db/database.js';
import { type Principal, can } from '../../domain/access/index.js';
import { type Forecast, forecastNextYear } from '../../domain/demand/forecast.js';
import { type Month, addMonthsTo, monthOf } from '../../domain/demand/months.js';
import { NotFound } from '../../domain/errors.js';
import { type Clock, type PlainDate, londonDateOf } from '../../domain/time/index.js';
import { DEMAND_MEASURES, type DemandMeasure, monthlyCounts } from './demand.repo.js';

export type DemandService = ReturnType<typeof createDemandService>;

/** Four years of months: three to test the forecast on, and the year it is tested against. */
const HISTORY_MONTHS = 48;

export interface DemandLine {
  measure: DemandMeasure;
  label: string;
  months: readonly Month[];
  counts: readonly number[];
  forecast: Forecast | null;
}

/**
 * Demand on the service: each flow by month up to the last complete month, with a forecast of the
 * next 12 and how the forecast did when tried a year ago. Counts only: no child is named.
 */
export function createDemandService({ db, clock }: { db: Database; clock: Clock }) {
  /** `asOf`: count up to the last complete month before this day (the committee's pack); default today. */
  async function demand(principal: Principal, asOf?: PlainDate): Promise<{ lastMonth: Month; lines: DemandLine[] }> {
    if (!can(principal, 'indicators.view')) throw new NotFound('page');
    const lastMonth = addMonthsTo(monthOf(asOf ?? londonDateOf(clock.now())), -1);
    const first = addMonthsTo(lastMonth, -(HISTORY_MONTHS - 1));
    const counts = await db.transaction((tx) => monthlyCounts(tx, first, lastMonth));
    const lines = (Object.keys(DEMAND_MEASURES) as DemandMeasure[]).map((measure) => {
      const series = counts[measure];
      // History before the record began is not a month with nothing in it: start at the first month with any.
      const start = series.counts.findIndex((c) => c > 0);
      // Nothing at all: an empty series (the page says none were recorded).
      const from = start === -1 ? series.months.length : start;
      const trimmed = { months: series.months.slice(from), counts: series.counts.slice(from) };
      return { measure, label: DEMAND_MEASURES[measure].label, months: trimmed.months, counts: trimmed.counts, forecast: forecastNextYear(trimmed) };
    });
    return { lastMonth, lines };
  }
  return { demand };
}
