import { londonDateOf } from './instant.js';
import { type PlainDate, daysBetween, formatDayAndDate } from './plain-date.js';

/**
 * A late entry in words: "3 days later, on Monday 14 December 2026" when what happened on
 * `happenedOn` was keyed on a later London day; null when it was keyed the same day (or no time
 * was kept). Records are dated when things happened, and the time they were keyed is shown beside.
 */
export function lateEntryWords(happenedOn: PlainDate, recordedAt: Date | null | undefined): string | null {
  if (!recordedAt) return null;
  const keyedOn = londonDateOf(recordedAt);
  const days = daysBetween(happenedOn, keyedOn);
  if (days <= 0) return null;
  return `${days} ${days === 1 ? 'day' : 'days'} later, on ${formatDayAndDate(keyedOn)}`;
}
