/**
 * Instants (Date) seen in UK time, Europe/London (GMT in winter, BST in summer),
 * using Intl only. Results never depend on the process TZ. Nothing here reads the clock.
 */
import { formatLongDate, plainDateFromParts, toDayNumber, type PlainDate } from './plain-date.js';

const ZONE = 'Europe/London';
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

interface WallClock {
  date: PlainDate;
  hour: number;
  minute: number;
  second: number;
}

function assertValidInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
}

function londonWallClock(instant: Date): WallClock {
  assertValidInstant(instant);
  const parts: Record<string, number> = {};
  for (const p of londonParts.formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const date = plainDateFromParts(parts.year ?? NaN, parts.month ?? NaN, parts.day ?? NaN);
  if (date === null) throw new RangeError(`Cannot express ${instant.toISOString()} as a London date`);
  return { date, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0 };
}

/** Milliseconds since the epoch of a wall-clock time read as if it were UTC. */
function wallClockAsUtcMs(date: PlainDate, hour: number, minute: number, second = 0): number {
  return toDayNumber(date) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000;
}

/** London's offset from UTC at an instant, in ms (0 for GMT, 3 600 000 for BST). */
function londonOffsetMs(epochMs: number): number {
  const instant = new Date(epochMs);
  const w = londonWallClock(instant);
  const wholeSecondMs = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return wallClockAsUtcMs(w.date, w.hour, w.minute, w.second) - wholeSecondMs;
}

/** The calendar date in Europe/London at an instant. */
export function londonDateOf(instant: Date): PlainDate {
  return londonWallClock(instant).date;
}

/**
 * The instant at which London clocks show `time` on `date`.
 * A time that does not exist (spring forward, e.g. 01:30 on 29 March 2026) moves forward
 * by the length of the gap (to 02:30 BST); a time that happens twice (fall back,
 * e.g. 01:30 on 25 October 2026) is the first occurrence (01:30 BST).
 */
export function londonDateTimeToInstant(date: PlainDate, time: string): Date {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (m === null) throw new RangeError(`Time must be HH:MM (24-hour), got ${JSON.stringify(time)}`);
  const wall = wallClockAsUtcMs(date, Number(m[1]), Number(m[2]));
  // UK offsets change at most once within any two days; try the offsets either side.
  const before = londonOffsetMs(wall - MS_PER_DAY);
  const after = londonOffsetMs(wall + MS_PER_DAY);
  const candidates = [wall - before, wall - after]
    .filter((t) => londonOffsetMs(t) === wall - t)
    .sort((a, b) => a - b);
  // No candidate means the time is in a spring-forward gap: using the earlier offset
  // gives the instant that is the same distance past the change as the time is.
  return new Date(candidates[0] ?? wall - before);
}

export function addHours(instant: Date, hours: number): Date {
  assertValidInstant(instant);
  if (!Number.isFinite(hours)) throw new RangeError(`Number of hours must be finite, got ${hours}`);
  return new Date(instant.getTime() + hours * MS_PER_HOUR);
}

/** "4 October 2022 at 2:05pm" in London time; exactly 12:00 is "midday", 00:00 "midnight" (GOV.UK style). */
export function formatLondonDateTime(instant: Date): string {
  const { date, hour, minute } = londonWallClock(instant);
  let clock: string;
  if (minute === 0 && hour === 12) clock = 'midday';
  else if (minute === 0 && hour === 0) clock = 'midnight';
  else clock = `${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, '0')}${hour < 12 ? 'am' : 'pm'}`;
  return `${formatLongDate(date)} at ${clock}`;
}

/** The time of day on London clocks at an instant, as "HH:MM" (24-hour): what a time input shows. */
export function londonTimeOf(instant: Date): string {
  const { hour, minute } = londonWallClock(instant);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
