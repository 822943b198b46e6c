/**
 * Fast date arithmetic for the generator, on integer day numbers (days since 1970-01-01, as
 * domain/time's toDayNumber). The generator makes millions of date calculations, so working days
 * are looked up in precomputed tables built from domain/time's England and Wales calendar.
 *
 * Outside the years of the bank-holiday data (2015-2035) only weekends are treated as non-working:
 * the generator needs such dates for histories carried back from before the window and for plans
 * that run on past today (never written). Nothing here reads the clock.
 */
import {
  BANK_HOLIDAY_YEARS,
  addMonths as addMonthsIso,
  datePartsOf,
  fromDayNumber,
  isWorkingDay,
  toDayNumber,
  type PlainDate,
} from '../domain/time/index.js';

export const MS_PER_DAY = 86_400_000;

const BASE = toDayNumber('1930-01-01' as PlainDate);
const LAST = toDayNumber('2070-12-31' as PlainDate);
const isoCache: (PlainDate | undefined)[] = new Array(LAST - BASE + 1);

/** ISO YYYY-MM-DD for a day number (cached). */
export function iso(day: number): PlainDate {
  const i = day - BASE;
  if (i < 0 || i >= isoCache.length) return fromDayNumber(day);
  let s = isoCache[i];
  if (s === undefined) {
    s = fromDayNumber(day);
    isoCache[i] = s;
  }
  return s;
}

export function dayOf(date: string): number {
  return toDayNumber(date as PlainDate);
}

/** 1 = Monday ... 7 = Sunday */
export function weekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function yearOf(day: number): number {
  return Number(iso(day).slice(0, 4));
}

export function monthOf(day: number): number {
  return Number(iso(day).slice(5, 7));
}

/** The same day-of-month n months later (or the month's last day), as domain/time's addMonths. */
export function addMonthsDay(day: number, n: number): number {
  return toDayNumber(addMonthsIso(iso(day), n));
}

export function addYearsDay(day: number, n: number): number {
  return addMonthsDay(day, 12 * n);
}

/** Age in whole years on `day` for someone born on `dob`. */
export function ageOn(dob: number, day: number): number {
  const b = datePartsOf(iso(dob));
  const d = datePartsOf(iso(day));
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age--;
  return age;
}

/** The day someone born on `dob` turns `years` old (29 February birthdays fall on 28 February). */
export function birthday(dob: number, years: number): number {
  return addMonthsDay(dob, 12 * years);
}

// ---- working days ----------------------------------------------------------------------------

const WD_BASE = toDayNumber('1970-01-01' as PlainDate);
const WD_LAST = toDayNumber('2070-12-31' as PlainDate);
const FIRST_HOLIDAY_DATA = toDayNumber(`${BANK_HOLIDAY_YEARS.first}-01-01` as PlainDate);
const LAST_HOLIDAY_DATA = toDayNumber(`${BANK_HOLIDAY_YEARS.last}-12-31` as PlainDate);

const isWork = new Uint8Array(WD_LAST - WD_BASE + 1);
/** workIndex[i] = number of working days in [WD_BASE, WD_BASE + i] */
const workIndex = new Int32Array(WD_LAST - WD_BASE + 1);
const workDays: number[] = [];
{
  let count = 0;
  for (let d = WD_BASE; d <= WD_LAST; d++) {
    const wd = weekday(d);
    const working = d >= FIRST_HOLIDAY_DATA && d <= LAST_HOLIDAY_DATA ? isWorkingDay(iso(d)) : wd <= 5;
    if (working) {
      isWork[d - WD_BASE] = 1;
      workDays.push(d);
      count++;
    }
    workIndex[d - WD_BASE] = count;
  }
}

function assertCovered(day: number): void {
  if (day < WD_BASE || day > WD_LAST) throw new RangeError(`Synthetic calendar does not cover ${iso(day)}`);
}

export function isWorkDay(day: number): boolean {
  assertCovered(day);
  return isWork[day - WD_BASE] === 1;
}

/** The nth working day after `day` (day itself is day 0), as domain/time's addWorkingDays. */
export function addWD(day: number, n: number): number {
  assertCovered(day);
  if (n <= 0) return day;
  const k = workIndex[day - WD_BASE]! + n - 1;
  const r = workDays[k];
  if (r === undefined) throw new RangeError(`Synthetic calendar does not reach ${n} working days after ${iso(day)}`);
  return r;
}

/** Working days after `from` up to and including `to` (negative when to < from). */
export function wdBetween(from: number, to: number): number {
  assertCovered(from);
  assertCovered(to);
  return workIndex[to - WD_BASE]! - workIndex[from - WD_BASE]!;
}

/** `day` if it is a working day, otherwise the next one. */
export function onOrNextWD(day: number): number {
  return isWorkDay(day) ? day : addWD(day, 1);
}

/** `day` if it is a working day, otherwise the previous one. */
export function onOrPrevWD(day: number): number {
  assertCovered(day);
  let d = day;
  while (!isWork[d - WD_BASE]) d--;
  return d;
}

// ---- London wall-clock times -------------------------------------------------------------------

const bstCache = new Map<number, [number, number]>();

/** The days British Summer Time starts and ends (last Sundays of March and October). */
function bstBounds(year: number): [number, number] {
  let b = bstCache.get(year);
  if (!b) {
    const lastSunday = (month: number) => {
      const last = toDayNumber(`${year}-${String(month).padStart(2, '0')}-${month === 3 ? '31' : '31'}` as PlainDate);
      return last - (weekday(last) % 7);
    };
    b = [lastSunday(3), lastSunday(10)];
    bstCache.set(year, b);
  }
  return b;
}

/**
 * The instant at which London clocks show `minutes` past midnight on `day`. Valid for times from
 * 03:00 (the generator never uses the hours in which the clocks change).
 */
export function londonInstant(day: number, minutes: number): Date {
  const [start, end] = bstBounds(yearOf(day));
  const offsetMinutes = day >= start && day < end ? 60 : 0;
  return new Date(day * MS_PER_DAY + (minutes - offsetMinutes) * 60_000);
}

/** The London calendar day of an instant made by londonInstant (or any instant). */
export function londonDayOf(instant: Date): number {
  const utcDay = Math.floor(instant.getTime() / MS_PER_DAY);
  // London is UTC or UTC+1: the London day is the UTC day, or the next one late in the evening in summer.
  const [start, end] = bstBounds(yearOf(utcDay));
  const minutesUtc = (instant.getTime() - utcDay * MS_PER_DAY) / 60_000;
  const inBst = utcDay >= start && utcDay < end;
  return inBst && minutesUtc >= 23 * 60 ? utcDay + 1 : utcDay;
}
