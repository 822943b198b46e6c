/**
 * What every casework form's reading shares: the one-time token, the version being edited, the
 * parsed result, and small readers (a past date, yes or no). Each area's schema reads its own forms
 * field by field with every error collected (GOV.UK wording) into typed commands; what needs the
 * child's record is checked by the area's checks inside the write's transaction.
 */
import { randomUUID } from 'node:crypto';
import type { FieldError } from '../../domain/errors.js';
import type { PlainDate } from '../../domain/time/index.js';
import { FormReader } from '../../web/form-reader.js';
import { isUuid } from '../../web/ids.js';

export const newFormToken = () => randomUUID();

/** The form's one-time token (once-only submission); a form without one is not accepted. */
export function readFormToken(form: FormReader): string | null {
  const token = form.raw('formToken');
  if (!isUuid(token)) {
    form.fail('formToken', 'This form has expired. Reload the page and enter the details again.');
    return null;
  }
  return token;
}

/** The version of the record the form was rendered with (for the stale-edit check). */
export function readVersion(form: FormReader): number {
  const raw = form.raw('version');
  if (!/^\d{1,9}$/.test(raw)) {
    form.fail('formToken', 'This form has expired. Reload the page and enter the details again.');
    return 0;
  }
  return Number(raw);
}

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

