import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RagClockHours, RagRating } from '../front-door/rag.js';
import { parsePlainDate } from '../time/index.js';
import { RULE_MASH_DECISION, RULE_REFERRAL_DECISION, mashDecisionDue, referralDecisionDue } from './front-door.js';

const at = (iso: string) => new Date(iso);

describe('mashDecisionDue — source: the local MASH RAG standard (domain.md §1.1 row 1; red 4, amber 24, green 72 hours by default, configurable)', () => {
  interface Case {
    name: string;
    receivedAt: string;
    ratings: [RagRating, string][];
    hours?: RagClockHours;
    dueAt: string;
  }
  const cases: Case[] = [
    { name: 'not yet rated: the red clock runs from receipt', receivedAt: '2026-11-23T09:00:00Z', ratings: [], dueAt: '2026-11-23T13:00:00Z' },
    { name: 'rated red: 4 hours from receipt', receivedAt: '2026-11-23T09:00:00Z', ratings: [['red', '2026-11-23T09:10:00Z']], dueAt: '2026-11-23T13:00:00Z' },
    { name: 'rated amber: 24 hours from receipt', receivedAt: '2026-11-23T09:00:00Z', ratings: [['amber', '2026-11-23T09:10:00Z']], dueAt: '2026-11-24T09:00:00Z' },
    { name: 'rated green: 72 hours from receipt, through the weekend (hours, not working hours)', receivedAt: '2026-11-27T16:00:00Z', ratings: [['green', '2026-11-27T16:30:00Z']], dueAt: '2026-11-30T16:00:00Z' },
    { name: 'a first rating given late still runs from receipt (the contact was waiting all along)', receivedAt: '2026-11-23T09:00:00Z', ratings: [['red', '2026-11-23T15:00:00Z']], dueAt: '2026-11-23T13:00:00Z' },
    { name: 're-rated red: the new clock starts at the re-rating', receivedAt: '2026-11-23T09:00:00Z', ratings: [['amber', '2026-11-23T09:30:00Z'], ['red', '2026-11-23T14:00:00Z']], dueAt: '2026-11-23T18:00:00Z' },
    { name: 're-rated green after red: 72 hours from the re-rating', receivedAt: '2026-11-23T09:00:00Z', ratings: [['red', '2026-11-23T09:30:00Z'], ['green', '2026-11-23T11:00:00Z']], dueAt: '2026-11-26T11:00:00Z' },
    { name: 'three ratings: only the latest counts', receivedAt: '2026-11-23T09:00:00Z', ratings: [['green', '2026-11-23T09:05:00Z'], ['red', '2026-11-23T10:00:00Z'], ['amber', '2026-11-23T12:00:00Z']], dueAt: '2026-11-24T12:00:00Z' },
    { name: 'custom hours (red 2): unrated', receivedAt: '2026-11-23T09:00:00Z', ratings: [], hours: { red: 2, amber: 8, green: 48 }, dueAt: '2026-11-23T11:00:00Z' },
    { name: 'custom hours (amber 8)', receivedAt: '2026-11-23T09:00:00Z', ratings: [['amber', '2026-11-23T09:05:00Z']], hours: { red: 2, amber: 8, green: 48 }, dueAt: '2026-11-23T17:00:00Z' },
    { name: 'custom hours (green 48) on a re-rating', receivedAt: '2026-11-23T09:00:00Z', ratings: [['red', '2026-11-23T09:05:00Z'], ['green', '2026-11-23T10:00:00Z']], hours: { red: 2, amber: 8, green: 48 }, dueAt: '2026-11-25T10:00:00Z' },
    // The clocks go back at 02:00 BST on Sunday 25 October 2026 (01:00 UTC): the clocks count elapsed hours.
    { name: 'red across the clocks going back: received 00:30 BST, due 03:30 GMT (4 hours later, 3 on the wall clock)', receivedAt: '2026-10-24T23:30:00Z', ratings: [], dueAt: '2026-10-25T03:30:00Z' },
    { name: 'amber across the clocks going back: received 22:00 BST Saturday, due 21:00 GMT Sunday', receivedAt: '2026-10-24T21:00:00Z', ratings: [['amber', '2026-10-24T21:30:00Z']], dueAt: '2026-10-25T21:00:00Z' },
    // The clocks go forward at 01:00 GMT on Sunday 29 March 2026.
    { name: 'red across the clocks going forward: received 23:00 GMT Saturday, due 04:00 BST Sunday', receivedAt: '2026-03-28T23:00:00Z', ratings: [], dueAt: '2026-03-29T03:00:00Z' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const due = mashDecisionDue(
        { id: 'contact-1', personId: 'person-1', receivedAt: at(c.receivedAt), decidedAt: null, ratings: c.ratings.map(([rating, ratedAt]) => ({ rating, ratedAt: at(ratedAt) })) },
        c.hours,
      );
      assert.equal(due.dueAt?.toISOString(), at(c.dueAt).toISOString());
      assert.equal(due.dueOn, null, 'an hour clock has an instant, not a date');
      assert.equal(due.metAt, null);
      assert.equal(due.metOn, null);
    });
  }

  test('the basis says which clock runs and from when, in London time', () => {
    const base = { id: 'c', personId: 'p', receivedAt: at('2026-10-24T23:30:00Z'), decidedAt: null };
    assert.equal(mashDecisionDue({ ...base, ratings: [] }).basis, 'Not yet RAG rated: the red clock (4 hours) runs from receipt on 25 October 2026 at 12:30am');
    assert.equal(mashDecisionDue({ ...base, ratings: [{ rating: 'amber', ratedAt: at('2026-10-25T09:00:00Z') }] }).basis, 'Rated amber: 24 hours from receipt on 25 October 2026 at 12:30am');
    assert.equal(
      mashDecisionDue({ ...base, ratings: [{ rating: 'amber', ratedAt: at('2026-10-25T09:00:00Z') }, { rating: 'red', ratedAt: at('2026-10-25T14:15:00Z') }] }, { red: 2, amber: 8, green: 48 }).basis,
      'Re-rated red on 25 October 2026 at 2:15pm: 2 hours from the re-rating',
    );
  });

  test('met when decided: metAt is the decision, metOn its London date (23:30 UTC in summer is the next day)', () => {
    const due = mashDecisionDue({ id: 'c', personId: 'p', receivedAt: at('2026-07-01T20:00:00Z'), decidedAt: at('2026-07-01T23:30:00Z'), ratings: [{ rating: 'red', ratedAt: at('2026-07-01T20:05:00Z') }] });
    assert.equal(due.metAt?.toISOString(), '2026-07-01T23:30:00.000Z');
    assert.equal(due.metOn, '2026-07-02');
    assert.equal(due.dueAt?.toISOString(), '2026-07-02T00:00:00.000Z');
  });

  test('the item names its rule, subject and source', () => {
    const due = mashDecisionDue({ id: 'contact-9', personId: 'person-9', receivedAt: at('2026-11-23T09:00:00Z'), decidedAt: null, ratings: [] });
    assert.equal(due.rule, RULE_MASH_DECISION);
    assert.equal(due.subjectType, 'contact');
    assert.equal(due.subjectId, 'contact-9');
    assert.equal(due.personId, 'person-9');
    assert.match(due.source, /Local MASH RAG standard/);
  });
});

