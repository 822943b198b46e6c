import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, formatDayAndDate, parsePlainDate } from './plain-date.js';
import { addWorkingDays, isBankHoliday, isWeekend, isWorkingDay, workingDaysBetween } from './working-days.js';

const d = parsePlainDate;

describe('isWeekend / isWorkingDay', () => {
  const cases: [string, boolean, boolean][] = [
    // date, weekend, working day
    ['2023-03-03', false, true], // Friday
    ['2023-03-04', true, false], // Saturday
    ['2023-03-05', true, false], // Sunday
    ['2023-03-06', false, true], // Monday
    ['2022-09-19', false, false], // Monday, State Funeral bank holiday
    ['2022-12-25', true, false], // Christmas Day on a Sunday (substitute is 27th)
    ['2022-12-27', false, false], // Christmas substitute day
  ];
  for (const [date, weekend, working] of cases) {
    test(`${date}: weekend ${weekend}, working day ${working}`, () => {
      assert.equal(isWeekend(d(date)), weekend);
      assert.equal(isWorkingDay(d(date)), working);
    });
  }
});

describe('addWorkingDays: due on the Nth working day after D (D is day 0)', () => {
  test('Working Together to Safeguard Children 2023: strategy discussion Monday 12 September 2022 -> initial child protection conference within 15 working days is due Tuesday 4 October 2022 (19 September 2022 was a bank holiday)', () => {
    const due = addWorkingDays(d('2022-09-12'), 15);
    assert.equal(due, '2022-10-04');
    assert.equal(formatDayAndDate(due), 'Tuesday 4 October 2022');
  });

  const cases: [string, number, string, string][] = [
    // from, n, expected, why
    ['2023-03-06', 0, '2023-03-06', 'n = 0 returns D'],
    ['2023-03-06', 1, '2023-03-07', 'ordinary weekday'],
    ['2023-03-03', 1, '2023-03-06', 'Friday + 1 skips the weekend'],
    ['2023-03-03', 5, '2023-03-10', 'Friday + 5 is the next Friday'],
    ['2023-03-04', 0, '2023-03-04', 'Saturday + 0 stays on Saturday'],
    ['2023-03-04', 1, '2023-03-06', 'Saturday is day 0; Monday is day 1'],
    ['2023-03-05', 1, '2023-03-06', 'Sunday is day 0; Monday is day 1'],
    ['2023-03-04', 5, '2023-03-10', 'Saturday + 5'],
    ['2022-08-29', 0, '2022-08-29', 'bank holiday + 0 stays on the bank holiday'],
    ['2022-08-29', 1, '2022-08-30', 'bank holiday is day 0'],
    ['2022-09-16', 1, '2022-09-20', 'Friday + 1 skips the weekend and the State Funeral'],
    ['2022-12-23', 1, '2022-12-28', 'Christmas 2022: weekend then 26 and 27 December'],
    ['2022-12-23', 3, '2022-12-30', 'Christmas 2022'],
    ['2022-12-23', 4, '2023-01-03', 'year end: 2 January 2023 is the New Year substitute'],
    ['2021-12-24', 1, '2021-12-29', 'Christmas 2021: 27 and 28 December are substitutes'],
    ['2021-12-24', 3, '2021-12-31', 'Christmas 2021'],
    ['2021-12-24', 4, '2022-01-04', 'year end: 3 January 2022 is the New Year substitute'],
    ['2022-04-14', 1, '2022-04-19', 'Easter 2022: Good Friday and Easter Monday'],
    ['2022-04-15', 1, '2022-04-19', 'Good Friday is day 0'],
    ['2024-03-28', 1, '2024-04-02', 'Easter 2024 straddles March and April'],
    ['2024-03-28', 2, '2024-04-03', 'Easter 2024'],
    ['2023-05-05', 1, '2023-05-09', 'Coronation bank holiday 8 May 2023'],
    ['2023-04-28', 1, '2023-05-02', 'Early May bank holiday 2023'],
    ['2020-05-07', 1, '2020-05-11', 'VE day 8 May 2020'],
    ['2020-05-01', 1, '2020-05-04', '4 May 2020 was a working day (early May holiday moved)'],
    ['2023-01-03', 20, '2023-01-31', '20 working days with no bank holidays'],
    ['2022-05-27', 5, '2022-06-07', 'Platinum Jubilee: 2 and 3 June 2022'],
  ];
  for (const [from, n, expected, why] of cases) {
    test(`${from} + ${n} working days = ${expected} (${why})`, () => {
      assert.equal(addWorkingDays(d(from), n), expected);
    });
  }

  test('the due date is always a working day when n > 0', () => {
    for (let from = d('2022-01-01'); from <= '2023-12-31'; from = addDays(from, 1)) {
      for (const n of [1, 2, 5, 10, 15, 20]) {
        const due = addWorkingDays(from, n);
        if (!isWorkingDay(due)) assert.fail(`${from} + ${n} = ${due}, not a working day`);
      }
    }
  });

  test('rejects negative or fractional counts', () => {
    assert.throws(() => addWorkingDays(d('2022-09-12'), -1), RangeError);
    assert.throws(() => addWorkingDays(d('2022-09-12'), 1.5), RangeError);
  });
});

