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
import { datePartsOf, dayOfWeek, fromDayNumber, plainDateFromParts, type PlainDate, toDayNumber } from './plain-date.js';

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
 * Working days counted once for the whole calendar: COUNT[i] is the number of working days from
 * the first covered day up to and including day FIRST_DAY + i. A worktray of 300 items each
 * "overdue by N working days", and every timescale the engine works out, then cost a lookup
 * instead of a walk day by day (which, for a visit months overdue, was hundreds of steps).
 */
const FIRST_DAY = toDayNumber(plainDateFromParts(BANK_HOLIDAY_YEARS.first, 1, 1)!);
const LAST_DAY = toDayNumber(plainDateFromParts(BANK_HOLIDAY_YEARS.last, 12, 31)!);
const COUNT: Int32Array = (() => {
  const count = new Int32Array(LAST_DAY - FIRST_DAY + 1);
  let running = 0;
  for (let i = 0; i < count.length; i++) {
    const date = fromDayNumber(FIRST_DAY + i);
    if (dayOfWeek(date) < 6 && !BANK_HOLIDAYS.has(date)) running++;
    count[i] = running;
  }
  return count;
})();

/** Working days from the start of the calendar up to and including d. */
function countTo(d: PlainDate): number {
  assertCovered(d);
  return COUNT[toDayNumber(d) - FIRST_DAY]!;
}

/**
 * The nth working day after d (d is day 0, whatever day it is); n = 0 returns d.
 * Example: 12 September 2022 + 15 working days = 4 October 2022.
 */
export function addWorkingDays(d: PlainDate, n: number): PlainDate {
  assertNonNegativeInteger(n);
  const target = countTo(d) + n;
  if (n === 0) return d;
  if (target > COUNT[COUNT.length - 1]!) {
    throw new RangeError(
      `No England & Wales bank holiday data for ${n} working days after ${d}: the calendar covers ` +
        `${BANK_HOLIDAY_YEARS.first}-${BANK_HOLIDAY_YEARS.last}. Extend scripts/gen-bank-holidays.ts and regenerate.`,
    );
  }
  // The first day whose running count reaches the target is that working day.
  let lo = toDayNumber(d) - FIRST_DAY + 1;
  let hi = COUNT.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (COUNT[mid]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return fromDayNumber(FIRST_DAY + lo);
}

/**
 * Working days after `from` up to and including `to`; negative (the same count with the
 * dates swapped) when `to` is before `from`. workingDaysBetween(d, addWorkingDays(d, n)) === n.
 */
export function workingDaysBetween(from: PlainDate, to: PlainDate): number {
  if (to < from) return 0 - workingDaysBetween(to, from); // 0 - x, not -x: never -0
  return countTo(to) - countTo(from);
}
