import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainDate } from '../time/index.js';
import { deriveEpisodes, reasonForNewEpisode } from './episodes.js';
import { periodsOfCare } from './periods.js';
import type { Episode, LegalStatusSpell, PeriodOfCare, PlacementSpell, ProblemCode } from './types.js';

const d = parsePlainDate;

function period(start: string, end: string | null = null, reasonEnded: string | null = null): PeriodOfCare {
  return { id: 'POC-1', startDate: d(start), endDate: end === null ? null : d(end), reasonEnded };
}

function ls(code: string, start: string, end: string | null = null): LegalStatusSpell {
  return { code, startDate: d(start), endDate: end === null ? null : d(end) };
}

let placementSeq = 0;
function pl(start: string, end: string | null, over: Partial<PlacementSpell> = {}): PlacementSpell {
  placementSeq += 1;
  return {
    id: `PL-${placementSeq}`,
    startDate: d(start),
    endDate: end === null ? null : d(end),
    placeType: 'U4',
    provider: 'PR1',
    postcode: 'SE6 4RU',
    urn: null,
    carerId: 'carer-A',
    reasonPlaceChange: null,
    ...over,
  };
}

/** [DECOM, RNE, LS, PLACE, DEC, REC, REASON_PLACE_CHANGE] */
type Row = [string, string, string, string, string | null, string | null, string | null];

function rows(episodes: readonly Episode[]): Row[] {
  return episodes.map((e) => [e.decom, e.rne, e.ls, e.place, e.dec, e.rec, e.reasonPlaceChange]);
}

interface Case {
  name: string;
  period: PeriodOfCare;
  legal: LegalStatusSpell[];
  placements: PlacementSpell[];
  cin?: string;
  episodes: Row[];
  /** Problem codes expected, in order; [] = none. */
  problems: ProblemCode[];
  /** Severities of those problems when not all errors. */
  severities?: ('error' | 'warning')[];
}

