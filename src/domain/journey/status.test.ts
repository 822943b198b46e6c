import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePlainDate } from '../time/index.js';
import { type EpisodeSpan, type JourneyFacts, type JourneyStatus, childStatusOn, describeChildStatus, episodesOverlap, journeyStatusLabels, journeyStatusOn, placementWords } from './status.js';

const span = (referralDate: string, closureDate: string | null = null): EpisodeSpan => ({ referralDate: parsePlainDate(referralDate), closureDate: closureDate === null ? null : parsePlainDate(closureDate) });

describe('journeyStatusOn: a child’s status on a date, from their episodes and the contacts awaiting a decision', () => {
  const cases: [string, EpisodeSpan[], number, string, JourneyStatus][] = [
    // why, episodes, contacts awaiting a MASH decision, date, status
    ['nothing recorded', [], 0, '2026-11-23', 'not-known'],
    ['a contact awaiting a MASH decision', [], 1, '2026-11-23', 'at-front-door'],
    ['an episode referred today is open today', [span('2026-11-23')], 0, '2026-11-23', 'child-in-need'],
    ['an episode referred earlier, still open', [span('2026-10-01')], 0, '2026-11-23', 'child-in-need'],
    ['an episode referred tomorrow is not open yet', [span('2026-11-24')], 0, '2026-11-23', 'closed'],
    ['an episode closed today is no longer open today', [span('2026-10-01', '2026-11-23')], 0, '2026-11-23', 'closed'],
    ['an episode closed tomorrow is open today', [span('2026-10-01', '2026-11-24')], 0, '2026-11-23', 'child-in-need'],
    ['an episode opened and closed the same day (NFA at referral) is not open that day', [span('2026-11-23', '2026-11-23')], 0, '2026-11-23', 'closed'],
    ['an open episode outranks a contact awaiting a decision', [span('2026-10-01')], 2, '2026-11-23', 'child-in-need'],
    ['a closed episode and a new contact awaiting a decision: at the front door', [span('2026-01-05', '2026-03-01')], 1, '2026-11-23', 'at-front-door'],
    ['closed on D and re-referred on D: open (the new episode)', [span('2026-01-05', '2026-11-23'), span('2026-11-23')], 0, '2026-11-23', 'child-in-need'],
    ['as at a past date inside an old episode', [span('2026-01-05', '2026-03-01'), span('2026-11-23')], 0, '2026-02-14', 'child-in-need'],
    ['as at a past date between episodes', [span('2026-01-05', '2026-03-01'), span('2026-11-23')], 0, '2026-06-01', 'closed'],
  ];
  for (const [why, episodes, waiting, date, status] of cases) {
    test(`${why}: ${status} ("${journeyStatusLabels[status]}")`, () => {
      assert.equal(journeyStatusOn({ episodes, contactsAwaitingDecision: waiting }, parsePlainDate(date)), status);
    });
  }

});

