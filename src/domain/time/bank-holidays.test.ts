/**
 * Checks the committed bank-holiday file (generated from date-holidays) against the
 * 2022 list, the one-off proclamations and an independent calculation of the rules.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import data from './bank-holidays-england-and-wales.json' with { type: 'json' };
import { addDays, dayOfWeek, daysInMonth, parsePlainDate, plainDateFromParts, type PlainDate } from './plain-date.js';
import { bankHolidayName, isBankHoliday } from './working-days.js';

const d = parsePlainDate;
const FILE_DATES = Object.keys(data.dates).sort();

function ymd(year: number, month: number, day: number): PlainDate {
  const date = plainDateFromParts(year, month, day);
  if (date === null) throw new Error(`bad test date ${year}-${month}-${day}`);
  return date;
}

/** Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): PlainDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const dd = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - dd - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

function firstMonday(year: number, month: number): PlainDate {
  let date = ymd(year, month, 1);
  while (dayOfWeek(date) !== 1) date = addDays(date, 1);
  return date;
}

function lastMonday(year: number, month: number): PlainDate {
  let date = ymd(year, month, daysInMonth(year, month));
  while (dayOfWeek(date) !== 1) date = addDays(date, -1);
  return date;
}

/** The weekday bank holidays of one year, worked out from the rules and proclamations. */
function expectedBankHolidays(year: number): PlainDate[] {
  const out: PlainDate[] = [];

  // New Year's Day, or the next Monday when it falls at a weekend.
  const newYear = ymd(year, 1, 1);
  out.push(dayOfWeek(newYear) === 6 ? addDays(newYear, 2) : dayOfWeek(newYear) === 7 ? addDays(newYear, 1) : newYear);

  const easter = easterSunday(year);
  out.push(addDays(easter, -2), addDays(easter, 1)); // Good Friday, Easter Monday

  // Early May: first Monday, except when moved to VE Day: Monday 8 May 1995 (50th), Friday 8 May 2020 (75th).
  out.push(year === 2020 ? ymd(2020, 5, 8) : year === 1995 ? ymd(1995, 5, 8) : firstMonday(year, 5));

  // Spring: last Monday of May, except jubilee years when it moved to early June
  // (2012: 4 June; 2022: Thursday 2 June, with Friday 3 June added).
  const springMoved: Record<number, PlainDate> = { 2002: ymd(2002, 6, 4), 2012: ymd(2012, 6, 4), 2022: ymd(2022, 6, 2) };
  out.push(springMoved[year] ?? lastMonday(year, 5));

  out.push(lastMonday(year, 8)); // Summer

  // Christmas Day and Boxing Day; a day falling at a weekend is replaced by the next free weekday.
  const christmas = ymd(year, 12, 25);
  switch (dayOfWeek(christmas)) {
    case 5: // Fri: Boxing Day Sat -> Mon 28
      out.push(christmas, ymd(year, 12, 28));
      break;
    case 6: // Sat: Mon 27 and Tue 28
      out.push(ymd(year, 12, 27), ymd(year, 12, 28));
      break;
    case 7: // Sun: Boxing Day Mon 26, Christmas substitute Tue 27
      out.push(ymd(year, 12, 26), ymd(year, 12, 27));
      break;
    default:
      out.push(christmas, ymd(year, 12, 26));
  }

  // One-off proclamations.
  const oneOffs: Record<number, PlainDate[]> = {
    1999: [ymd(1999, 12, 31)], // Millennium
    2002: [ymd(2002, 6, 3)], // Golden Jubilee
    2011: [ymd(2011, 4, 29)], // Royal wedding
    2012: [ymd(2012, 6, 5)], // Diamond Jubilee
    2022: [ymd(2022, 6, 3), ymd(2022, 9, 19)], // Platinum Jubilee; State Funeral of Queen Elizabeth II
    2023: [ymd(2023, 5, 8)], // Coronation of King Charles III
  };
  out.push(...(oneOffs[year] ?? []));

  return out.sort();
}

describe('bank holidays: 2022 exactly', () => {
  const expected2022 = [
    '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02',
    '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27',
  ];
  test('the data file lists exactly these ten 2022 dates', () => {
    assert.deepEqual(FILE_DATES.filter((x) => x.startsWith('2022-')), expected2022);
  });
  test('isBankHoliday is true on exactly these days of 2022', () => {
    const found: string[] = [];
    for (let date = d('2022-01-01'); date <= '2022-12-31'; date = addDays(date, 1)) {
      if (isBankHoliday(date)) found.push(date);
    }
    assert.deepEqual(found, expected2022);
  });
});

describe('bank holidays: one-offs and moved days', () => {
  const present: [string, RegExp][] = [
    ['2022-06-02', /spring/i],
    ['2022-06-03', /jubilee/i],
    ['2022-09-19', /funeral/i],
    ['2023-05-08', /coronation/i],
    ['2020-05-08', /early may/i],
  ];
  for (const [date, name] of present) {
    test(`${date} is a bank holiday (${name.source})`, () => {
      assert.equal(isBankHoliday(d(date)), true);
      assert.match(bankHolidayName(d(date)) ?? '', name);
    });
  }
  for (const date of ['2020-05-04', '2022-05-30', '2023-05-02', '2022-09-20']) {
    test(`${date} is not a bank holiday`, () => {
      assert.equal(isBankHoliday(d(date)), false);
      assert.equal(bankHolidayName(d(date)), undefined);
    });
  }
});

describe('bank holidays: independent rules check 1990-2040', () => {
  test('Easter algorithm matches known Easter Sundays', () => {
    assert.equal(easterSunday(2019), '2019-04-21');
    assert.equal(easterSunday(2022), '2022-04-17');
    assert.equal(easterSunday(2024), '2024-03-31');
    assert.equal(easterSunday(2025), '2025-04-20');
    assert.equal(easterSunday(2038), '2038-04-25');
  });
  test('helpers find first and last Mondays', () => {
    assert.equal(firstMonday(2022, 5), '2022-05-02');
    assert.equal(lastMonday(2022, 8), '2022-08-29');
    assert.equal(lastMonday(2021, 5), '2021-05-31');
  });

  for (let year = 1990; year <= 2040; year++) {
    test(`${year}: data file equals the rules`, () => {
      const expected = expectedBankHolidays(year);
      assert.ok(expected.every((date) => dayOfWeek(date) <= 5), 'rules give weekdays only');
      assert.deepEqual(FILE_DATES.filter((x) => x.startsWith(`${year}-`)), expected);
    });
  }

  test('the file holds nothing outside 1990-2040 and records its range and source', () => {
    assert.equal(FILE_DATES.length, 415);
    assert.equal(FILE_DATES[0]?.slice(0, 4), '1990');
    assert.equal(FILE_DATES.at(-1)?.slice(0, 4), '2040');
    assert.equal(data.firstYear, 1990);
    assert.equal(data.lastYear, 2040);
    assert.match(data.source, /date-holidays/);
  });
});