const cases: Case[] = [
  {
    name: 'SSDA903 specification: a simple one-placement period is one open episode with RNE S',
    period: period('2024-04-10'),
    legal: [ls('V2', '2024-04-10')],
    placements: [pl('2024-04-10', null)],
    episodes: [['2024-04-10', 'S', 'V2', 'U4', null, null, null]],
    problems: [],
  },
  {
    name: 'SSDA903 specification: a period ending with E13 puts the E* reason on its last (only) episode',
    period: period('2024-04-10', '2024-09-01', 'E13'),
    legal: [ls('V2', '2024-04-10', '2024-09-01')],
    placements: [pl('2024-04-10', '2024-09-01')],
    episodes: [['2024-04-10', 'S', 'V2', 'U4', '2024-09-01', 'E13', null]],
    problems: [],
  },
  {
    name: 'SSDA903 specification: a move to a new carer closes the episode with X1 and opens one with RNE P the same day',
    period: period('2024-04-10'),
    legal: [ls('V2', '2024-04-10')],
    placements: [
      pl('2024-04-10', '2024-06-01', { reasonPlaceChange: 'CARPL' }),
      pl('2024-06-01', null, { placeType: 'U6', carerId: 'carer-B', postcode: 'SE13 5AB' }),
    ],
    episodes: [
      ['2024-04-10', 'S', 'V2', 'U4', '2024-06-01', 'X1', 'CARPL'],
      ['2024-06-01', 'P', 'V2', 'U6', null, null, null],
    ],
    problems: [],
  },
  {
    name: 'SSDA903 specification: a placement change with the same carer (carer moves house) has RNE T',
    period: period('2024-04-10'),
    legal: [ls('C2', '2024-04-10')],
    placements: [
      pl('2024-04-10', '2024-07-20', { reasonPlaceChange: 'PLACE' }),
      pl('2024-07-20', null, { postcode: 'BR1 1AA' }),
    ],
    episodes: [
      ['2024-04-10', 'S', 'C2', 'U4', '2024-07-20', 'X1', 'PLACE'],
      ['2024-07-20', 'T', 'C2', 'U4', null, null, null],
    ],
    problems: [],
  },
  {
    name: 'SSDA903 specification: a change of legal status only has RNE L and no reason for placement change',
    period: period('2024-04-10'),
    legal: [ls('V2', '2024-04-10', '2024-05-15'), ls('C1', '2024-05-15')],
    placements: [pl('2024-04-10', null)],
    episodes: [
      ['2024-04-10', 'S', 'V2', 'U4', '2024-05-15', 'X1', null],
      ['2024-05-15', 'L', 'C1', 'U4', null, null, null],
    ],
    problems: [],
  },
  {
    name: 'SSDA903 specification: legal status, placement and carer changing on one day is one new episode with RNE B',
    period: period('2024-04-10'),
    legal: [ls('L2', '2024-04-10', '2024-04-17'), ls('C1', '2024-04-17')],
    placements: [
      pl('2024-04-10', '2024-04-17', { placeType: 'U6', reasonPlaceChange: 'CARPL' }),
      pl('2024-04-17', null, { placeType: 'U3', carerId: 'aunt', postcode: 'SE4 1XY' }),
    ],
    episodes: [
      ['2024-04-10', 'S', 'L2', 'U6', '2024-04-17', 'X1', 'CARPL'],
      ['2024-04-17', 'B', 'C1', 'U3', null, null, null],
    ],
    problems: [],
  },
  {
    name: 'SSDA903 specification: legal status and placement changing on one day with the same carer has RNE U',
    period: period('2024-04-10'),
    legal: [ls('C1', '2024-04-10', '2024-10-01'), ls('C2', '2024-10-01')],
    placements: [
      pl('2024-04-10', '2024-10-01', { placeType: 'U6', reasonPlaceChange: 'PLACE' }),
      pl('2024-10-01', null, { placeType: 'U4' }),
    ],
    episodes: [
      ['2024-04-10', 'S', 'C1', 'U6', '2024-10-01', 'X1', 'PLACE'],
      ['2024-10-01', 'U', 'C2', 'U4', null, null, null],
    ],
    problems: [],
  },
  {
    name: 'SSDA903 specification: an adoption period (care order, placement order, placed for adoption) ends with E12 on the last episode',
    period: period('2023-01-01', '2024-03-01', 'E12'),
    legal: [ls('C1', '2023-01-01', '2023-06-01'), ls('E1', '2023-06-01', '2024-03-01')],
    placements: [
      pl('2023-01-01', '2023-09-01', { placeType: 'U5', reasonPlaceChange: 'CARPL' }),
      pl('2023-09-01', '2024-03-01', { placeType: 'A6', carerId: 'adopters', postcode: 'CR0 2AA' }),
    ],
    episodes: [
      ['2023-01-01', 'S', 'C1', 'U5', '2023-06-01', 'X1', null],
      ['2023-06-01', 'L', 'E1', 'U5', '2023-09-01', 'X1', 'CARPL'],
      ['2023-09-01', 'P', 'E1', 'A6', '2024-03-01', 'E12', null],
    ],
    problems: [],
  },
  {
    name: 'SSDA903 specification: consecutive records of the same legal status are one legal status (no RNE L episode)',
    period: period('2024-04-10'),
    legal: [ls('C1', '2024-04-10', '2024-06-01'), ls('C1', '2024-06-01')],
    placements: [pl('2024-04-10', null)],
    episodes: [['2024-04-10', 'S', 'C1', 'U4', null, null, null]],
    problems: [],
  },
  {
    name: 'SSDA903 specification: placement records with the same carer and the same type, provider, postcode and URN are one placement',
    period: period('2024-04-10'),
    legal: [ls('C1', '2024-04-10')],
    placements: [pl('2024-04-10', '2024-06-01'), pl('2024-06-01', null)],
    episodes: [['2024-04-10', 'S', 'C1', 'U4', null, null, null]],
    problems: [],
  },
  {
    name: 'SSDA903 specification: identical placement records with no carer recorded are treated as one placement, with a warning',
    period: period('2024-04-10'),
    legal: [ls('C1', '2024-04-10')],
    placements: [pl('2024-04-10', '2024-06-01', { carerId: null }), pl('2024-06-01', null, { carerId: null })],
    episodes: [['2024-04-10', 'S', 'C1', 'U4', null, null, null]],
    problems: ['placement-record-split'],
    severities: ['warning'],
  },
  {
    name: 'SSDA903 specification: a new carer with the same type, provider, postcode and URN is RNE P, with a warning that rule 435 will query it',
    period: period('2024-04-10'),
    legal: [ls('C1', '2024-04-10')],
    placements: [pl('2024-04-10', '2024-06-01', { reasonPlaceChange: 'CLOSE' }), pl('2024-06-01', null, { carerId: 'carer-B' })],
    episodes: [
      ['2024-04-10', 'S', 'C1', 'U4', '2024-06-01', 'X1', 'CLOSE'],
      ['2024-06-01', 'P', 'C1', 'U4', null, null, null],
    ],
    problems: ['carer-change-not-visible'],
    severities: ['warning'],
  },
  {
    name: 'SSDA903 specification: a temporary placement (T3) and the return to the normal placement are both RNE P with no reason for placement change (rule 226)',
    period: period('2024-04-10'),
    legal: [ls('C2', '2024-04-10')],
    placements: [
      pl('2024-04-10', '2024-08-01'),
      pl('2024-08-01', '2024-08-15', { placeType: 'T3', provider: null, carerId: 'respite', postcode: 'SE9 9ZZ' }),
      pl('2024-08-15', null),
    ],
    episodes: [
      ['2024-04-10', 'S', 'C2', 'U4', '2024-08-01', 'X1', null],
      ['2024-08-01', 'P', 'C2', 'T3', '2024-08-15', 'X1', null],
      ['2024-08-15', 'P', 'C2', 'U4', null, null, null],
    ],
    problems: [],
  },
  {
    name: 'SSDA903 specification: a gap between placements is an error; the episodes show the gap rather than filling it',
    period: period('2024-04-10'),
    legal: [ls('V2', '2024-04-10')],
    placements: [
      pl('2024-04-10', '2024-06-01', { reasonPlaceChange: 'CHILD' }),
      pl('2024-06-03', null, { placeType: 'K2', provider: 'PR4', carerId: 'home-1', urn: 'SC123456', postcode: 'ME1 1AA' }),
    ],
    episodes: [
      ['2024-04-10', 'S', 'V2', 'U4', '2024-06-01', 'X1', 'CHILD'],
      ['2024-06-03', 'P', 'V2', 'K2', null, null, null],
    ],
    problems: ['placement-gap'],
  },
  {
    name: 'SSDA903 specification: a period of care with no legal status at its start is an error',
    period: period('2024-04-10'),
    legal: [ls('C1', '2024-04-12')],
    placements: [pl('2024-04-10', null)],
    episodes: [['2024-04-12', 'S', 'C1', 'U4', null, null, null]],
    problems: ['legal-status-missing-at-start'],
  },
  {
    name: 'SSDA903 specification: a period of care cannot start with a temporary placement (rule 380)',
    period: period('2024-04-10'),
    legal: [ls('V2', '2024-04-10')],
    placements: [
      pl('2024-04-10', '2024-04-20', { placeType: 'T1', provider: null, carerId: 'hospital' }),
      pl('2024-04-20', null),
    ],
    episodes: [
      ['2024-04-10', 'S', 'V2', 'T1', '2024-04-20', 'X1', null],
      ['2024-04-20', 'P', 'V2', 'U4', null, null, null],
    ],
    problems: ['temporary-placement-at-start'],
  },
  {
    name: 'SSDA903 specification: a period of care cannot end with a temporary placement (rule 381)',
    period: period('2024-04-10', '2024-09-01', 'E4A'),
    legal: [ls('V2', '2024-04-10', '2024-09-01')],
    placements: [
      pl('2024-04-10', '2024-08-20'),
      pl('2024-08-20', '2024-09-01', { placeType: 'T4', provider: null, carerId: 'emergency' }),
    ],
    episodes: [
      ['2024-04-10', 'S', 'V2', 'U4', '2024-08-20', 'X1', null],
      ['2024-08-20', 'P', 'V2', 'T4', '2024-09-01', 'E4A', null],
    ],
    problems: ['temporary-placement-at-end'],
  },
  {
    name: 'SSDA903 specification: after a temporary placement the child must return to the normal placement (rule 383)',
    period: period('2024-04-10'),
    legal: [ls('C2', '2024-04-10')],
    placements: [
      pl('2024-04-10', '2024-08-01'),
      pl('2024-08-01', '2024-08-15', { placeType: 'T3', provider: null, carerId: 'respite' }),
      pl('2024-08-15', null, { placeType: 'K2', provider: 'PR4', carerId: 'home-1', urn: 'SC123456', postcode: 'ME1 1AA' }),
    ],
    episodes: [
      ['2024-04-10', 'S', 'C2', 'U4', '2024-08-01', 'X1', null],
      ['2024-08-01', 'P', 'C2', 'T3', '2024-08-15', 'X1', null],
      ['2024-08-15', 'P', 'C2', 'K2', null, null, null],
    ],
    problems: ['temporary-placement-no-return'],
  },
  {
    name: 'SSDA903 specification: a placement move with no reason for placement change recorded is an error (rule 225)',
    period: period('2024-04-10'),
    legal: [ls('V2', '2024-04-10')],
    placements: [pl('2024-04-10', '2024-06-01'), pl('2024-06-01', null, { carerId: 'carer-B', postcode: 'SE13 5AB' })],
    episodes: [
      ['2024-04-10', 'S', 'V2', 'U4', '2024-06-01', 'X1', null],
      ['2024-06-01', 'P', 'V2', 'U4', null, null, null],
    ],
    problems: ['reason-for-placement-change-missing'],
  },
  {
    name: 'SSDA903 specification: a period that has ended must have a reason (rule 148)',
    period: period('2024-04-10', '2024-09-01', null),
    legal: [ls('V2', '2024-04-10', '2024-09-01')],
    placements: [pl('2024-04-10', '2024-09-01')],
    episodes: [['2024-04-10', 'S', 'V2', 'U4', '2024-09-01', null, null]],
    problems: ['period-reason-missing'],
  },
  {
    name: 'SSDA903 specification: X1 cannot end a period of care (rule 388)',
    period: period('2024-04-10', '2024-09-01', 'X1'),
    legal: [ls('V2', '2024-04-10', '2024-09-01')],
    placements: [pl('2024-04-10', '2024-09-01')],
    episodes: [['2024-04-10', 'S', 'V2', 'U4', '2024-09-01', 'X1', null]],
    problems: ['period-reason-x1'],
  },
  {
    name: 'SSDA903 specification: codes outside the SSDA903 lists are errors (rules 144, 145, 146)',
    period: period('2024-04-10'),
    legal: [ls('SGO', '2024-04-10')],
    placements: [pl('2024-04-10', null, { placeType: 'Z9' })],
    cin: 'N9',
    episodes: [['2024-04-10', 'S', 'SGO', 'Z9', null, null, null]],
    problems: ['unknown-code', 'unknown-code', 'unknown-code'],
  },
  {
    name: 'SSDA903 specification: overlapping placements are an error',
    period: period('2024-04-10'),
    legal: [ls('V2', '2024-04-10')],
    placements: [
      pl('2024-04-10', '2024-06-10', { reasonPlaceChange: 'CARPL' }),
      pl('2024-06-01', null, { carerId: 'carer-B', postcode: 'SE13 5AB' }),
    ],
    episodes: [
      ['2024-04-10', 'S', 'V2', 'U4', '2024-06-01', 'X1', 'CARPL'],
      ['2024-06-01', 'P', 'V2', 'U4', null, null, null],
    ],
    problems: ['placement-overlap'],
  },
  {
    name: 'SSDA903 specification: a placement left open after the period ended is used up to the end of the period, with a warning',
    period: period('2024-04-10', '2024-09-01', 'E4A'),
    legal: [ls('V2', '2024-04-10', '2024-09-01')],
    placements: [pl('2024-04-10', null)],
    episodes: [['2024-04-10', 'S', 'V2', 'U4', '2024-09-01', 'E4A', null]],
    problems: ['placement-continues-after-period'],
    severities: ['warning'],
  },
  {
    name: 'SSDA903 specification: legal statuses from other periods of care are ignored',
    period: period('2024-04-10'),
    legal: [ls('V2', '2020-01-01', '2020-03-01'), ls('C2', '2024-04-10'), ls('V2', '2019-05-01', '2019-06-01')],
    placements: [pl('2024-04-10', null)],
    episodes: [['2024-04-10', 'S', 'C2', 'U4', null, null, null]],
    problems: [],
  },
  {
    name: 'SSDA903 specification: a placement that starts and ends on the same day cannot be an episode (rule 355)',
    period: period('2024-04-10'),
    legal: [ls('V2', '2024-04-10')],
    placements: [pl('2024-04-10', null), pl('2024-05-01', '2024-05-01', { placeType: 'U6' })],
    episodes: [['2024-04-10', 'S', 'V2', 'U4', null, null, null]],
    problems: ['placement-zero-length'],
  },
  {
    name: 'SSDA903 specification: an open period whose last placement has ended has no placement at its end',
    period: period('2024-04-10'),
    legal: [ls('V2', '2024-04-10')],
    placements: [pl('2024-04-10', '2024-07-01')],
    episodes: [['2024-04-10', 'S', 'V2', 'U4', '2024-07-01', 'X1', null]],
    problems: ['placement-missing-at-end'],
  },
  {
    name: 'SSDA903 specification: a period with no placement at all has no episodes',
    period: period('2024-04-10'),
    legal: [ls('V2', '2024-04-10')],
    placements: [],
    episodes: [],
    problems: ['placement-missing'],
  },
  {
    name: 'SSDA903 specification: a period of care that ends before it starts has no episodes (rule 356)',
    period: period('2024-04-10', '2024-04-01', 'E4A'),
    legal: [ls('V2', '2024-04-10')],
    placements: [pl('2024-04-10', null)],
    episodes: [],
    problems: ['period-dates-invalid'],
  },
];

