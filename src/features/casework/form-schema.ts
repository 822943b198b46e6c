/**
 * What every casework form's reading shares: the one-time token, the version being edited, the
 * parsed result, and small readers (a past date, yes or no). Each area's schema reads its own forms
 * field by field with every error collected (GOV.UK wording) into typed commands; what needs the
 * child's record is checked by the area's checks inside the write's transaction.
 */
import type { FieldError } from '../../domain/errors.js';
import type { PlainDate } from '../../domain/time/index.js';
import { FormReader } from '../../web/form-reader.js';

// The one-time token and the version are read as every Hearth form reads them (src/web/form-tokens.ts).
export { newFormToken, readFormToken, readVersion } from '../../web/form-tokens.js';

export interface Parsed<T> {
  command: T | null;
  errors: FieldError[];
  /** What the user typed, to show back on the page. */
  values: Record<string, string | string[]>;
  formToken: string | null;
}

const YES_NO = ['yes', 'no'] as const;

export function keep(form: FormReader, names: string[], lists: string[] = []): Record<string, string | string[]> {
  return { ...Object.fromEntries(names.map((n) => [n, form.raw(n)])), ...Object.fromEntries(lists.map((n) => [n, form.all(n)])) };
}

export const dateFields = (...names: string[]) => names.flatMap((n) => [`${n}-day`, `${n}-month`, `${n}-year`]);

export function pastDate(form: FormReader, name: string, label: string, today: PlainDate): PlainDate | null {
  return form.date(name, { label, notAfter: today, notAfterMessage: `${label} must be today or in the past` });
}

export function yesNo(form: FormReader, name: string, message: string): boolean | null {
  const v = form.choice(name, YES_NO, message);
  return v === null ? null : v === 'yes';
}

export function done<T>(form: FormReader, command: T | null, values: Record<string, string | string[]>, formToken: string | null): Parsed<T> {
  return { command: form.ok ? command : null, errors: form.errors, values, formToken };
}

