import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as codes from './index.js';
import {
  adopterLegalStatuses,
  adopterSexes,
  adoptionDecisionReversedReasons,
  assessmentFactors,
  careLeaverAccommodation,
  careLeaverActivities,
  careLeaverInTouch,
  categoriesOfAbuse,
  categoriesOfNeed,
  cinUpnUnknownReasons,
  codeList,
  codesValidIn,
  disabilities,
  ethnicities,
  isCodeValidIn,
  isCollectionYear,
  isTemporaryPlacementType,
  legalStatuses,
  missingTypes,
  permanencePlans,
  placementProviders,
  placementTypes,
  previousPermanenceOptions,
  reasonsEpisodeCeased,
  reasonsForNewEpisode,
  reasonsForPlacementChange,
  reviewParticipation,
  sdqReasons,
  socialWorkerChangeReasons,
  ssda903UpnUnknownReasons,
  type CodeList,
} from './index.js';

function isCodeList(v: unknown): v is CodeList {
  return typeof v === 'object' && v !== null && Array.isArray((v as CodeList).codes) && typeof (v as CodeList).has === 'function';
}

const allLists = Object.entries(codes).filter((entry): entry is [string, CodeList] => isCodeList(entry[1]));

const codesOf = (list: CodeList) => list.codes.map((c) => c.code);

describe('every code list', () => {
  test('the barrel exports every list (the 3 CIN front-door lists and the 25 added for SSDA903/CIN/SSD)', () => {
    assert.ok(allLists.length >= 28, `found ${allLists.length}`);
  });

  for (const [exportName, list] of allLists) {
    test(`${exportName}: named, sourced, codes unique, labels non-empty, valid years well formed`, () => {
      assert.ok(list.name.trim().length > 0);
      assert.ok(list.source.trim().length > 0);
      assert.ok(list.codes.length > 0);
      const seen = new Set<string>();
      for (const c of list.codes) {
        assert.ok(c.code.length > 0, `${exportName}: empty code`);
        assert.ok(!seen.has(c.code), `${exportName}: duplicate code ${c.code}`);
        seen.add(c.code);
        assert.ok(c.label.trim().length > 0, `${exportName}: ${c.code} has no label`);
        assert.equal(list.has(c.code), true);
        assert.equal(list.label(c.code), c.label);
        if (c.validFrom !== undefined) assert.ok(isCollectionYear(c.validFrom), `${exportName}: ${c.code} validFrom ${c.validFrom}`);
        if (c.validTo !== undefined) assert.ok(isCollectionYear(c.validTo), `${exportName}: ${c.code} validTo ${c.validTo}`);
        if (c.validFrom !== undefined && c.validTo !== undefined) assert.ok(c.validFrom <= c.validTo);
      }
    });
  }
});

describe('collection years', () => {
  test('isCollectionYear accepts YYYY-YY with consecutive years only', () => {
    for (const y of ['2022-23', '2024-25', '1999-00', '2099-00']) assert.equal(isCollectionYear(y), true, y);
    for (const y of ['2024-2025', '2024-26', '2024/25', '24-25', '', '2024-24']) assert.equal(isCollectionYear(y), false, y);
  });

  test('codesValidIn / isCodeValidIn reject a malformed year', () => {
    assert.throws(() => codesValidIn(placementTypes, '2024-2025'), RangeError);
    assert.throws(() => isCodeValidIn(placementTypes, 'K3', '2024'), RangeError);
  });

  test('a code with no validFrom/validTo is valid in every year; an unknown code in none', () => {
    const list = codeList('Test', 'test', [
      { code: 'A', label: 'Always' },
      { code: 'B', label: 'From 2024-25', validFrom: '2024-25' },
      { code: 'C', label: 'To 2023-24', validTo: '2023-24' },
    ]);
    assert.deepEqual(codesValidIn(list, '2023-24').map((c) => c.code), ['A', 'C']);
    assert.deepEqual(codesValidIn(list, '2024-25').map((c) => c.code), ['A', 'B']);
    assert.equal(isCodeValidIn(list, 'Z', '2024-25'), false);
  });
});

