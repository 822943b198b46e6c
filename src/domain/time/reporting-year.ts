import { type PlainDate, compareDates, datePartsOf, parsePlainDate } from './plain-date.js';

/** A DfE reporting year, "2025-26": 1 April 2025 to 31 March 2026 (the SSDA903 and CIN census collection year). */
export type ReportingYear = string & { readonly __brand: 'ReportingYear' };

const YEAR = /^(\d{4})-(\d{2})$/;

export function isReportingYear(s: unknown): s is ReportingYear {
  const m = typeof s === 'string' ? YEAR.exec(s) : null;
  return m !== null && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

/** The reporting year a date falls in. */
export function reportingYearOf(d: PlainDate): ReportingYear {
  const { year, month } = datePartsOf(d);
  const start = month >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}` as ReportingYear;
}

/**
 * The year's window, cut at `today` while the year is still running: "so far" figures never count
 * days that have not happened (an as-at figure is then as at today).
 */
export function windowOf(year: ReportingYear, today: PlainDate): { from: PlainDate; to: PlainDate; complete: boolean } {
  const start = Number(year.slice(0, 4));
  const from = parsePlainDate(`${start}-04-01`);
  const end = parsePlainDate(`${start + 1}-03-31`);
  const complete = compareDates(today, end) > 0;
  return { from, to: complete ? end : today, complete };
}

/** This year and the `count - 1` before it, newest first. */
export function recentReportingYears(today: PlainDate, count: number): ReportingYear[] {
  const start = Number(reportingYearOf(today).slice(0, 4));
  return Array.from({ length: count }, (_, i) => `${start - i}-${String((start - i + 1) % 100).padStart(2, '0')}` as ReportingYear);
}

/** The whole year: 1 April to 31 March (the returns' reference date). */
export function yearBounds(year: ReportingYear): { start: PlainDate; end: PlainDate } {
  const start = Number(year.slice(0, 4));
  return { start: parsePlainDate(`${start}-04-01`), end: parsePlainDate(`${start + 1}-03-31`) };
}
