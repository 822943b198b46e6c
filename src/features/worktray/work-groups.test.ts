import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePlainDate } from '../../domain/time/index.js';
import { type WorkGroupKey, byUrgency, groupBounds, groupOf, groupWork } from './work-groups.js';

const d = parsePlainDate;

describe('worktray sections', () => {
  // [today, due, section]: "this week" runs to the Sunday; "coming up" to four weeks from today.
  const CASES: [string, string, WorkGroupKey][] = [
    ['2026-11-23', '2026-11-20', 'overdue'], // Monday; due the Friday before
    ['2026-11-23', '2026-11-22', 'overdue'],
    ['2026-11-23', '2026-11-23', 'today'],
    ['2026-11-23', '2026-11-24', 'this-week'],
    ['2026-11-23', '2026-11-29', 'this-week'], // Sunday ends the week
    ['2026-11-23', '2026-11-30', 'coming-up'],
    ['2026-11-23', '2026-12-21', 'coming-up'], // 28 days on: the last day shown as coming up
    ['2026-11-23', '2026-12-22', 'later'],
    ['2026-11-27', '2026-11-28', 'this-week'], // Friday: the weekend is still this week
    ['2026-11-27', '2026-11-30', 'coming-up'], // ...and Monday is next week
    ['2026-11-29', '2026-11-29', 'today'], // Sunday: nothing else is left of this week
    ['2026-11-29', '2026-11-30', 'coming-up'],
    ['2026-12-31', '2027-01-03', 'this-week'], // across the year end
  ];
  for (const [today, due, expected] of CASES) {
    test(`on ${today}, due ${due}: ${expected}`, () => assert.equal(groupOf(d(due), groupBounds(d(today))), expected));
  }

  test('every section is returned in order, even when empty, each most urgent first (date, then child, then what)', () => {
    const item = (dueOn: string, childName: string, label: string) => ({ dueOn: d(dueOn), childName, label });
    const groups = groupWork(
      [item('2026-12-01', 'Zoe', 'Visit'), item('2026-11-20', 'Bea', 'Visit'), item('2026-11-19', 'Zoe', 'Core group'), item('2026-11-20', 'Amy', 'Write up'), item('2026-11-20', 'Amy', 'Case supervision')],
      d('2026-11-23'),
    );
    assert.deepEqual(groups.map((g) => [g.key, g.items.map((i) => `${i.dueOn} ${i.childName} ${i.label}`)]), [
      ['overdue', ['2026-11-19 Zoe Core group', '2026-11-20 Amy Case supervision', '2026-11-20 Amy Write up', '2026-11-20 Bea Visit']],
      ['today', []],
      ['this-week', []],
      ['coming-up', ['2026-12-01 Zoe Visit']],
      ['later', []],
    ]);
    assert.deepEqual(groups.map((g) => g.heading), ['Overdue', 'Due today', 'Due this week', 'Coming up in the next 4 weeks', 'Later']);
    assert.equal(groups[2]!.hint, 'From tomorrow to Sunday 29 November 2026');
  });

  test('byUrgency orders by due date first', () => {
    const a = { dueOn: d('2026-11-01'), childName: 'Zed', label: 'Z' };
    const b = { dueOn: d('2026-11-02'), childName: 'Abe', label: 'A' };
    assert.ok(byUrgency(a, b) < 0);
  });
});
