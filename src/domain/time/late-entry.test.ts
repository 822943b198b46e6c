import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lateEntryWords } from './late-entry.js';

test('a late entry in words: the London day it was keyed, counted in calendar days from when it happened', () => {
  const cases: [string, Date | null, string | null][] = [
    // Friday 11 December 2026, keyed on Monday 14 December.
    ['2026-12-11', new Date('2026-12-14T09:30:00Z'), '3 days later, on Monday 14 December 2026'],
    ['2026-12-11', new Date('2026-12-12T10:00:00Z'), '1 day later, on Saturday 12 December 2026'],
    ['2026-12-11', new Date('2026-12-11T22:00:00Z'), null], // the same London day
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    ['2026-06-30', new Date('2026-06-30T23:30:00Z'), '1 day later, on Wednesday 1 July 2026'],
    ['2026-12-11', null, null],
  ];
  for (const [on, keyed, words] of cases) assert.equal(lateEntryWords(on as never, keyed), words, `${on} keyed ${keyed?.toISOString()}`);
});
