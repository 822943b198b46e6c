import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PlainDate } from '../time/index.js';
import { type EpisodeSpan, type JourneyStatus, episodesOverlap, journeyStatusLabels, journeyStatusOn } from './status.js';

const span = (referralDate: string, closureDate: string | null = null): EpisodeSpan => ({ referralDate: referralDate as PlainDate, closureDate: closureDate as PlainDate | null });

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
      assert.equal(journeyStatusOn({ episodes, contactsAwaitingDecision: waiting }, date as PlainDate), status);
    });
  }

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
