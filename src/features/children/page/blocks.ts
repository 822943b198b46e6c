/** The child's page's building blocks: the shapes its template lays out, and small formatting helpers every section uses. */
import { type PlainDate, datePartsOf, formatLongDate } from '../../../domain/time/index.js';

export type Cell = { text: string; classes?: string; format?: string } | { html: string; classes?: string };
export type Row = { key: { text: string }; value: { text: string } };

export type Block =
  | { type: 'heading'; text: string; level: 3 | 4 }
  | { type: 'table'; caption: string; head: Cell[]; rows: Cell[][]; firstCellIsHeader?: boolean; more?: { href: string; text: string } | null }
  | { type: 'card'; title: string; rows: Row[] }
  | { type: 'list'; rows: Row[] }
  | { type: 'warning'; text: string }
  | { type: 'problems'; title: string; items: string[] }
  | { type: 'paragraph'; text: string }
  | { type: 'details'; summary: string; blocks: Block[] };

export interface Section {
  id: string;
  title: string;
  count: number;
  blocks: Block[];
  /** Shown even with nothing counted (the family section's facts about the child). */
  show?: boolean;
}

export const d = (s: string | null | undefined) => (s ? formatLongDate(s as PlainDate) : '');
export const t = (text: string | null | undefined, classes?: string): Cell => (classes ? { text: text ?? '', classes } : { text: text ?? '' });
export const num = (n: number | string): Cell => ({ text: String(n), format: 'numeric' });
export const row = (key: string, value: string | null | undefined): Row => ({ key: { text: key }, value: { text: value || 'Not recorded' } });
export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
export const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const newest = <T>(xs: readonly T[], date: (x: T) => string | null) => [...xs].sort((a, b) => (date(b) ?? '').localeCompare(date(a) ?? ''));
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const money = (n: number) => `£${n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const inForce = (s: { startDate: string; endDate: string | null }, day: string) => s.startDate <= day && (s.endDate === null || s.endDate > day);
/** A review held after the date it was due by. */
export const late = (r: { reviewDate: string; dueDate: string | null }) => r.dueDate !== null && r.reviewDate > r.dueDate;

export type Staff = (id: string | null | undefined) => string | null;

/** Whole years of age on `today`. */
export function ageOn(dateOfBirth: PlainDate, today: PlainDate): number {
  const b = datePartsOf(dateOfBirth);
  const t = datePartsOf(today);
  return t.year - b.year - (t.month < b.month || (t.month === b.month && t.day < b.day) ? 1 : 0);
}