function permutations<T>(items: readonly T[]): T[][] {
  const reversed = [...items].reverse();
  const rotated = items.length > 1 ? [...items.slice(1), items[0] as T] : [...items];
  return [reversed, rotated];
}

describe('deriveEpisodes', () => {
  for (const c of cases) {
    test(c.name, () => {
      const { episodes, problems } = deriveEpisodes(c.period, c.legal, c.placements, c.cin ?? 'N1');
      assert.deepEqual(rows(episodes), c.episodes);
      assert.deepEqual(
        problems.map((p) => p.code),
        c.problems,
        problems.map((p) => p.message).join('\n'),
      );
      assert.deepEqual(
        problems.map((p) => p.severity),
        c.severities ?? c.problems.map(() => 'error'),
      );
      for (const p of problems) assert.ok(p.message.length > 0);
      for (const e of episodes) {
        assert.equal(e.periodId, c.period.id);
        assert.equal(e.cin, c.cin ?? 'N1');
      }
    });
  }

  test('SSDA903 specification: the order of the input records does not matter', () => {
    for (const c of cases) {
      const expected = deriveEpisodes(c.period, c.legal, c.placements, c.cin ?? 'N1');
      for (const legal of permutations(c.legal)) {
        for (const placements of permutations(c.placements)) {
          assert.deepEqual(deriveEpisodes(c.period, legal, placements, c.cin ?? 'N1'), expected, c.name);
        }
      }
    }
  });

  test('SSDA903 specification: episodes derived without errors form exactly one period of care and pass the sequence rules', () => {
    for (const c of cases) {
      const { episodes, problems } = deriveEpisodes(c.period, c.legal, c.placements, c.cin ?? 'N1');
      if (problems.some((p) => p.severity === 'error') || problems.some((p) => p.code === 'carer-change-not-visible')) continue;
      const { periods, problems: sequenceProblems } = periodsOfCare(episodes);
      assert.deepEqual(sequenceProblems, [], c.name);
      assert.equal(periods.length, 1, c.name);
      const [p] = periods;
      assert.equal(p?.startDate, c.period.startDate, c.name);
      assert.equal(p?.endDate, c.period.endDate, c.name);
      assert.equal(p?.reasonEnded, c.period.reasonEnded, c.name);
      episodes.forEach((e, i) => {
        const next = episodes[i + 1];
        if (next !== undefined) {
          assert.equal(e.dec, next.decom, `${c.name}: DEC equals the next DECOM`);
          assert.equal(e.rec, 'X1', c.name);
        }
      });
    }
  });

  test('SSDA903 specification: the carried placement fields and ids come from the placement record', () => {
    const placement = pl('2024-04-10', null, { placeType: 'K2', provider: 'PR4', urn: 'SC123456', postcode: 'ME1 1AA', carerId: 'home-1' });
    const { episodes } = deriveEpisodes(period('2024-04-10'), [ls('C2', '2024-04-10')], [placement], 'N4');
    assert.deepEqual(episodes, [
      {
        periodId: 'POC-1',
        decom: '2024-04-10',
        rne: 'S',
        ls: 'C2',
        cin: 'N4',
        place: 'K2',
        placeProvider: 'PR4',
        plPost: 'ME1 1AA',
        urn: 'SC123456',
        dec: null,
        rec: null,
        reasonPlaceChange: null,
        carerId: 'home-1',
        placementId: placement.id,
      },
    ]);
  });

  test('SSDA903 specification: problems carry the date and the DfE rule', () => {
    const { problems } = deriveEpisodes(
      period('2024-04-10'),
      [ls('V2', '2024-04-10')],
      [pl('2024-04-10', '2024-04-20', { placeType: 'T1', provider: null }), pl('2024-04-20', null)],
      'N1',
    );
    assert.deepEqual(problems.map((p) => [p.code, p.date, p.rule]), [['temporary-placement-at-start', '2024-04-10', '380']]);
  });
});

