import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainDate } from '../time/index.js';
import { isLookedAfterOn, periodOn, periodsOfCare, type EpisodeLike } from './periods.js';
import type { ProblemCode } from './types.js';

const d = parsePlainDate;

/** Compact episode: [DECOM, RNE, LS, PLACE, DEC, REC], postcode and provider fixed unless given. */
function ep(
  decom: string,
  rne: string,
  ls: string,
  place: string,
  dec: string | null,
  rec: string | null,
  over: Partial<EpisodeLike> = {},
): EpisodeLike {
  return {
    decom: d(decom),
    rne,
    ls,
    cin: 'N1',
    place,
    placeProvider: 'PR1',
    plPost: 'SE6 4RU',
    urn: null,
    dec: dec === null ? null : d(dec),
    rec,
    ...over,
  };
}

interface Case {
  name: string;
  episodes: EpisodeLike[];
  /** [startDate, endDate, reasonEnded, number of episodes] per period. */
  periods: [string, string | null, string | null, number][];
  problems: ProblemCode[];
  rules?: string[];
}

const cases: Case[] = [
  {
    name: 'SSDA903 specification: episodes joined by X1 form one period of care',
    episodes: [
      ep('2023-05-01', 'S', 'V2', 'U4', '2023-06-01', 'X1'),
      ep('2023-06-01', 'L', 'C1', 'U4', '2023-09-01', 'X1'),
      ep('2023-09-01', 'P', 'C1', 'U6', null, null, { plPost: 'SE13 5AB' }),
    ],
    periods: [['2023-05-01', null, null, 3]],
    problems: [],
  },
  {
    name: 'SSDA903 specification: an E* reason ends the period; the next S episode starts another',
    episodes: [
      ep('2023-05-01', 'S', 'V2', 'U4', '2023-08-01', 'E4A'),
      ep('2024-01-10', 'S', 'C1', 'U6', null, null),
    ],
    periods: [
      ['2023-05-01', '2023-08-01', 'E4A', 1],
      ['2024-01-10', null, null, 1],
    ],
    problems: [],
  },
  {
    name: 'SSDA903 specification: the order of the episodes does not matter',
    episodes: [
      ep('2024-01-10', 'S', 'C1', 'U6', null, null),
      ep('2023-06-01', 'L', 'C1', 'U4', '2023-08-01', 'E13'),
      ep('2023-05-01', 'S', 'V2', 'U4', '2023-06-01', 'X1'),
    ],
    periods: [
      ['2023-05-01', '2023-08-01', 'E13', 2],
      ['2024-01-10', null, null, 1],
    ],
    problems: [],
  },
  {
    name: 'SSDA903 specification: X1 with no episode starting that day is an error (rule 388)',
    episodes: [ep('2023-05-01', 'S', 'V2', 'U4', '2023-06-01', 'X1'), ep('2023-06-05', 'P', 'V2', 'U6', null, null)],
    periods: [['2023-05-01', null, null, 2]],
    problems: ['x1-without-continuation', 'continuation-not-same-day'],
    rules: ['388', '433'],
  },
  {
    name: 'SSDA903 specification: the last episode cannot end with X1 (rule 388)',
    episodes: [ep('2023-05-01', 'S', 'V2', 'U4', '2023-06-01', 'X1')],
    periods: [['2023-05-01', '2023-06-01', null, 1]],
    problems: ['x1-without-continuation'],
    rules: ['388'],
  },
  {
    name: 'SSDA903 specification: RNE S the day the previous episode ended is an error (rule 431)',
    episodes: [ep('2023-05-01', 'S', 'V2', 'U4', '2023-06-01', 'E4A'), ep('2023-06-01', 'S', 'V2', 'U4', null, null)],
    periods: [
      ['2023-05-01', '2023-06-01', 'E4A', 1],
      ['2023-06-01', null, null, 1],
    ],
    problems: ['rne-s-on-continuation', 'continuation-without-x1'],
    rules: ['431', '388'],
  },
  {
    name: 'SSDA903 specification: after care ceased the next episode must be RNE S (rule 432)',
    episodes: [ep('2023-05-01', 'S', 'V2', 'U4', '2023-06-01', 'E4A'), ep('2023-07-01', 'P', 'V2', 'U6', null, null)],
    periods: [
      ['2023-05-01', '2023-06-01', 'E4A', 1],
      ['2023-07-01', null, null, 1],
    ],
    problems: ['rne-not-s-after-care-ceased'],
    rules: ['432'],
  },
  {
    name: 'SSDA903 specification: the first episode must be RNE S (rule 357)',
    episodes: [ep('2023-05-01', 'P', 'V2', 'U4', null, null)],
    periods: [['2023-05-01', null, null, 1]],
    problems: ['first-episode-not-s'],
    rules: ['357'],
  },
  {
    name: 'SSDA903 specification: RNE L when the placement also changed is an error (rule 434)',
    episodes: [ep('2023-05-01', 'S', 'V2', 'U4', '2023-06-01', 'X1'), ep('2023-06-01', 'L', 'C1', 'U6', null, null)],
    periods: [['2023-05-01', null, null, 2]],
    problems: ['rne-inconsistent'],
    rules: ['434'],
  },
  {
    name: 'SSDA903 specification: RNE P when nothing the return shows changed is an error (rule 435)',
    episodes: [ep('2023-05-01', 'S', 'V2', 'U4', '2023-06-01', 'X1'), ep('2023-06-01', 'P', 'V2', 'U4', null, null, { plPost: 'se64ru' })],
    periods: [['2023-05-01', null, null, 2]],
    problems: ['rne-inconsistent'],
    rules: ['435'],
  },
  {
    name: 'SSDA903 specification: RNE B when the legal status did not change is an error (rule 436)',
    episodes: [ep('2023-05-01', 'S', 'V2', 'U4', '2023-06-01', 'X1'), ep('2023-06-01', 'B', 'V2', 'U6', null, null)],
    periods: [['2023-05-01', null, null, 2]],
    problems: ['rne-inconsistent'],
    rules: ['436'],
  },
  {
    name: 'SSDA903 specification: the category of need cannot change within a period of care (rule 504)',
    episodes: [ep('2023-05-01', 'S', 'V2', 'U4', '2023-06-01', 'X1'), ep('2023-06-01', 'L', 'C1', 'U4', null, null, { cin: 'N4' })],
    periods: [['2023-05-01', null, null, 2]],
    problems: ['category-of-need-changed'],
    rules: ['504'],
  },
  {
    name: 'SSDA903 specification: a new episode while the previous is still open is an error (rule 142)',
    episodes: [ep('2023-05-01', 'S', 'V2', 'U4', null, null), ep('2023-06-01', 'P', 'V2', 'U6', null, null)],
    periods: [
      ['2023-05-01', null, null, 1],
      ['2023-06-01', null, null, 1],
    ],
    problems: ['episode-open-not-last', 'rne-not-s-after-care-ceased'],
    rules: ['142', '432'],
  },
  {
    name: 'SSDA903 specification: an episode starting before the previous one ended is an error (rule 501)',
    episodes: [ep('2023-05-01', 'S', 'V2', 'U4', '2023-06-10', 'X1'), ep('2023-06-01', 'P', 'V2', 'U6', null, null)],
    periods: [['2023-05-01', null, null, 2]],
    problems: ['episode-overlap', 'x1-without-continuation', 'continuation-not-same-day'],
    rules: ['501', '388', '433'],
  },
  {
    name: 'SSDA903 specification: an episode lasting less than a day, and DEC without REC, are errors (rules 355, 148)',
    episodes: [ep('2023-05-01', 'S', 'V2', 'U4', '2023-05-01', null)],
    periods: [['2023-05-01', '2023-05-01', null, 1]],
    problems: ['episode-dates-invalid', 'episode-reason-missing'],
    rules: ['355', '148'],
  },
];