describe('childStatusOn and describeChildStatus: the status the child’s page opens with, from the whole record', () => {
  const d = parsePlainDate;
  const open = span('2024-01-10');
  const facts = (extra: Partial<JourneyFacts>): JourneyFacts => ({ episodes: [open], contactsAwaitingDecision: 0, ...extra });
  const period = { startDate: d('2025-05-01'), endDate: null };
  const cases: [string, JourneyFacts, string, JourneyStatus, string][] = [
    // why, facts, date, status, words
    ['an open episode with a child in need plan', facts({ cinPlans: [{ startDate: d('2026-02-02'), endDate: null }] }), '2026-11-23', 'child-in-need', 'Child in need: on a child in need plan since 2 February 2026'],
    ['an open episode whose child in need plan ended', facts({ cinPlans: [{ startDate: d('2026-02-02'), endDate: d('2026-06-01') }] }), '2026-11-23', 'child-in-need', 'Child in need (open episode)'],
    ['a child protection plan, by its latest category', facts({ cpPlans: [{ startDate: d('2026-03-03'), endDate: null, latestCategory: 'NEG' }] }), '2026-11-23', 'child-protection', 'On a child protection plan (neglect) since 3 March 2026'],
    ['a plan under more than one category', facts({ cpPlans: [{ startDate: d('2026-03-03'), endDate: null, latestCategory: 'MUL' }] }), '2026-11-23', 'child-protection', 'On a child protection plan (multiple categories) since 3 March 2026'],
    ['a child protection plan ended on the day: no longer on it that day', facts({ cpPlans: [{ startDate: d('2026-03-03'), endDate: d('2026-11-23'), latestCategory: 'NEG' }] }), '2026-11-23', 'child-in-need', 'Child in need (open episode)'],
    [
      'looked after: the legal status and placement in force today',
      facts({ periodsOfCare: [period], legalStatuses: [{ startDate: d('2025-05-01'), endDate: d('2025-09-01'), code: 'C1' }, { startDate: d('2025-09-01'), endDate: null, code: 'C2' }], placements: [{ startDate: d('2025-05-01'), endDate: null, placementType: 'U6' }] }),
      '2026-11-23',
      'looked-after',
      'Looked after since 1 May 2025: full care order (C2), placed with foster carers',
    ],
    [
      'looked after outranks a child protection plan still open',
      facts({ periodsOfCare: [period], cpPlans: [{ startDate: d('2025-01-03'), endDate: null, latestCategory: 'PHY' }], legalStatuses: [{ startDate: d('2025-05-01'), endDate: null, code: 'V2' }], placements: [{ startDate: d('2025-05-01'), endDate: null, placementType: 'K2' }] }),
      '2026-11-23',
      'looked-after',
      'Looked after since 1 May 2025: accommodated under section 20 (V2), in a children’s home',
    ],
    [
      'looked after and eligible for care leaver support at 16',
      facts({ periodsOfCare: [period], legalStatuses: [{ startDate: d('2025-05-01'), endDate: null, code: 'C2' }], placements: [{ startDate: d('2025-05-01'), endDate: null, placementType: 'U3' }], careLeaver: [{ startDate: d('2026-06-01'), endDate: null, eligibility: 'eligible' }] }),
      '2026-11-23',
      'looked-after',
      'Looked after since 1 May 2025: full care order (C2), placed with family or friends as foster carers, eligible for care leaver support',
    ],
    ['a period of care without legal status or placement says so', facts({ periodsOfCare: [period] }), '2026-11-23', 'looked-after', 'Looked after since 1 May 2025: no legal status recorded, no placement recorded'],
    ['a period of care that ceased yesterday: no longer looked after', facts({ periodsOfCare: [{ startDate: d('2025-05-01'), endDate: d('2026-11-22') }] }), '2026-11-23', 'child-in-need', 'Child in need (open episode)'],
    [
      'a care leaver after the period of care ended',
      { episodes: [], contactsAwaitingDecision: 0, periodsOfCare: [{ startDate: d('2019-05-01'), endDate: d('2024-02-28') }], careLeaver: [{ startDate: d('2022-02-28'), endDate: d('2024-02-28'), eligibility: 'eligible' }, { startDate: d('2024-02-28'), endDate: null, eligibility: 'former_relevant' }] },
      '2026-11-23',
      'care-leaver',
      'Care leaver: former relevant',
    ],
    ['a care leaver whose support has ended: closed', { episodes: [], contactsAwaitingDecision: 0, careLeaver: [{ startDate: d('2020-01-01'), endDate: d('2026-01-01'), eligibility: 'former_relevant' }] }, '2026-11-23', 'closed', 'Not open to children’s social care'],
    ['as at a past date while looked after', facts({ periodsOfCare: [{ startDate: d('2025-05-01'), endDate: d('2026-01-01') }], legalStatuses: [{ startDate: d('2025-05-01'), endDate: d('2026-01-01'), code: 'E1' }], placements: [{ startDate: d('2025-05-01'), endDate: d('2026-01-01'), placementType: 'A5' }] }), '2025-12-31', 'looked-after', 'Looked after since 1 May 2025: placement order (E1), placed for adoption'],
    ['a child who has died, from the day of death', facts({ deathDate: d('2026-10-04'), cpPlans: [{ startDate: d('2026-03-03'), endDate: null, latestCategory: 'NEG' }] }), '2026-11-23', 'died', 'Died on 4 October 2026'],
    ['the day before death the plan still stands', facts({ deathDate: d('2026-10-04'), cpPlans: [{ startDate: d('2026-03-03'), endDate: null, latestCategory: 'NEG' }] }), '2026-10-03', 'child-protection', 'On a child protection plan (neglect) since 3 March 2026'],
  ];
  for (const [why, f, date, status, words] of cases) {
    test(`${why}: ${status}, "${words}"`, () => {
      const s = childStatusOn(f, parsePlainDate(date));
      assert.equal(s.status, status);
      assert.equal(describeChildStatus(s), words);
      assert.equal(journeyStatusOn(f, parsePlainDate(date)), status, 'journeyStatusOn agrees');
    });
  }

  test('the records in force come back with the status, for the rest of the summary', () => {
    const s = childStatusOn(facts({ periodsOfCare: [period], placements: [{ startDate: d('2025-05-01'), endDate: d('2026-02-01'), placementType: 'U6' }, { startDate: d('2026-02-01'), endDate: null, placementType: 'K2' }] }), d('2026-11-23'));
    assert.equal(s.placement?.placementType, 'K2');
    assert.equal(s.episode?.referralDate, '2024-01-10');
    assert.equal(s.cpPlan, null);
  });

  test('placement words for every family of SSDA903 placement types', () => {
    assert.deepEqual(
      ['U1', 'U2', 'U4', 'U5', 'U6', 'A4', 'K1', 'K3', 'P1', 'R5', 'S1', 'T2', 'Z11', 'Q9'].map(placementWords),
      [
        'placed with family or friends as foster carers',
        'placed with foster carers for adoption (fostering for adoption)',
        'placed with foster carers',
        'placed with foster carers for adoption (fostering for adoption)',
        'placed with foster carers',
        'placed for adoption',
        'in a secure children’s home',
        'in supported accommodation',
        'placed with parents',
        'in a young offender institution or prison',
        'at a residential school',
        'in a temporary placement',
        'in another placement',
        'in a placement (Q9)',
      ],
    );
  });
});