describe('reasonForNewEpisode', () => {
  const table: [legalStatus: boolean, placement: boolean, carer: boolean, rne: string][] = [
    [true, false, false, 'L'],
    [false, true, true, 'P'],
    [false, true, false, 'T'],
    [true, true, true, 'B'],
    [true, true, false, 'U'],
  ];
  for (const [legalStatus, placement, carer, rne] of table) {
    test(`SSDA903 specification: legal status ${legalStatus ? 'changed' : 'same'}, placement ${placement ? 'changed' : 'same'}, carer ${carer ? 'changed' : 'same'} → ${rne}`, () => {
      assert.equal(reasonForNewEpisode({ legalStatus, placement, carer }), rne);
    });
  }
});

describe('deriveEpisodes: records belonging to other periods', () => {
  test('SSDA903 specification: an unusable record outside the period is not reported against it', () => {
    const { episodes, problems } = deriveEpisodes(
      period('2024-04-10'),
      [ls('V2', '2024-04-10'), ls('C1', '2020-05-01', '2020-05-01'), ls('C1', '2020-06-01', '2020-05-01')],
      [pl('2024-04-10', null), pl('2019-01-01', '2019-01-01')],
      'N1',
    );
    assert.deepEqual(rows(episodes), [['2024-04-10', 'S', 'V2', 'U4', null, null, null]]);
    assert.deepEqual(problems, []);
  });
});
