import { type PlainDate, compareDates } from './plain-date.js';

/** One school term (autumn, spring, summer), first and last day. */
export interface SchoolTerm {
  name: string;
  start: PlainDate;
  end: PlainDate;
}

/**
 * Typical English maintained-school terms for 2025/26 and 2026/27 (three terms a year, half-terms
 * inside them), as a local setting's defaults: each authority publishes its own and sets them in
 * Settings. Personal education plans are reviewed each term (Promoting the education of
 * looked-after and previously looked-after children, DfE 2018).
 */
export const DEFAULT_SCHOOL_TERMS: readonly SchoolTerm[] = [
  { name: 'Autumn term 2025', start: '2025-09-03' as PlainDate, end: '2025-12-19' as PlainDate },
  { name: 'Spring term 2026', start: '2026-01-05' as PlainDate, end: '2026-03-27' as PlainDate },
  { name: 'Summer term 2026', start: '2026-04-13' as PlainDate, end: '2026-07-21' as PlainDate },
  { name: 'Autumn term 2026', start: '2026-09-02' as PlainDate, end: '2026-12-18' as PlainDate },
  { name: 'Spring term 2027', start: '2027-01-05' as PlainDate, end: '2027-03-25' as PlainDate },
  { name: 'Summer term 2027', start: '2027-04-12' as PlainDate, end: '2027-07-21' as PlainDate },
];

/** The terms in date order. */
export function sortedTerms(terms: readonly SchoolTerm[]): SchoolTerm[] {
  return [...terms].sort((a, b) => compareDates(a.start, b.start));
}
