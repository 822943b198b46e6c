/**
 * The hidden fields every Hearth form carries, written and read in one place:
 * - `_csrf`: the session's CSRF token (checked for every POST in app.ts's preHandler; pages get it
 *   as `csrfToken` from reply.page);
 * - `formToken`: a one-time token per rendered form, so a form sent twice is done once
 *   (src/features/submissions/once-only.ts);
 * - `version`: the record's version the form was rendered with, so a stale edit is refused.
 * Templates write the three with the `formTokens` macro in src/web/views/form-tokens.njk.
 */
import { randomUUID } from 'node:crypto';
import type { Submission } from '../features/submissions/once-only.js';
import type { FormReader } from './form-reader.js';
import { isUuid } from './ids.js';

/** What a form whose hidden fields are missing, forged or stale says (on the 'formToken' field). */
export const FORM_EXPIRED = 'This form has expired. Reload the page and enter the details again.';

/** A fresh one-time token for a form being rendered. */
export const newFormToken = (): string => randomUUID();

/** The form's one-time token; a form without one (or with a forged one) is not accepted. */
export function readFormToken(form: FormReader, message = FORM_EXPIRED): string | null {
  const token = form.raw('formToken');
  if (!isUuid(token)) {
    form.fail('formToken', message);
    return null;
  }
  return token;
}

/**
 * The record's version the form was rendered with (for the stale-edit check). Anything but a whole
 * number is a form Hearth did not render: refused like a missing token, not passed to the database.
 */
export function readVersion(form: FormReader, message = FORM_EXPIRED): number {
  const raw = form.raw('version');
  if (!/^\d{1,9}$/.test(raw)) {
    form.fail('formToken', message);
    return 0;
  }
  return Number(raw);
}

/** The once-only submission a parsed form stands for: its token, sent by this user. */
export const submissionOf = (principal: { userId: string }, token: string): Submission => ({ token, userId: principal.userId });
