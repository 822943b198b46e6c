import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../../db/database.js';
import { formSubmissions } from '../../db/schema/index.js';
import { ValidationFailed } from '../../domain/errors.js';

export interface Submission {
  /** The hidden token the form was rendered with. */
  token: string;
  userId: string;
}

export interface Done {
  path: string;
  duplicate: boolean;
}

/**
 * Where this form already went, if it was submitted before (null if not): lets a form whose slow
 * preparation (hashing a password) must run outside the transaction answer a resubmission first.
 */
export async function alreadyDone(db: Database, submission: Submission): Promise<string | null> {
  const [row] = await db.select().from(formSubmissions).where(eq(formSubmissions.token, submission.token));
  if (row && row.userId !== submission.userId) {
    throw new ValidationFailed([{ field: 'formToken', message: 'This form has expired. Reload the page and enter the details again.' }]);
  }
  return row ? row.resultPath : null;
}

/**
 * Runs a form's work at most once per rendered form: a second submission of the same form (a
 * double click, a resend after a timeout) does nothing and goes where the first one went.
 * The token row is written in the work's own transaction, so a failure leaves no trace.
 */
export async function onceOnly(db: Database, submission: Submission, work: (tx: Tx) => Promise<string>): Promise<Done> {
  const existing = async () => {
    const [row] = await db.select().from(formSubmissions).where(eq(formSubmissions.token, submission.token));
    if (row && row.userId !== submission.userId) {
      // Another user's form token: never honoured, and never an error page either.
      throw new ValidationFailed([{ field: 'formToken', message: 'This form has expired. Reload the page and enter the details again.' }]);
    }
    return row ? row.resultPath : null;
  };
  const before = await existing();
  if (before) return { path: before, duplicate: true };
  try {
    const path = await db.transaction(async (tx) => {
      const resultPath = await work(tx);
      await tx.insert(formSubmissions).values({ token: submission.token, userId: submission.userId, resultPath });
      return resultPath;
    });
    return { path, duplicate: false };
  } catch (error) {
    // The same form sent twice at once: the other copy did the work while this one waited, and this
    // one then failed (the token's unique index, a version check, a unique rule of the record).
    // Go where the other went; any other failure stands.
    const after = await existing().catch(() => null);
    if (after) return { path: after, duplicate: true };
    throw error;
  }
}
