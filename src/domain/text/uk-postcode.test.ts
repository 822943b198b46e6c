import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalisePostcode } from './uk-postcode.js';

// Source: the Royal Mail postcode format (outward code A9, A99, AA9, AA99, A9A, AA9A; inward code 9AA).
test('well-formed UK postcodes are stored in capitals without the space', () => {
  assert.deepEqual(['sw1a 2aa', 'M1 1AE', 'b33 8th', 'CR2 6XH', 'DN55 1PT', 'W1A 0AX', 'ec1a1bb', '  EH1  1YZ '].map(normalisePostcode), ['SW1A2AA', 'M11AE', 'B338TH', 'CR26XH', 'DN551PT', 'W1A0AX', 'EC1A1BB', 'EH11YZ']);
});

test('malformed postcodes are refused', () => {
  assert.deepEqual(['', 'SW1A', '12345', 'SW1A 2A', 'QA1 1AA', 'SW1A 2CI', 'SW1A 2AAA', 'not a postcode'].map(normalisePostcode), [null, null, null, null, null, null, null, null]);
});
