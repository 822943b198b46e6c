/**
 * The UPN check letter (DfE UPN guidance: characters 2-13 weighted 2 to 13, sum mod 23, table
 * A-Z without I, O and S), against sums worked by hand.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { upnCheckLetter } from './upn.js';

describe('the UPN check letter', () => {
  test('123456789012: 1x2 + 2x3 + 3x4 + 4x5 + 5x6 + 6x7 + 7x8 + 8x9 + 9x10 + 0x11 + 1x12 + 2x13 = 368 = 16 x 23: remainder 0, A', () => {
    assert.equal(upnCheckLetter('?123456789012'), 'A');
  });
  test('123456789013: 381, remainder 13: P (the 14th letter without I and O)', () => assert.equal(upnCheckLetter('?123456789013'), 'P'));
  test('a temporary UPN, 12345678901A: A counts 0 at 13: 342, remainder 20: X', () => assert.equal(upnCheckLetter('?12345678901A'), 'X'));
  test('characters 2-12 not digits: no letter', () => {
    assert.equal(upnCheckLetter('?1234567X9012'), null);
    assert.equal(upnCheckLetter('?12345678901I'), null);
    assert.equal(upnCheckLetter('?12345'), null);
  });
});
