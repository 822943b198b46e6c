/**
 * Words a social worker reads for when something is due, relative to "now" passed in
 * by the caller (this module never reads the clock).
 */
import { daysBetween, type PlainDate } from './plain-date.js';
import { workingDaysBetween } from './working-days.js';

export type DueStatus = 'overdue' | 'due-today' | 'due-soon' | 'later';

export interface DueDescription {
  words: string;
  status: DueStatus;
}

export interface DescribeDueDateOptions {
  /** Count the gap in working days (default) or calendar days. */
  unit?: 'working' | 'calendar';
}

/** A date-based item is "due-soon" when due within this many working days. */
export const DUE_SOON_WORKING_DAYS = 5;
/** An instant-based item is "due-soon" when due within this many hours. */
export const DUE_SOON_HOURS = 24;

const MS_PER_MINUTE = 60_000;

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * "due today", "due tomorrow", "due in 3 working days", "overdue by 1 working day".
 * When no working day lies in the gap (due Sunday and today is Friday, or due Friday and
 * today is Sunday) the gap is given in calendar days instead, never "0 working days".
 * Status: overdue (before today), due-today, due-soon (within the next 5 working days), later.
 */
export function describeDueDate(
  dueOn: PlainDate,
  today: PlainDate,
  options: DescribeDueDateOptions = {},
): DueDescription {
  const unit = options.unit ?? 'working';
  const days = daysBetween(today, dueOn);
  if (days === 0) return { words: 'due today', status: 'due-today' };
  if (days === 1) return { words: 'due tomorrow', status: 'due-soon' };

  const working = workingDaysBetween(today, dueOn); // negative when overdue
  const gap =
    unit === 'working' && working !== 0 ? count(Math.abs(working), 'working day') : count(Math.abs(days), 'day');
  if (days < 0) return { words: `overdue by ${gap}`, status: 'overdue' };
  return { words: `due in ${gap}`, status: working <= DUE_SOON_WORKING_DAYS ? 'due-soon' : 'later' };
}

/** Whole minutes below an hour, whole hours below 48 hours, whole days after that; always rounded down. */
function describeSpan(ms: number): string {
  const minutes = Math.floor(ms / MS_PER_MINUTE);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return count(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return count(hours, 'hour');
  return count(Math.floor(hours / 24), 'day');
}

/**
 * "due in 45 minutes", "due in 3 hours", "due in 2 days", "overdue by 25 minutes".
 * Status: overdue (due before now), due-soon (within the next 24 hours), later.
 * ("due-today" is only used for date-based items.)
 */
export function describeDueInstant(due: Date, now: Date): DueDescription {
  const ms = due.getTime() - now.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  const span = describeSpan(Math.abs(ms));
  if (ms < 0) return { words: `overdue by ${span}`, status: 'overdue' };
  return { words: `due in ${span}`, status: ms <= DUE_SOON_HOURS * 60 * MS_PER_MINUTE ? 'due-soon' : 'later' };
}