describe('episodesOverlap — source: DfE CIN census validation rule 8820 (a child’s CIN episodes must not overlap)', () => {
  const cases: [string, EpisodeSpan, EpisodeSpan, boolean][] = [
    // why, a, b, overlap
    ['closure on day D and a referral on D do not overlap', span('2026-01-05', '2026-03-01'), span('2026-03-01'), false],
    ['a referral the day after a closure does not overlap', span('2026-01-05', '2026-03-01'), span('2026-03-02', '2026-04-01'), false],
    ['a referral the day before the other closes overlaps', span('2026-01-05', '2026-03-01'), span('2026-02-28'), true],
    ['two open episodes overlap', span('2026-01-05'), span('2026-03-01'), true],
    ['an open episode and a later closed one overlap', span('2026-01-05'), span('2026-03-01', '2026-04-01'), true],
    ['an open episode and an earlier closed one ending on its referral date do not overlap', span('2026-03-01'), span('2026-01-05', '2026-03-01'), false],
    ['one episode inside another overlaps', span('2026-01-05', '2026-12-01'), span('2026-03-01', '2026-04-01'), true],
    ['the same episode overlaps itself', span('2026-01-05', '2026-03-01'), span('2026-01-05', '2026-03-01'), true],
    ['two same-day episodes (opened and closed on D) meet at D but do not overlap', span('2026-03-01', '2026-03-01'), span('2026-03-01', '2026-03-01'), false],
    ['a same-day episode on D and an episode from D onwards do not overlap', span('2026-03-01', '2026-03-01'), span('2026-03-01'), false],
  ];
  for (const [why, a, b, overlap] of cases) {
    test(`${why}: ${overlap}`, () => {
      assert.equal(episodesOverlap(a, b), overlap);
      assert.equal(episodesOverlap(b, a), overlap, 'in either order');
    });
  }
});
