import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  addMonths,
  addWeeks,
  compareDates,
  dayOfWeek,
  daysBetween,
  formatDayAndDate,
  formatLongDate,
  fromDayNumber,
  isPlainDate,
  maxDate,
  minDate,
  parsePlainDate,
  plainDateFromParts,
  toDayNumber,
} from './plain-date.js';

const d = parsePlainDate;

describe('parsePlainDate / isPlainDate', () => {
  for (const s of ['2022-10-04', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2023-12-31']) {
    test(`accepts ${s}`, () => {
      assert.equal(parsePlainDate(s), s);
      assert.equal(isPlainDate(s), true);
    });
  }
  for (const s of [
    '2023-02-29', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '2023-01-32',
    '2023-4-1', ' 2023-04-01', '2023-04-01T00:00', '20230401', '', '0000-01-01', '2023/04/01',
  ]) {
    test(`rejects ${JSON.stringify(s)}`, () => {
      assert.throws(() => parsePlainDate(s), RangeError);
      assert.equal(isPlainDate(s), false);
    });
  }
  test('isPlainDate rejects non-strings', () => {
    for (const v of [20230401, null, undefined, new Date(0), {}]) assert.equal(isPlainDate(v), false);
  });
});

describe('plainDateFromParts (3-field GOV.UK date input)', () => {
  const cases: [number, number, number, string | null][] = [
    [2022, 10, 4, '2022-10-04'],
    [2024, 2, 29, '2024-02-29'],
    [2000, 2, 29, '2000-02-29'],
    [2023, 2, 29, null],
    [1900, 2, 29, null],
    [2023, 4, 31, null],
    [2023, 13, 1, null],
    [2023, 0, 1, null],
    [2023, 1, 0, null],
    [2023, 1.5, 1, null],
    [Number.NaN, 1, 1, null],
    [0, 1, 1, null],
    [10000, 1, 1, null],
    [999, 1, 1, '0999-01-01'],
  ];
  for (const [y, m, day, expected] of cases) {
    test(`${y}/${m}/${day} -> ${expected}`, () => assert.equal(plainDateFromParts(y, m, day), expected));
  }
});

describe('day numbers', () => {
  test('1970-01-01 is day 0 and 2022-10-04 is day 19269', () => {
    assert.equal(toDayNumber(d('1970-01-01')), 0);
    assert.equal(toDayNumber(d('2022-10-04')), 19269);
    assert.equal(fromDayNumber(-1), '1969-12-31');
  });
  test('agrees with Date.UTC for every day 1900-2100 and round-trips', () => {
    const start = Date.UTC(1900, 0, 1) / 86_400_000;
    const end = Date.UTC(2100, 11, 31) / 86_400_000;
    for (let n = start; n <= end; n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      const date = fromDayNumber(n);
      if (date !== iso || toDayNumber(date) !== n) assert.fail(`day ${n}: ${date} vs ${iso}`);
    }
    assert.equal(fromDayNumber(end), '2100-12-31');
  });
});

describe('addDays / addWeeks', () => {
  const cases: [string, number, string][] = [
    ['2022-10-04', 0, '2022-10-04'],
    ['2022-10-04', 1, '2022-10-05'],
    ['2022-12-31', 1, '2023-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2023-03-01', -1, '2023-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2022-10-04', 365, '2023-10-04'],
    ['2026-03-28', 1, '2026-03-29'], // clocks change: no effect on dates
  ];
  for (const [from, n, expected] of cases) {
    test(`${from} + ${n} days = ${expected}`, () => {
      assert.equal(addDays(d(from), n), expected);
      assert.equal(daysBetween(d(from), d(expected)), n);
    });
  }
  test('addWeeks adds 7 days per week', () => {
    assert.equal(addWeeks(d('2022-12-20'), 2), '2023-01-03');
    assert.equal(addWeeks(d('2022-10-04'), -6), '2022-08-23');
  });
  test('non-integer counts throw', () => {
    assert.throws(() => addDays(d('2022-10-04'), 1.5), RangeError);
    assert.throws(() => addWeeks(d('2022-10-04'), Number.NaN), RangeError);
    assert.throws(() => addMonths(d('2022-10-04'), 0.5), RangeError);
  });
});

describe('addMonths: same day-of-month, or last day of a shorter month', () => {
  const cases: [string, number, string][] = [
    ['2022-10-04', 3, '2023-01-04'], // ICPC -> first review conference
    ['2022-10-04', 0, '2022-10-04'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'], // leap year
    ['2000-01-31', 1, '2000-02-29'], // divisible by 400: leap
    ['2100-01-31', 1, '2100-02-28'], // divisible by 100: not leap
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-02-29', 1, '2024-03-29'],
    ['2023-08-31', 1, '2023-09-30'],
    ['2023-05-31', 6, '2023-11-30'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2023-12-15', 1, '2024-01-15'],
    ['2023-01-15', -1, '2022-12-15'],
    ['2023-03-31', -1, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2022-12-31', 6, '2023-06-30'],
    ['2022-06-30', 6, '2022-12-30'],
  ];
  for (const [from, n, expected] of cases) {
    test(`${from} + ${n} months = ${expected}`, () => assert.equal(addMonths(d(from), n), expected));
  }
});

describe('dayOfWeek (1 = Monday ... 7 = Sunday)', () => {
  const cases: [string, number][] = [
    ['2022-09-12', 1],
    ['2022-10-04', 2],
    ['1970-01-01', 4],
    ['1969-12-31', 3],
    ['2023-03-04', 6],
    ['2023-01-01', 7],
    ['2000-02-29', 2],
    ['1600-01-01', 6],
  ];
  for (const [date, expected] of cases) {
    test(`${date} -> ${expected}`, () => assert.equal(dayOfWeek(d(date)), expected));
  }
  test('agrees with Date.getUTCDay over 2015-2035', () => {
    for (let date = d('2015-01-01'); date <= '2035-12-31'; date = addDays(date, 1)) {
      const utcDay = new Date(`${date}T12:00:00Z`).getUTCDay();
      assert.equal(dayOfWeek(date), utcDay === 0 ? 7 : utcDay, date);
    }
  });
});

describe('comparisons', () => {
  test('compareDates sorts chronologically', () => {
    const dates = ['2023-01-01', '2022-12-31', '2022-02-01', '2022-10-04'].map(d);
    assert.deepEqual([...dates].sort(compareDates), ['2022-02-01', '2022-10-04', '2022-12-31', '2023-01-01']);
    assert.equal(compareDates(d('2022-10-04'), d('2022-10-04')), 0);
    assert.equal(compareDates(d('2022-10-03'), d('2022-10-04')), -1);
    assert.equal(compareDates(d('2022-10-05'), d('2022-10-04')), 1);
  });
  test('daysBetween is positive when the second date is later', () => {
    assert.equal(daysBetween(d('2022-09-12'), d('2022-10-04')), 22);
    assert.equal(daysBetween(d('2022-10-04'), d('2022-09-12')), -22);
    assert.equal(daysBetween(d('2024-01-01'), d('2025-01-01')), 366);
  });
  test('minDate / maxDate', () => {
    assert.equal(minDate(d('2022-10-04'), d('2021-12-31'), d('2023-01-01')), '2021-12-31');
    assert.equal(maxDate(d('2022-10-04'), d('2021-12-31'), d('2023-01-01')), '2023-01-01');
    assert.equal(minDate(d('2022-10-04')), '2022-10-04');
  });
});

describe('formatting (GOV.UK style)', () => {
  const cases: [string, string, string][] = [
    ['2022-10-04', '4 October 2022', 'Tuesday 4 October 2022'],
    ['2023-01-01', '1 January 2023', 'Sunday 1 January 2023'],
    ['2022-09-19', '19 September 2022', 'Monday 19 September 2022'],
    ['2024-02-29', '29 February 2024', 'Thursday 29 February 2024'],
  ];
  for (const [date, long, withDay] of cases) {
    test(`${date} -> "${withDay}"`, () => {
      assert.equal(formatLongDate(d(date)), long);
      assert.equal(formatDayAndDate(d(date)), withDay);
    });
  }
});
