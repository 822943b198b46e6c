import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SCHOOL_TERMS, formatTerms, parseTerms } from './school-terms.js';

test('school terms: the defaults read back as typed, in date order', () => {
  assert.deepEqual(parseTerms(formatTerms(DEFAULT_SCHOOL_TERMS)), { terms: [...DEFAULT_SCHOOL_TERMS], errors: [] });
  assert.equal(formatTerms(DEFAULT_SCHOOL_TERMS).split('\n')[0], 'Autumn term 2025: 2025-09-03 to 2025-12-19');
});

test('school terms: every problem is named by its line', () => {
  assert.deepEqual(parseTerms('Autumn: 2026-09-02 to 2026-12-18\nSpring 2027-01-05 to 2027-03-25\nSummer: 2027-02-30 to 2027-07-21\nOdd: 2027-08-01 to 2027-07-01').errors, [
    'Line 2 must be a term’s name, a colon, then its first and last days, like “Autumn term 2026: 2026-09-02 to 2026-12-18”',
    'Line 3 has a date that does not exist',
    'Line 4: the term must end on or after the day it starts',
  ]);
  assert.deepEqual(parseTerms('A: 2026-09-02 to 2026-12-18\nB: 2026-12-01 to 2027-03-25').errors, ['B starts before A ends']);
  assert.deepEqual(parseTerms('  \n').errors, ['Enter at least one school term']);
});
