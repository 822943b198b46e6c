import { type Month, monthName } from '../../domain/demand/months.js';
import type { DemandLine } from './demand.service.js';

const n = (x: number) => Math.round(x).toLocaleString('en-GB');
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** "8% more than", "3% fewer than", "the same as". */
function change(now: number, before: number): string {
  if (before === 0) return '';
  const pct = Math.round(((now - before) / before) * 100);
  if (pct === 0) return ', the same as the 12 months before';
  return `, ${Math.abs(pct)}% ${pct > 0 ? 'more' : 'fewer'} than the 12 months before (${n(before)})`;
}

/** What the committee reads under the chart: the last year, its change, the forecast and how far to trust it. */
export function summarise(line: DemandLine): string {
  const { months, counts, forecast } = line;
  if (counts.length === 0) return `${line.label}: none recorded in the last four years.`;
  if (counts.length < 12) return `${line.label}: fewer than 12 months are recorded, so there is no year to compare or forecast.`;
  const last12 = sum(counts.slice(-12));
  const before = counts.length >= 24 ? sum(counts.slice(-24, -12)) : 0;
  const period = `${monthName(months[months.length - 12]!)} to ${monthName(months[months.length - 1]!)}`;
  let text = `${line.label}: ${n(last12)} in the 12 months from ${period}${change(last12, before)}.`;
  if (forecast) {
    const t = forecast.total;
    text += ` Forecast for the next 12 months: ${n(t.expected)} (likely between ${n(t.low)} and ${n(t.high)}).`;
    const b = forecast.backTest;
    if (b) {
      const year = Math.round(Math.abs(b.yearError));
      text += ` Tried a year ago on the data it had then, this forecast was ${year === 0 ? 'within 1%' : `${year}% ${b.yearError > 0 ? 'under' : 'over'}`} for the year, and ${Math.round(b.meanAbsolutePercentError)}% out in an average month.`;
    } else {
      text += ' There is not yet three years of history to test the forecast on, so its range is a wide guess.';
    }
  }
  return text;
}

/** The data table beside the chart: the last 24 months as counted, then the forecast months. */
export function tableRows(line: DemandLine, shownMonths = 24): { month: string; value: string; kind: 'Recorded' | 'Forecast' }[] {
  const from = Math.max(0, line.months.length - shownMonths);
  const recorded = line.months.slice(from).map((m, i) => ({ month: monthName(m), value: n(line.counts[from + i]!), kind: 'Recorded' as const }));
  const forecast = (line.forecast?.months ?? []).map((f) => ({ month: monthName(f.month as Month), value: `${n(f.expected)} (${n(f.low)} to ${n(f.high)})`, kind: 'Forecast' as const }));
  return [...recorded, ...forecast];
}
