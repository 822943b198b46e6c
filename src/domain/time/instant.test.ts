import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addHours, formatLondonDateTime, londonDateOf, londonDateTimeToInstant } from './instant.js';
import { addDays, parsePlainDate } from './plain-date.js';

const d = parsePlainDate;
const utc = (iso: string) => new Date(iso);

describe('londonDateOf', () => {
  const cases: [string, string, string][] = [
    ['2026-03-28T23:30:00Z', '2026-03-28', 'GMT: 23:30 London'],
    ['2026-03-29T00:59:59Z', '2026-03-29', 'just before spring forward'],
    ['2026-03-29T23:30:00Z', '2026-03-30', 'BST: 00:30 London next day'],
    ['2026-10-24T23:30:00Z', '2026-10-25', 'BST: 00:30 London on the day clocks go back'],
    ['2026-10-25T23:30:00Z', '2026-10-25', 'GMT again: 23:30 London'],
    ['2022-06-30T23:00:00Z', '2022-07-01', 'summer midnight'],
    ['2022-06-30T22:59:59.999Z', '2022-06-30', 'one millisecond before summer midnight'],
    ['2022-12-31T23:59:59.999Z', '2022-12-31', 'winter: London is UTC'],
  ];
  for (const [instant, expected, why] of cases) {
    test(`${instant} -> ${expected} (${why})`, () => assert.equal(londonDateOf(utc(instant)), expected));
  }
  test('rejects an invalid Date', () => assert.throws(() => londonDateOf(new Date(Number.NaN)), RangeError));
});

describe('londonDateTimeToInstant', () => {
  const cases: [string, string, string, string][] = [
    ['2022-10-04', '14:05', '2022-10-04T13:05:00.000Z', 'BST'],
    ['2022-12-25', '00:00', '2022-12-25T00:00:00.000Z', 'GMT'],
    ['2026-03-28', '12:00', '2026-03-28T12:00:00.000Z', 'day before spring forward'],
    ['2026-03-29', '00:59', '2026-03-29T00:59:00.000Z', 'before the gap'],
    ['2026-03-29', '01:00', '2026-03-29T01:00:00.000Z', 'gap: 01:00 does not exist, becomes 02:00 BST'],
    ['2026-03-29', '01:30', '2026-03-29T01:30:00.000Z', 'gap: 01:30 does not exist, becomes 02:30 BST'],
    ['2026-03-29', '02:00', '2026-03-29T01:00:00.000Z', 'after the gap'],
    ['2026-03-29', '03:00', '2026-03-29T02:00:00.000Z', 'BST'],
    ['2026-10-25', '00:30', '2026-10-24T23:30:00.000Z', 'BST before the repeat'],
    ['2026-10-25', '01:00', '2026-10-25T00:00:00.000Z', 'repeated hour: first (BST) occurrence'],
    ['2026-10-25', '01:30', '2026-10-25T00:30:00.000Z', 'repeated hour: first (BST) occurrence'],
    ['2026-10-25', '01:59', '2026-10-25T00:59:00.000Z', 'repeated hour: first (BST) occurrence'],
    ['2026-10-25', '02:00', '2026-10-25T02:00:00.000Z', 'GMT after the repeat'],
    ['2026-10-25', '12:00', '2026-10-25T12:00:00.000Z', 'GMT'],
  ];
  for (const [date, time, expected, why] of cases) {
    test(`${date} ${time} London -> ${expected} (${why})`, () => {
      assert.equal(londonDateTimeToInstant(d(date), time).toISOString(), expected);
    });
  }

  test('round-trips through londonDateOf and formatLondonDateTime every half hour of 2026', () => {
    for (let date = d('2026-01-01'); date <= '2026-12-31'; date = addDays(date, 1)) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
        const hh = Math.floor(minutes / 60);
        const mm = minutes % 60;
        const time = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
        const instant = londonDateTimeToInstant(date, time);
        if (londonDateOf(instant) !== date) assert.fail(`${date} ${time} -> ${instant.toISOString()}`);
        const inGap = date === '2026-03-29' && hh === 1;
        const shownHour = inGap ? hh + 1 : hh;
        const clock =
          mm === 0 && shownHour === 12 ? 'midday'
          : mm === 0 && shownHour === 0 ? 'midnight'
          : `${shownHour % 12 || 12}:${String(mm).padStart(2, '0')}${shownHour < 12 ? 'am' : 'pm'}`;
        if (!formatLondonDateTime(instant).endsWith(` at ${clock}`)) {
          assert.fail(`${date} ${time} shown as ${formatLondonDateTime(instant)}`);
        }
      }
    }
  });

  for (const bad of ['24:00', '9:00', '12:60', '12:00:00', '']) {
    test(`rejects time ${JSON.stringify(bad)}`, () => {
      assert.throws(() => londonDateTimeToInstant(d('2026-01-01'), bad), RangeError);
    });
  }
});

describe('formatLondonDateTime', () => {
  const cases: [string, string][] = [
    ['2022-10-04T13:05:00Z', '4 October 2022 at 2:05pm'],
    ['2022-12-04T14:05:00Z', '4 December 2022 at 2:05pm'],
    ['2022-10-04T08:30:00Z', '4 October 2022 at 9:30am'],
    ['2022-10-04T11:00:00Z', '4 October 2022 at midday'],
    ['2022-10-03T23:00:00Z', '4 October 2022 at midnight'],
    ['2022-10-03T23:05:00Z', '4 October 2022 at 12:05am'],
    ['2022-10-04T11:30:00Z', '4 October 2022 at 12:30pm'],
    ['2026-10-25T00:30:00Z', '25 October 2026 at 1:30am'], // first 1:30am (BST)
    ['2026-10-25T01:30:00Z', '25 October 2026 at 1:30am'], // second 1:30am (GMT)
    ['2026-03-29T01:00:00Z', '29 March 2026 at 2:00am'],
  ];
  for (const [instant, expected] of cases) {
    test(`${instant} -> "${expected}"`, () => assert.equal(formatLondonDateTime(utc(instant)), expected));
  }
});

describe('addHours counts elapsed hours, not wall-clock hours', () => {
  test('24 hours across spring forward lands an hour later on the wall clock', () => {
    const later = addHours(londonDateTimeToInstant(d('2026-03-28'), '12:00'), 24);
    assert.equal(formatLondonDateTime(later), '29 March 2026 at 1:00pm');
  });
  test('72 hours of police protection from 10:00 on 27 March 2026 ends 11:00am BST on 30 March', () => {
    const start = londonDateTimeToInstant(d('2026-03-27'), '10:00');
    const end = addHours(start, 72);
    assert.equal(end.toISOString(), '2026-03-30T10:00:00.000Z');
    assert.equal(formatLondonDateTime(end), '30 March 2026 at 11:00am');
  });
  test('24 hours across fall back lands an hour earlier on the wall clock', () => {
    const later = addHours(londonDateTimeToInstant(d('2026-10-24'), '12:00'), 24);
    assert.equal(formatLondonDateTime(later), '25 October 2026 at 11:00am');
  });
  test('negative and fractional hours', () => {
    assert.equal(addHours(utc('2022-10-04T13:05:00Z'), -1.5).toISOString(), '2022-10-04T11:35:00.000Z');
  });
  test('rejects non-finite hours', () => assert.throws(() => addHours(utc('2022-10-04T13:05:00Z'), Number.NaN), RangeError));
});
