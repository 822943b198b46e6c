import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePlainDate } from '../../domain/time/index.js';
import { type Outcome, countOutcomes, formatShare, outcomeOf, periodOf, shareOnTime } from './compliance.js';

const d = parsePlainDate;
const maybe = (s: string | null) => (s === null ? null : d(s));
const TODAY = d('2026-11-23');

describe('how an item due in the period counts', () => {
  const CASES: [due: string, met: string | null, lapsed: string | null, outcome: Outcome][] = [
    ['2026-10-05', '2026-10-05', null, 'on-time'], // done on the due date
    ['2026-10-12', '2026-10-10', null, 'on-time'], // done early
    ['2026-10-19', '2026-10-21', null, 'late'],
    ['2026-10-19', '2026-12-01', null, 'late'], // done after the period: still late, not missed
    ['2026-10-26', null, '2026-10-27', 'missed'], // the plan ended first
    ['2026-10-26', null, '2026-10-20', 'missed'],
    ['2026-10-30', null, null, 'missed'], // open and past due
    ['2026-11-22', null, null, 'missed'], // due yesterday
    ['2026-11-23', null, null, 'not-yet-due'], // due today: still time
    ['2026-11-30', null, null, 'not-yet-due'],
  ];
  for (const [due, met, lapsed, outcome] of CASES) {
    test(`due ${due}, met ${met ?? '-'}, lapsed ${lapsed ?? '-'}: ${outcome}`, () => {
      assert.equal(outcomeOf({ dueOn: d(due), metOn: maybe(met), lapsedOn: maybe(lapsed) }, TODAY), outcome);
    });
  }

  test('the share done on time leaves out items not yet due, and rounds down', () => {
    const counts = countOutcomes(CASES.map(([due, met, lapsed]) => ({ dueOn: d(due), metOn: maybe(met), lapsedOn: maybe(lapsed) })), TODAY);
    assert.deepEqual(counts, { onTime: 2, late: 2, missed: 4, notYetDue: 2 });
    assert.equal(shareOnTime(counts), 2 / 8);
    assert.equal(formatShare(shareOnTime(counts)), '25%');
    assert.equal(formatShare(2 / 3), '66%');
    assert.equal(formatShare(0.996), '99%', 'never 100% unless all');
    assert.equal(formatShare(1), '100%');
    assert.equal(formatShare(0.29), '29%', 'no floating-point slip (0.29 * 100 = 28.999...)');
    assert.equal(shareOnTime({ onTime: 0, late: 0, missed: 0, notYetDue: 3 }), null);
    assert.equal(formatShare(null), 'No items');
  });
});

describe('periods', () => {
  const CASES: [choice: 'this-month' | 'last-month' | 'last-3-months', today: string, from: string, to: string][] = [
    ['this-month', '2026-11-23', '2026-11-01', '2026-11-30'],
    ['last-month', '2026-11-23', '2026-10-01', '2026-10-31'],
    ['last-3-months', '2026-11-23', '2026-08-01', '2026-10-31'],
    ['last-month', '2026-01-15', '2025-12-01', '2025-12-31'],
    ['last-3-months', '2026-02-28', '2025-11-01', '2026-01-31'],
    ['this-month', '2028-02-10', '2028-02-01', '2028-02-29'],
    ['last-month', '2026-03-31', '2026-02-01', '2026-02-28'],
  ];
  for (const [choice, today, from, to] of CASES) {
    test(`${choice} on ${today}: ${from} to ${to}`, () => {
      const p = periodOf(choice, d(today));
      assert.deepEqual([p.from, p.to], [from, to]);
    });
  }
  test('a custom period keeps its dates and says them in words', () => {
    const p = periodOf('custom', TODAY, { from: d('2026-10-01'), to: d('2026-10-15') });
    assert.deepEqual([p.choice, p.from, p.to, p.text], ['custom', '2026-10-01', '2026-10-15', '1 October 2026 to 15 October 2026']);
  });
});
