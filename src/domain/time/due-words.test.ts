import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDueDate, describeDueInstant, type DueStatus } from './due-words.js';
import { parsePlainDate } from './plain-date.js';

const d = parsePlainDate;

describe('describeDueDate (working days, the default)', () => {
  const cases: [string, string, string, DueStatus][] = [
    // due on, today, words, status
    ['2023-03-06', '2023-03-06', 'due today', 'due-today'],
    ['2023-03-07', '2023-03-06', 'due tomorrow', 'due-soon'],
    ['2023-03-05', '2023-03-04', 'due tomorrow', 'due-soon'], // Sunday, from Saturday
    ['2023-03-09', '2023-03-06', 'due in 3 working days', 'due-soon'],
    ['2023-03-13', '2023-03-06', 'due in 5 working days', 'due-soon'],
    ['2023-03-14', '2023-03-06', 'due in 6 working days', 'later'],
    ['2023-03-06', '2023-03-03', 'due in 1 working day', 'due-soon'], // Friday -> Monday
    ['2022-12-28', '2022-12-22', 'due in 2 working days', 'due-soon'], // 26 and 27 Dec bank holidays
    ['2023-03-05', '2023-03-03', 'due in 2 days', 'due-soon'], // due Sunday, no working day in between
    ['2023-03-03', '2023-03-06', 'overdue by 1 working day', 'overdue'],
    ['2023-03-05', '2023-03-06', 'overdue by 1 working day', 'overdue'],
    ['2023-02-28', '2023-03-06', 'overdue by 4 working days', 'overdue'],
    ['2022-09-16', '2022-09-20', 'overdue by 1 working day', 'overdue'], // 19 Sep 2022 bank holiday
    ['2023-03-03', '2023-03-04', 'overdue by 1 day', 'overdue'], // Saturday after a Friday due date
    ['2023-03-03', '2023-03-05', 'overdue by 2 days', 'overdue'],
  ];
  for (const [dueOn, today, words, status] of cases) {
    test(`due ${dueOn}, today ${today}: "${words}" (${status})`, () => {
      assert.deepEqual(describeDueDate(d(dueOn), d(today)), { words, status });
      assert.deepEqual(describeDueDate(d(dueOn), d(today), { unit: 'working' }), { words, status });
    });
  }
});

describe('describeDueDate (calendar days)', () => {
  const cases: [string, string, string, DueStatus][] = [
    ['2023-03-06', '2023-03-06', 'due today', 'due-today'],
    ['2023-03-07', '2023-03-06', 'due tomorrow', 'due-soon'],
    ['2023-03-09', '2023-03-06', 'due in 3 days', 'due-soon'],
    ['2023-03-13', '2023-03-06', 'due in 7 days', 'due-soon'], // 5 working days away
    ['2023-03-20', '2023-03-06', 'due in 14 days', 'later'],
    ['2023-03-05', '2023-03-06', 'overdue by 1 day', 'overdue'],
    ['2023-02-28', '2023-03-06', 'overdue by 6 days', 'overdue'],
  ];
  for (const [dueOn, today, words, status] of cases) {
    test(`due ${dueOn}, today ${today}: "${words}" (${status})`, () => {
      assert.deepEqual(describeDueDate(d(dueOn), d(today), { unit: 'calendar' }), { words, status });
    });
  }
});

describe('describeDueInstant', () => {
  const now = new Date('2026-03-28T12:00:00Z');
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  const cases: [number, string, DueStatus][] = [
    // due minus now (ms), words, status
    [45 * MIN, 'due in 45 minutes', 'due-soon'],
    [1 * MIN, 'due in 1 minute', 'due-soon'],
    [30_000, 'due in less than a minute', 'due-soon'],
    [0, 'due in less than a minute', 'due-soon'],
    [1 * HOUR, 'due in 1 hour', 'due-soon'],
    [3 * HOUR, 'due in 3 hours', 'due-soon'],
    [3 * HOUR + 59 * MIN, 'due in 3 hours', 'due-soon'], // rounded down
    [24 * HOUR, 'due in 24 hours', 'due-soon'],
    [24 * HOUR + MIN, 'due in 24 hours', 'later'],
    [47 * HOUR + 59 * MIN, 'due in 47 hours', 'later'],
    [48 * HOUR, 'due in 2 days', 'later'],
    [72 * HOUR, 'due in 3 days', 'later'],
    [-1, 'overdue by less than a minute', 'overdue'],
    [-25 * MIN, 'overdue by 25 minutes', 'overdue'],
    [-1 * HOUR, 'overdue by 1 hour', 'overdue'],
    [-3 * HOUR, 'overdue by 3 hours', 'overdue'],
    [-47 * HOUR, 'overdue by 47 hours', 'overdue'],
    [-48 * HOUR, 'overdue by 2 days', 'overdue'],
    [-50 * HOUR, 'overdue by 2 days', 'overdue'],
    [-24 * 24 * HOUR, 'overdue by 24 days', 'overdue'],
  ];
  for (const [offset, words, status] of cases) {
    test(`now ${offset >= 0 ? '+' : ''}${offset} ms: "${words}" (${status})`, () => {
      assert.deepEqual(describeDueInstant(new Date(now.getTime() + offset), now), { words, status });
    });
  }
  test('rejects an invalid Date', () => {
    assert.throws(() => describeDueInstant(new Date(Number.NaN), now), RangeError);
  });
});
