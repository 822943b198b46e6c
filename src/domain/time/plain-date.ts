/**
 * Calendar dates with no time and no time zone ("PlainDate"), stored as ISO
 * YYYY-MM-DD strings. All arithmetic is done on an integer day number (days since
 * 1970-01-01 in the proleptic Gregorian calendar), never on local time, so the result
 * does not depend on the process TZ. Nothing here reads the clock.
 */

export type PlainDate = string & { readonly __brand: 'PlainDate' };

export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= MIN_YEAR && year <= MAX_YEAR &&
    month >= 1 && month <= 12 &&
    day >= 1 && day <= daysInMonth(year, month)
  );
}

function format(year: number, month: number, day: number): PlainDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as PlainDate;
}

/** A real date from year, month (1-12) and day, or null (e.g. a GOV.UK date input of 29/2/2023). */
export function plainDateFromParts(year: number, month: number, day: number): PlainDate | null {
  return isValidParts(year, month, day) ? format(year, month, day) : null;
}

export function isPlainDate(s: unknown): s is PlainDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  return m !== null && isValidParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Parses an ISO YYYY-MM-DD date; throws RangeError if it is malformed or not a real date. */
export function parsePlainDate(s: string): PlainDate {
  if (!isPlainDate(s)) throw new RangeError(`Not a valid date (expected a real YYYY-MM-DD date): ${JSON.stringify(s)}`);
  return s;
}

export function datePartsOf(d: PlainDate): DateParts {
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toDayNumber(d: PlainDate): number {
  const { year, month, day } = datePartsOf(d);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber (Howard Hinnant's civil_from_days). */
export function fromDayNumber(n: number): PlainDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Day number must be an integer: ${n}`);
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`Date out of range (years ${MIN_YEAR}-${MAX_YEAR})`);
  return format(year, month, day);
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

export function addDays(d: PlainDate, n: number): PlainDate {
  assertInteger(n, 'Number of days');
  return fromDayNumber(toDayNumber(d) + n);
}

export function addWeeks(d: PlainDate, n: number): PlainDate {
  assertInteger(n, 'Number of weeks');
  return addDays(d, 7 * n);
}

/** Same day-of-month n months later, or the last day of that month if it has no such day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(d: PlainDate, n: number): PlainDate {
  assertInteger(n, 'Number of months');
  const { year, month, day } = datePartsOf(d);
  const total = year * 12 + (month - 1) + n;
  const newYear = Math.floor(total / 12);
  const newMonth = total - newYear * 12 + 1;
  if (newYear < MIN_YEAR || newYear > MAX_YEAR) throw new RangeError(`Date out of range (years ${MIN_YEAR}-${MAX_YEAR})`);
  return format(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** ISO day of week: 1 = Monday ... 7 = Sunday. */
export function dayOfWeek(d: PlainDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  // 1970-01-01 (day 0) was a Thursday (4).
  return ((((toDayNumber(d) + 3) % 7) + 7) % 7 + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** -1, 0 or 1; usable as an Array.prototype.sort comparator. */
export function compareDates(a: PlainDate, b: PlainDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0; // ISO strings with 4-digit years sort chronologically
}

/** Calendar days from a to b: positive when b is later (daysBetween(d, addDays(d, n)) === n). */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function minDate(first: PlainDate, ...rest: PlainDate[]): PlainDate {
  return rest.reduce((m, d) => (d < m ? d : m), first);
}

export function maxDate(first: PlainDate, ...rest: PlainDate[]): PlainDate {
  return rest.reduce((m, d) => (d > m ? d : m), first);
}

/** "4 October 2022" (GOV.UK style). */
export function formatLongDate(d: PlainDate): string {
  const { year, month, day } = datePartsOf(d);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** "Tuesday 4 October 2022" (GOV.UK style). */
export function formatDayAndDate(d: PlainDate): string {
  return `${DAY_NAMES[dayOfWeek(d) - 1]} ${formatLongDate(d)}`;
}
