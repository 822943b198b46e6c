import { type PlainDate, compareDates, isPlainDate } from './plain-date.js';

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

/** The terms as an administrator edits them: one a line, "Autumn term 2026: 2026-09-02 to 2026-12-18". */
export function formatTerms(terms: readonly SchoolTerm[]): string {
  return sortedTerms(terms)
    .map((t) => `${t.name}: ${t.start} to ${t.end}`)
    .join('\n');
}

/**
 * Reads the terms an administrator typed, one a line: a name, a colon, the first and last days
 * (YYYY-MM-DD) joined by "to". Returns the terms in date order, or every problem found, by line.
 */
export function parseTerms(text: string): { terms: SchoolTerm[]; errors: string[] } {
  const terms: SchoolTerm[] = [];
  const errors: string[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  lines.forEach((line, i) => {
    const m = /^(.+?):\s*(\d{4}-\d{2}-\d{2})\s+to\s+(\d{4}-\d{2}-\d{2})$/.exec(line);
    if (!m) {
      errors.push(`Line ${i + 1} must be a term’s name, a colon, then its first and last days, like “Autumn term 2026: 2026-09-02 to 2026-12-18”`);
      return;
    }
    const [, name, start, end] = m as unknown as [string, string, string, string];
    if (!isPlainDate(start) || !isPlainDate(end)) {
      errors.push(`Line ${i + 1} has a date that does not exist`);
      return;
    }
    if (compareDates(start, end) > 0) {
      errors.push(`Line ${i + 1}: the term must end on or after the day it starts`);
      return;
    }
    terms.push({ name: name.trim(), start, end });
  });
  const sorted = sortedTerms(terms);
  for (let i = 1; i < sorted.length; i++) {
    if (compareDates(sorted[i]!.start, sorted[i - 1]!.end) <= 0) errors.push(`${sorted[i]!.name} starts before ${sorted[i - 1]!.name} ends`);
  }
  if (lines.length === 0) errors.push('Enter at least one school term');
  return { terms: errors.length ? [] : sorted, errors };
}