describe('spot checks against the domain reference', () => {
  test('SSDA903 LS: the 13 legal statuses (§2.2)', () => {
    assert.deepEqual(codesOf(legalStatuses).sort(), ['C1', 'C2', 'D1', 'E1', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3', 'V2', 'V3', 'V4']);
    assert.equal(legalStatuses.label('C2'), 'Full care order');
    assert.equal(legalStatuses.label('E1'), 'Placement order granted');
  });

  test('SSDA903 CIN: N1-N8 only (N0/N9 are CIN census only)', () => {
    assert.deepEqual(codesOf(categoriesOfNeed), ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8']);
  });

  test('SSDA903 PLACE 2023-24: P2, H5 and Z1 valid; K3 and Z11-Z14 not yet', () => {
    const valid = codesOf({ ...placementTypes, codes: codesValidIn(placementTypes, '2023-24') });
    for (const c of ['P2', 'H5', 'Z1', 'U1', 'T0', 'A6']) assert.ok(valid.includes(c), c);
    for (const c of ['K3', 'Z11', 'Z12', 'Z13', 'Z14']) assert.ok(!valid.includes(c), c);
  });

  test('SSDA903 PLACE 2024-25: K3 added, P2 gone, H5 and Z1 still valid', () => {
    assert.equal(isCodeValidIn(placementTypes, 'K3', '2024-25'), true);
    assert.equal(isCodeValidIn(placementTypes, 'P2', '2024-25'), false);
    assert.equal(isCodeValidIn(placementTypes, 'H5', '2024-25'), true);
    assert.equal(isCodeValidIn(placementTypes, 'Z1', '2024-25'), true);
  });

  test('SSDA903 PLACE 2025-26: Z11-Z14 replace Z1; H5 removed', () => {
    const valid = codesOf({ ...placementTypes, codes: codesValidIn(placementTypes, '2025-26') });
    for (const c of ['Z11', 'Z12', 'Z13', 'Z14', 'K3']) assert.ok(valid.includes(c), c);
    for (const c of ['Z1', 'H5', 'P2']) assert.ok(!valid.includes(c), c);
    // matches the D2I validator's 2025-26 rule 146 list exactly
    assert.deepEqual(valid.sort(), [
      'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'K3', 'P1', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1',
      'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z11', 'Z12', 'Z13', 'Z14',
    ]);
  });

  test('SSDA903 PLACE: T0-T4 are the temporary placements', () => {
    for (const c of ['T0', 'T1', 'T2', 'T3', 'T4']) assert.equal(isTemporaryPlacementType(c), true);
    for (const c of ['U1', 'K2', 'P1', 'Z1']) assert.equal(isTemporaryPlacementType(c), false);
  });

  test('SSDA903 PLACE_PROVIDER: PR0-PR5', () => {
    assert.deepEqual(codesOf(placementProviders), ['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']);
  });

  test('SSDA903 RNE: S, L, P, T, B, U with the reference definitions of P and T', () => {
    assert.deepEqual(codesOf(reasonsForNewEpisode).sort(), ['B', 'L', 'P', 'S', 'T', 'U']);
    assert.match(reasonsForNewEpisode.label('P'), /placement and carer/);
    assert.match(reasonsForNewEpisode.label('T'), /same carer/);
  });

  test('SSDA903 REC: the 22 codes, X1 included', () => {
    assert.deepEqual(codesOf(reasonsEpisodeCeased).sort(), [
      'E11', 'E12', 'E13', 'E14', 'E15', 'E16', 'E17', 'E2', 'E3', 'E41', 'E45', 'E46', 'E47', 'E48',
      'E4A', 'E4B', 'E5', 'E6', 'E7', 'E8', 'E9', 'X1',
    ]);
  });

  test('SSDA903 REASON_PLACE_CHANGE: the 12 codes', () => {
    assert.deepEqual(codesOf(reasonsForPlacementChange).sort(), [
      'ALLEG', 'APPRR', 'CARPL', 'CHILD', 'CLOSE', 'CREQB', 'CREQO', 'CUSTOD', 'LAREQ', 'OTHER', 'PLACE', 'STAND',
    ]);
  });

  test('SSDA903 REVIEW_CODE: PN0-PN7; SDQ_REASON SDQ1-SDQ5; MISSING M/A', () => {
    assert.deepEqual(codesOf(reviewParticipation), ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7']);
    assert.deepEqual(codesOf(sdqReasons), ['SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5']);
    assert.deepEqual(codesOf(missingTypes), ['M', 'A']);
  });

  test('UPN unknown: UN1-UN5 in SSDA903 (rule 168); UN1-UN7 in CIN, UN7 = referral with no further action (rule 8772)', () => {
    assert.deepEqual(codesOf(ssda903UpnUnknownReasons), ['UN1', 'UN2', 'UN3', 'UN4', 'UN5']);
    assert.deepEqual(codesOf(cinUpnUnknownReasons), ['UN1', 'UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7']);
    assert.equal(cinUpnUnknownReasons.label('UN7'), 'Referral with no further action');
  });

  test('SSDA903 OC3: IN_TOUCH, ACTIV and ACCOM (no S1 or X1: never suitable)', () => {
    assert.deepEqual(codesOf(careLeaverInTouch), ['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM']);
    assert.equal(careLeaverActivities.codes.length, 12);
    assert.ok(!careLeaverActivities.has('F3') && !careLeaverActivities.has('P3'));
    // the D2I rule 133 list: 14 letters x 2 + S2 + X2 + '0'
    assert.equal(careLeaverAccommodation.codes.length, 31);
    for (const c of ['B1', 'B2', 'S2', 'X2', 'Z1', 'Z2', 'T1', '0']) assert.ok(careLeaverAccommodation.has(c), c);
    for (const c of ['S1', 'X1', 'A1', 'F1']) assert.ok(!careLeaverAccommodation.has(c), c);
    assert.match(careLeaverAccommodation.label('U1'), /suitable$/);
    assert.match(careLeaverAccommodation.label('U2'), /not suitable$/);
  });

  test('Ethnicity: the 20 codes, Chinese spelt CHNE (not the SSD YAML\'s CNHE)', () => {
    assert.equal(ethnicities.codes.length, 20);
    assert.ok(ethnicities.has('CHNE'));
    assert.ok(!ethnicities.has('CNHE'));
    for (const c of ['WBRI', 'WROM', 'MWBC', 'APKN', 'BAFR', 'OOTH', 'REFU', 'NOBT']) assert.ok(ethnicities.has(c), c);
  });

  test('CIN Disability, category of abuse', () => {
    assert.deepEqual(codesOf(disabilities), ['NONE', 'MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS', 'BEH', 'CON', 'AUT', 'DDA']);
    assert.deepEqual(codesOf(categoriesOfAbuse), ['NEG', 'PHY', 'SAB', 'EMO', 'MUL']);
  });

  test('CIN assessment factors: 18A/19A deprecated from 2024-25 (queries 8945Q/8950Q); 18B/18C/19B/19C and 21 valid', () => {
    assert.equal(isCodeValidIn(assessmentFactors, '18A', '2023-24'), true);
    assert.equal(isCodeValidIn(assessmentFactors, '18A', '2024-25'), false);
    assert.equal(isCodeValidIn(assessmentFactors, '19A', '2024-25'), false);
    for (const c of ['18B', '18C', '19B', '19C', '21', '24A', '8F', '9A']) assert.equal(isCodeValidIn(assessmentFactors, c, '2024-25'), true, c);
    assert.ok(!assessmentFactors.has('7B') && !assessmentFactors.has('8A'));
  });

  test('Adoption and permanence lists', () => {
    assert.deepEqual(codesOf(adoptionDecisionReversedReasons), ['RD1', 'RD2', 'RD3', 'RD4']);
    assert.deepEqual(codesOf(previousPermanenceOptions), ['P1', 'P2', 'P3', 'P4', 'Z1']);
    assert.deepEqual(codesOf(adopterSexes), ['M1', 'F1', 'MM', 'FF', 'MF']);
    assert.deepEqual(codesOf(adopterLegalStatuses), ['L0', 'L11', 'L12', 'L2', 'L3', 'L4']);
    assert.equal(permanencePlans.codes.length, 10);
    assert.ok(permanencePlans.has('LTFOST18'));
  });

  test('SSDA903 SW_REASON: from 2023-24 only (SWEpisodes file)', () => {
    assert.equal(codesValidIn(socialWorkerChangeReasons, '2022-23').length, 0);
    assert.equal(codesValidIn(socialWorkerChangeReasons, '2023-24').length, 10);
  });
});
