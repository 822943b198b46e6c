/**
 * The generated authority's volumes fall within the stated tolerances of expectedVolumes
 * (domain.md §7.2, calibrated to a Lewisham-sized borough), at a scale where they mean something.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePlainDate } from '../domain/time/index.js';
import { generateAuthority } from './generate.js';
import { Measurer, expectedVolumes, outsideTolerance } from './measure.js';

describe('volumes (scale 0.25, 3 years)', () => {
  const today = parsePlainDate('2026-11-20');
  const scale = 0.25;
  const years = 3;
  const m = new Measurer(today, years);
  for (const b of generateAuthority({ scale, years, seed: 20261120, today })) m.add(b);
  const measures = m.result();
  const expected = expectedVolumes(scale, years);

  for (const [name, e] of Object.entries(expected)) {
    it(`${name} is ${e.target.toFixed(3)} ± ${e.tolerance.toFixed(3)}`, () => {
      const value = (measures as unknown as Record<string, number>)[name]!;
      assert.ok(Math.abs(value - e.target) <= e.tolerance, `${name} = ${value.toFixed(3)}`);
    });
  }

  it('nothing is outside tolerance', () => {
    assert.deepEqual(outsideTolerance(measures, expected), []);
  });
});

describe('expectedVolumes', () => {
  it('scales counts and keeps shares', () => {
    const one = expectedVolumes(1, 5);
    const ten = expectedVolumes(10, 5);
    assert.equal(ten['contactsPerYear']!.target, 10 * one['contactsPerYear']!.target);
    assert.equal(ten['fosterShare']!.target, one['fosterShare']!.target);
    assert.ok(ten['lookedAfterAtToday']!.tolerance / ten['lookedAfterAtToday']!.target <= one['lookedAfterAtToday']!.tolerance / one['lookedAfterAtToday']!.target);
  });
});
