import type { FieldError } from '../domain/errors.js';
import { hasUnsafeNameCharacters, unsafeNameMessage } from '../domain/text/names.js';
import { type PlainDate, compareDates, plainDateFromParts } from '../domain/time/index.js';

export type FormBody = Record<string, unknown>;

/**
 * Reads a submitted form field by field, collecting every error (not just the first) with the
 * GOV.UK wording, and keeping what the user typed so the page can show it back.
 */
export class FormReader {
  readonly errors: FieldError[] = [];

  constructor(private readonly body: FormBody) {}

  raw(name: string): string {
    const v = this.body[name];
    if (Array.isArray(v)) return String(v.at(-1) ?? '');
    return typeof v === 'string' ? v : '';
  }

  all(name: string): string[] {
    const v = this.body[name];
    if (Array.isArray(v)) return v.map(String);
    return typeof v === 'string' && v !== '' ? [v] : [];
  }

  fail(field: string, message: string): void {
    if (!this.errors.some((e) => e.field === field)) this.errors.push({ field, message });
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  /** A field of free text; `personName` refuses control characters and text-direction marks (src/domain/text/names.ts). */
  text(name: string, opts: { required?: string; max?: number; label?: string; pattern?: [RegExp, string]; personName?: boolean } = {}): string | null {
    const value = this.raw(name).trim();
    if (!value) {
      if (opts.required) this.fail(name, opts.required);
      return null;
    }
    if (opts.max && value.length > opts.max) {
      this.fail(name, `${opts.label ?? 'This'} must be ${opts.max.toLocaleString('en-GB')} characters or fewer`);
      return null;
    }
    if (opts.personName && hasUnsafeNameCharacters(value)) {
      this.fail(name, unsafeNameMessage(opts.label ?? 'The name'));
      return null;
    }
    if (opts.pattern && !opts.pattern[0].test(value)) {
      this.fail(name, opts.pattern[1]);
      return null;
    }
    return value;
  }

  choice<T extends string>(name: string, allowed: readonly T[], required: string): T | null {
    const value = this.raw(name);
    if (!value) {
      this.fail(name, required);
      return null;
    }
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(name, required);
      return null;
    }
    return value as T;
  }

  /**
   * A GOV.UK date input: fields `${name}-day`, `${name}-month`, `${name}-year`. The error links to
   * the first part that is wrong, as the design system asks.
   */
  date(
    name: string,
    opts: { label: string; required?: boolean; notAfter?: PlainDate; notAfterMessage?: string; notBefore?: PlainDate; notBeforeMessage?: string },
  ): PlainDate | null {
    const day = this.raw(`${name}-day`).trim();
    const month = this.raw(`${name}-month`).trim();
    const year = this.raw(`${name}-year`).trim();
    const lower = opts.label.charAt(0).toLowerCase() + opts.label.slice(1);
    if (!day && !month && !year) {
      if (opts.required !== false) this.fail(`${name}-day`, `Enter the ${lower}`);
      return null;
    }
    const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean) as string[];
    if (missing.length) {
      this.fail(`${name}-${missing[0]}`, `${opts.label} must include a ${missing.join(' and ')}`);
      return null;
    }
    if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
      this.fail(`${name}-day`, `${opts.label} must be a real date`);
      return null;
    }
    const date = plainDateFromParts(Number(year), Number(month), Number(day));
    if (!date || Number(year) < 1900) {
      this.fail(`${name}-day`, `${opts.label} must be a real date`);
      return null;
    }
    if (opts.notAfter && compareDates(date, opts.notAfter) > 0) {
      this.fail(`${name}-day`, opts.notAfterMessage ?? `${opts.label} must be today or in the past`);
      return null;
    }
    if (opts.notBefore && compareDates(date, opts.notBefore) < 0) {
      this.fail(`${name}-day`, opts.notBeforeMessage ?? `${opts.label} is too early`);
      return null;
    }
    return date;
  }

  /** A 24-hour time "14:05" or "2:05pm". */
  time(name: string, opts: { label: string; required?: boolean }): string | null {
    const value = this.raw(name).trim().toLowerCase().replace(/\s+/g, '');
    if (!value) {
      if (opts.required !== false) this.fail(name, `Enter the ${opts.label.toLowerCase()}`);
      return null;
    }
    const m = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/.exec(value);
    if (!m) {
      this.fail(name, `${opts.label} must be a time, like 09:30 or 2:15pm`);
      return null;
    }
    let hours = Number(m[1]);
    const minutes = Number(m[2] ?? '0');
    if (m[3]) {
      if (hours < 1 || hours > 12) return this.fail(name, `${opts.label} must be a real time`), null;
      hours = (hours % 12) + (m[3] === 'pm' ? 12 : 0);
    }
    if (!m[3] && m[2] === undefined) {
      this.fail(name, `${opts.label} must be a time, like 09:30 or 2:15pm`);
      return null;
    }
    if (hours > 23 || minutes > 59) {
      this.fail(name, `${opts.label} must be a real time, like 09:30 or 2:15pm`);
      return null;
    }
    return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  }
}

/** What a template needs to show errors: the summary list and each field's message. */
export function errorView(errors: readonly FieldError[]) {
  return {
    // A form-level problem (an expired form) has no field to link to: link to the page's content.
    errorList: errors.map((e) => ({ text: e.message, href: e.field === 'formToken' ? '#main-content' : `#${e.field}` })),
    errors: Object.fromEntries(errors.map((e) => [e.field.replace(/-(day|month|year)$/, ''), { text: e.message }])) as Record<string, { text: string }>,
  };
}
