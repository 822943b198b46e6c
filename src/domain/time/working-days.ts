/**
 * England & Wales working days (Monday-Friday, not a bank holiday), counted by
 * Hearth's convention (domain.md 1.1a): "within N working days of D" is due on the
 * Nth working day after D; D itself is day 0 whatever day of the week it is.
 *
 * Bank holidays come from a committed, generated file (scripts/gen-bank-holidays.ts)
 * so a new proclamation is a reviewed diff. Dates outside its years throw a RangeError
 * rather than being silently treated as having no bank holidays.
 */
import data from './bank-holidays-england-and-wales.json' with { type: 'json' };
import { addDays, datePartsOf, dayOfWeek, type PlainDate } from './plain-date.js';

const BANK_HOLIDAYS: ReadonlyMap<string, string> = new Map(Object.entries(data.dates));

export const BANK_HOLIDAY_YEARS: Readonly<{ first: number; last: number }> = Object.freeze({
  first: data.firstYear,
  last: data.lastYear,
});

function assertCovered(d: PlainDate): void {
  const { year } = datePartsOf(d);
  if (year < BANK_HOLIDAY_YEARS.first || year > BANK_HOLIDAY_YEARS.last) {
    throw new RangeError(
      `No England & Wales bank holiday data for ${d}: the calendar covers ` +
        `${BANK_HOLIDAY_YEARS.first}-${BANK_HOLIDAY_YEARS.last}. Extend scripts/gen-bank-holidays.ts and regenerate.`,
    );
  }
}

function assertNonNegativeInteger(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Number of working days must be a non-negative integer, got ${n}`);
  }
}

export function isWeekend(d: PlainDate): boolean {
  return dayOfWeek(d) >= 6;
}

/** True for a weekday bank holiday in England & Wales (the data holds weekdays only). */
export function isBankHoliday(d: PlainDate): boolean {
  assertCovered(d);
  return BANK_HOLIDAYS.has(d);
}

/** The bank holiday's name, e.g. "Spring bank holiday", or undefined. */
export function bankHolidayName(d: PlainDate): string | undefined {
  assertCovered(d);
  return BANK_HOLIDAYS.get(d);
}

export function isWorkingDay(d: PlainDate): boolean {
  return !isWeekend(d) && !isBankHoliday(d);
}

/**
 * The nth working day after d (d is day 0, whatever day it is); n = 0 returns d.
 * Example: 12 September 2022 + 15 working days = 4 October 2022.
 */
export function addWorkingDays(d: PlainDate, n: number): PlainDate {
  assertNonNegativeInteger(n);
  assertCovered(d);
  let date = d;
  for (let counted = 0; counted < n; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) counted++;
  }
  return date;
}

/**
 * Working days after `from` up to and including `to`; negative (the same count with the
 * dates swapped) when `to` is before `from`. workingDaysBetween(d, addWorkingDays(d, n)) === n.
 */
export function workingDaysBetween(from: PlainDate, to: PlainDate): number {
  assertCovered(from);
  assertCovered(to);
  if (to < from) return 0 - workingDaysBetween(to, from); // 0 - x, not -x: never -0
  let count = 0;
  for (let date = from; date < to; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) count++;
  }
  return count;
}