describe('workingDaysBetween: working days after `from` up to and including `to`', () => {
  const cases: [string, string, number][] = [
    ['2022-09-12', '2022-10-04', 15],
    ['2022-10-04', '2022-09-12', -15],
    ['2022-09-12', '2022-09-12', 0],
    ['2023-03-03', '2023-03-04', 0], // Friday -> Saturday
    ['2023-03-03', '2023-03-06', 1], // Friday -> Monday
    ['2023-03-04', '2023-03-06', 1], // Saturday -> Monday
    ['2023-03-06', '2023-03-03', -1],
    ['2022-12-23', '2023-01-03', 4],
    ['2022-01-01', '2022-12-31', 250], // 260 weekdays less 10 bank holidays
  ];
  for (const [from, to, expected] of cases) {
    test(`${from} -> ${to} = ${expected}`, () => assert.equal(workingDaysBetween(d(from), d(to)), expected));
  }

  test('zero across a weekend going backwards is 0, not -0', () => {
    assert.equal(workingDaysBetween(d('2023-03-05'), d('2023-03-04')), 0);
  });

  test('is the inverse of addWorkingDays for every start date in 2022-2023 and n = 0..25', () => {
    for (let from = d('2022-01-01'); from <= '2023-12-31'; from = addDays(from, 1)) {
      for (let n = 0; n <= 25; n++) {
        const got = workingDaysBetween(from, addWorkingDays(from, n));
        if (got !== n) assert.fail(`${from} + ${n}: workingDaysBetween gave ${got}`);
      }
    }
  });
});

describe('dates outside the bank-holiday calendar (1990-2040) throw', () => {
  const cases: [string, () => unknown][] = [
    ['isBankHoliday(1989-12-29)', () => isBankHoliday(d('1989-12-29'))],
    ['isBankHoliday(2041-01-01)', () => isBankHoliday(d('2041-01-01'))],
    ['isWorkingDay(2041-01-02)', () => isWorkingDay(d('2041-01-02'))],
    ['addWorkingDays(1989-12-29, 0)', () => addWorkingDays(d('1989-12-29'), 0)],
    ['addWorkingDays running into 2041', () => addWorkingDays(d('2040-12-28'), 5)],
    ['workingDaysBetween ending in 2041', () => workingDaysBetween(d('2040-12-01'), d('2041-01-10'))],
  ];
  for (const [name, fn] of cases) {
    test(name, () => assert.throws(fn, { name: 'RangeError', message: /1990-2040/ }));
  }
  test('the last covered days still work', () => {
    assert.equal(addWorkingDays(d('2040-12-21'), 3), '2040-12-28'); // Fri 21 -> Mon 24, Thu 27, Fri 28 (25, 26 bank holidays)
    assert.equal(isBankHoliday(d('2000-01-03')), true); // 1 January 2000 was a Saturday
  });
});

describe('the counted calendar agrees with a walk day by day', () => {
  // The reference: the definition itself, one day at a time (as these functions were first written).
  const walkAdd = (d: ReturnType<typeof parsePlainDate>, n: number) => {
    let date = d;
    for (let counted = 0; counted < n; ) {
      date = addDays(date, 1);
      if (isWorkingDay(date)) counted++;
    }
    return date;
  };
  test('addWorkingDays and workingDaysBetween for every start day of 2023-2026 and 0-70 working days', () => {
    for (let start = parsePlainDate('2023-01-01'); start <= '2026-12-31'; start = addDays(start, 1)) {
      for (const n of [0, 1, 2, 5, 10, 15, 20, 45, 70]) {
        const expected = walkAdd(start, n);
        assert.equal(addWorkingDays(start, n), expected, `${start} + ${n}`);
        assert.equal(workingDaysBetween(start, expected), n, `${start} to ${expected}`);
        assert.equal(workingDaysBetween(expected, start), n === 0 ? 0 : -n);
      }
    }
  });
  test('beyond the calendar is refused, not guessed', () => {
    assert.throws(() => addWorkingDays(parsePlainDate('2040-12-20'), 30), RangeError);
    assert.throws(() => workingDaysBetween(parsePlainDate('1989-12-29'), parsePlainDate('1990-01-02')), RangeError);
  });
});
