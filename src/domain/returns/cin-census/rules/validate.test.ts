/**
 * Running every rule on a return: a clean return finds nothing, findings are grouped by rule and
 * by child, a rule runs only in the years its version applies, and the rules see the census as
 * the DfE does (censusAsReturned).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { censusAsReturned } from './as-returned.js';
import { validateCinCensus } from './validate.js';
import { CTX, cleanChild, cleanEpisode, cleanReturn, d, ruleOf } from '../../../../../test/support/census-rules.js';
import { CENSUS_CHILDREN, YEAR_2025_26 } from '../../../../../test/support/census-children.js';

describe('validating a CIN census', () => {
  test('the clean return breaks no rule', () => {
    const { findings, byRule, byChild } = validateCinCensus(cleanReturn(), CTX);
    assert.deepEqual(findings, []);
    assert.deepEqual(byRule, []);
    assert.equal(byChild.size, 0);
  });

  test('findings by rule (code order, with counts) and by child', () => {
    const children = [...cleanReturn(), cleanChild('C4', { upn: 'A123456789012', sex: '1', ethnicity: 'XXXX' })];
    const { findings, byRule, byChild } = validateCinCensus(children, CTX);
    assert.deepEqual(
      byRule.map((r) => [r.code, r.type, r.count]),
      [['1520', 'error', 2], ['4180', 'error', 1], ['4220', 'error', 1]],
    );
    assert.equal(findings.length, 4);
    assert.deepEqual(byChild.get('C4')?.map((f) => f.code), ['1520', '4180', '4220']);
    assert.deepEqual(byChild.get('C1')?.map((f) => f.code), ['1520']);
    assert.equal(byChild.has('C2'), false);
  });

  test('a rule runs only in the collection years of its version: 4180 (sex M/F/U) is from 2024-25', () => {
    const rule = ruleOf('4180');
    const bad = [cleanChild('BAD', { sex: '1' })];
    assert.equal(validateCinCensus(bad, CTX, [rule]).findings.length, 1);
    const y2023 = { ...CTX, year: { start: d('2023-04-01'), referenceDate: d('2024-03-31') } };
    assert.equal(validateCinCensus(bad, y2023, [rule]).findings.length, 0);
  });

  test('the rules see the census as returned: children of the year, as at 31 March, UPNunknown dropped beside a UPN', () => {
    const returned = censusAsReturned(CENSUS_CHILDREN, YEAR_2025_26);
    assert.deepEqual(returned.map((c) => c.laChildId), ['CHILD1', 'CHILD2']);
    assert.equal(returned[0]!.upnUnknown, null);
    assert.equal(returned[0]!.episodes.find((e) => e.id === 'now')?.cpPlans[0]?.endDate, null, 'a plan ending on 20 April 2026 is open on 31 March');
    assert.equal(returned[1]!.upnUnknown, 'UN7');
  });

  test('an enquiry begun in March 2025 whose conference and plan came in April is returned with its conference: no 2883 or 2885', () => {
    const march = cleanChild('C1', {
      episodes: [{ ...cleanEpisode(), referralDate: d('2025-03-10'), assessments: [{ startDate: d('2025-03-11'), authorisedDate: d('2025-04-20'), factors: ['3B'] }], s47s: [{ id: 's1', startDate: d('2025-03-20'), icpcRequired: true }], icpcs: [{ s47Id: 's1', date: d('2025-04-03'), targetDate: null }], cpPlans: [{ ...cleanEpisode().cpPlans[0]!, startDate: d('2025-04-03'), reviews: [] }] }],
    });
    const returned = censusAsReturned([march], YEAR_2025_26);
    assert.deepEqual(returned[0]!.episodes[0]!.s47s.map((s) => s.startDate), ['2025-03-20']);
    assert.deepEqual(returned[0]!.episodes[0]!.icpcs.map((i) => i.date), ['2025-04-03']);
    assert.deepEqual(validateCinCensus(returned, CTX, [ruleOf('2883'), ruleOf('2885')]).findings, []);
  });
});