describe('referralDecisionDue — source: Working Together to Safeguard Children 2023 (decide the type of response within 1 working day of the referral)', () => {
  const cases: [string, string, string][] = [
    // referral date, due, why
    ['2026-11-23', '2026-11-24', 'Monday → Tuesday'],
    ['2026-11-26', '2026-11-27', 'Thursday → Friday'],
    ['2026-11-27', '2026-11-30', 'Friday → Monday'],
    ['2026-11-28', '2026-11-30', 'Saturday (the referral day is day 0 whatever the day) → Monday'],
    ['2026-11-29', '2026-11-30', 'Sunday → Monday'],
    ['2026-04-02', '2026-04-07', 'Thursday before Easter → Tuesday (Good Friday 3 April, Easter Monday 6 April 2026)'],
    ['2026-04-03', '2026-04-07', 'Good Friday (a bank holiday is day 0) → Tuesday'],
    ['2026-05-22', '2026-05-26', 'Friday before the Spring bank holiday (25 May 2026) → Tuesday'],
    ['2026-08-28', '2026-09-01', 'Friday before the Summer bank holiday (31 August 2026) → Tuesday'],
    ['2026-12-23', '2026-12-24', 'Wednesday 23 December → Thursday 24 December'],
    ['2026-12-24', '2026-12-29', 'Thursday 24 December → Tuesday 29 December (Christmas Day Friday 25, Boxing Day substitute Monday 28)'],
    ['2026-12-31', '2027-01-04', 'year end: Thursday 31 December → Monday 4 January (New Year’s Day Friday 1 January 2027)'],
    ['2027-12-24', '2027-12-29', 'Friday 24 December 2027 → Wednesday 29 December (substitute days 27 and 28 December 2027)'],
  ];
  for (const [referral, due, why] of cases) {
    test(`${why}: referral ${referral} is due ${due}`, () => {
      const item = referralDecisionDue({ id: 'e', personId: 'p', referralDate: parsePlainDate(referral), referralDecidedOn: null });
      assert.equal(item.dueOn, due);
      assert.equal(item.dueAt, null);
      assert.equal(item.metOn, null);
    });
  }

  test('met on the day the response was decided; the basis and the source are stated', () => {
    const item = referralDecisionDue({ id: 'episode-1', personId: 'person-1', referralDate: parsePlainDate('2026-12-24'), referralDecidedOn: parsePlainDate('2026-12-29') });
    assert.equal(item.metOn, '2026-12-29');
    assert.equal(item.rule, RULE_REFERRAL_DECISION);
    assert.equal(item.subjectType, 'cin_episode');
    assert.equal(item.subjectId, 'episode-1');
    assert.equal(item.basis, '1 working day from the referral on 24 December 2026');
    assert.match(item.source, /^Working Together to Safeguard Children 2023/);
  });
});
