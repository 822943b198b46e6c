import { normaliseName } from '../../db/search-name.js';
import type { FieldError } from '../../domain/errors.js';
import type { PlainDate } from '../../domain/time/index.js';
import { type FormBody, FormReader } from '../../web/form-reader.js';

/** What to look for. Every criterion given must match. */
export interface SearchCriteria {
  /** The name as typed, in its searchable form (src/db/search-name.ts): "sean obrien". */
  name: string | null;
  dateOfBirth: PlainDate | null;
  /** An NHS number, UPN or local-authority child ID, without spaces or dashes. */
  identifier: string | null;
}

export interface ParsedSearch {
  criteria: SearchCriteria | null;
  errors: FieldError[];
  values: Record<string, string>;
}

const FIELDS = ['name', 'dateOfBirth-day', 'dateOfBirth-month', 'dateOfBirth-year', 'identifier'] as const;

/** The longest name worth searching for; longer input is refused rather than searched. */
export const MAX_NAME = 100;

export function parseSearch(body: FormBody): ParsedSearch {
  const form = new FormReader(body);
  const values = Object.fromEntries(FIELDS.map((f) => [f, form.raw(f)]));
  const rawName = form.text('name', { max: MAX_NAME, label: 'Name' });
  let name: string | null = null;
  if (rawName !== null) {
    name = normaliseName(rawName);
    if (name.replace(/ /g, '').length < 2) {
      form.fail('name', 'Name must include at least 2 letters');
      name = null;
    }
  }
  const dateOfBirth = form.date('dateOfBirth', { label: 'Date of birth', required: false });
  let identifier: string | null = null;
  const rawIdentifier = form.raw('identifier').replace(/[\s-]/g, '');
  if (rawIdentifier) {
    if (!/^[A-Za-z0-9]{1,20}$/.test(rawIdentifier)) {
      form.fail('identifier', 'NHS number, UPN or child ID must be letters and numbers only, like 485 777 3456 or C0001234');
    } else {
      identifier = rawIdentifier.toUpperCase();
    }
  }
  const anythingTyped = FIELDS.some((f) => form.raw(f).trim() !== '');
  if (!anythingTyped) {
    form.fail('name', 'Enter a name, a date of birth, or an NHS number, UPN or child ID');
  }
  if (!form.ok) return { criteria: null, errors: form.errors, values };
  return { criteria: { name, dateOfBirth, identifier }, errors: [], values };
}