describe('periodsOfCare', () => {
  for (const c of cases) {
    test(c.name, () => {
      const { periods, problems } = periodsOfCare(c.episodes);
      assert.deepEqual(
        periods.map((p) => [p.startDate, p.endDate, p.reasonEnded, p.episodes.length]),
        c.periods,
      );
      assert.deepEqual(problems.map((p) => p.code), c.problems, problems.map((p) => p.message).join('\n'));
      if (c.rules !== undefined) assert.deepEqual(problems.map((p) => p.rule), c.rules);
      for (const p of problems) assert.ok(p.message.length > 0 && p.date !== undefined);
    });
  }

  test('SSDA903 specification: no episodes, no periods', () => {
    assert.deepEqual(periodsOfCare([]), { periods: [], problems: [] });
  });
});

describe('isLookedAfterOn / periodOn', () => {
  const periods = [
    { startDate: d('2023-05-01'), endDate: d('2023-08-01') },
    { startDate: d('2024-01-10'), endDate: null },
  ];
  const table: [date: string, expected: boolean, why: string][] = [
    ['2023-04-30', false, 'the day before care started'],
    ['2023-05-01', true, 'the day care started'],
    ['2023-07-31', true, 'the day before care ceased'],
    ['2023-08-01', false, 'the day care ceased (DEC): SSDA903 episodes run up to, not including, DEC'],
    ['2023-12-31', false, 'between periods'],
    ['2024-01-10', true, 'the first day of the second, open, period'],
    ['2030-03-31', true, 'any later day while the period is open'],
  ];
  for (const [date, expected, why] of table) {
    test(`SSDA903 specification: ${date}, ${why} → ${expected ? 'looked after' : 'not looked after'}`, () => {
      assert.equal(isLookedAfterOn(periods, d(date)), expected);
      assert.equal(periodOn(periods, d(date)) !== undefined, expected);
    });
  }

  test('periodOn returns the period itself', () => {
    assert.equal(periodOn(periods, d('2024-06-01')), periods[1]);
    assert.equal(isLookedAfterOn([], d('2024-06-01')), false);
  });
});
