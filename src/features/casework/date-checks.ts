/**
 * What the date checks of every area share: pure helpers over the case file's date strings, and
 * the rule that work in an episode starts on or after its referral (CIN census 1103, 1104, 1105, 2889).
 */
import type { FieldError } from '../../domain/errors.js';
import { type PlainDate, compareDates, formatLongDate, maxDate } from '../../domain/time/index.js';
import type { EpisodeRow } from './case-file.js';

export const long = (d: string) => formatLongDate(d as PlainDate);
export const before = (a: string, b: string) => compareDates(a as PlainDate, b as PlainDate) < 0;
export const after = (a: string, b: string) => compareDates(a as PlainDate, b as PlainDate) > 0;
export const latest = (dates: (string | null)[]): string | null => {
  const ds = dates.filter((d): d is string => d !== null) as PlainDate[];
  return ds.length ? maxDate(ds[0]!, ...ds.slice(1)) : null;
};

/** Work in an episode starts on or after its referral (CIN census 1103, 1104, 1105, 2889). */
export function notBeforeReferral(field: string, what: string, date: PlainDate, episode: EpisodeRow): FieldError[] {
  return before(date, episode.referralDate) ? [{ field, message: `${what} must be on or after the referral on ${long(episode.referralDate)}` }] : [];
}
