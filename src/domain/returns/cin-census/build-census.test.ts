/**
 * The CIN census for 2025-26 from a hand-built record: who is in it, what of each episode it keeps
 * as at 31 March 2026, the element order the DfE schema requires (checked by the schema itself in
 * src/features/returns/cin-census.int.test.ts), and the derived items (ICPC target, previous plans).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildCinCensus } from './build-census.js';
import { CENSUS_CHILDREN, YEAR_2025_26 } from '../../../../test/support/census-children.js';

const header = { year: YEAR_2025_26, lea: '209', madeAt: new Date('2026-05-01T09:30:00Z'), softwareCode: 'Hearth', release: 'test' };

/** The text of each element with this name, in document order. */
const all = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

describe('the CIN census for 2025-26', () => {
  const { xml, childCount } = buildCinCensus(CENSUS_CHILDREN, header);

  test('children in need at any point in the year are in it; a case closed on 31 March 2025 and a referral on 1 April 2026 are not', () => {
    assert.equal(childCount, 2);
    assert.deepEqual(all(xml, 'LAchildID'), ['CHILD1', 'CHILD2']);
  });

  test('the header: CIN, the year, 31 March, the authority’s code', () => {
    assert.deepEqual([all(xml, 'Collection'), all(xml, 'Year'), all(xml, 'ReferenceDate'), all(xml, 'LEA')], [['CIN'], ['2026'], ['2026-03-31'], ['209']]);
  });

  test('only episodes touching the year: CHILD1’s closed 2021 episode is not returned, though its plan counts as a previous plan', () => {
    assert.deepEqual(all(xml, 'CINreferralDate'), ['2025-03-10', '2025-11-03']);
    assert.deepEqual(all(xml, 'NumberOfPreviousCPP'), ['1']);
  });

  test('as at 31 March: a plan ended on 20 April 2026 has no end date yet, and the review of 2 April is not returned; reviews in date order', () => {
    assert.deepEqual(all(xml, 'CPPendDate'), []);
    assert.deepEqual(all(xml, 'CPPreviewDate'), ['2026-03-30']);
  });

  test('the enquiry with its conference and a target 15 working days from its start, across Christmas 2025 (Working Together 2023)', () => {
    // From Monday 15 December 2025: 16-19 (4), 22-24 (7), 29-31 (10), 2 January (11), 5-8 January (15). Bank holidays: 25, 26 December, 1 January.
    assert.deepEqual(all(xml, 'InitialCPCtarget'), ['2026-01-08']);
    assert.match(xml, /<S47ActualStartDate>2025-12-15<\/S47ActualStartDate>\s*<InitialCPCtarget>2026-01-08<\/InitialCPCtarget>\s*<DateOfInitialCPC>2026-01-09<\/DateOfInitialCPC>\s*<ICPCnotRequired>false<\/ICPCnotRequired>/);
  });

  test('identifiers: a UPN when known (no reason then), the reason when not; GenderCurrent from sex; disabilities as recorded', () => {
    assert.deepEqual(all(xml, 'UPN'), ['A123456789012']);
    assert.deepEqual(all(xml, 'UPNunknown'), ['UN7']);
    assert.deepEqual(all(xml, 'GenderCurrent'), ['2', '1']);
    assert.deepEqual(all(xml, 'Disability'), ['AUT', 'COMM']);
  });

  test('a referral with no further action says so; factors are returned with the authorised assessment', () => {
    assert.deepEqual(all(xml, 'ReferralNFA'), ['false', 'true']);
    assert.deepEqual(all(xml, 'AssessmentFactors'), ['3B', '4B']);
    assert.deepEqual(all(xml, 'ReasonForClosure'), ['RC8']);
  });
});
