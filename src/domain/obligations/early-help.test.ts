/**
 * Early help reviews: a local standard (configurable), every 6 calendar weeks by default
 * (SOURCE_EARLY_HELP_REVIEW). Calendar weeks, so a bank holiday does not move the date: dates
 * worked by hand below.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePlainDate } from '../time/index.js';
import { type ObligationRecord, emptyRecord } from './child-record.js';
import { computeObligations } from './engine.js';
import { DEFAULT_LOCAL_NORMS } from './local-norms.js';
import { RULE_EARLY_HELP_REVIEW, SOURCE_EARLY_HELP_REVIEW } from './rules/early-help.js';

const d = parsePlainDate;
const child = (parts: Partial<ObligationRecord>): ObligationRecord => ({ ...emptyRecord('child-1'), ...parts });
const episode = (startDate: string, endDate: string | null = null, id = 'eh1') => ({ id, startDate: d(startDate), endDate: endDate ? d(endDate) : null });
const review = (date: string, episodeId = 'eh1') => ({ id: `r-${date}`, episodeId, date: d(date) });

describe(`early help reviews (${SOURCE_EARLY_HELP_REVIEW})`, () => {
  const table: { name: string; record: ObligationRecord; weeks?: number; expected: [string, string | null, string | null][] }[] = [
    {
      name: 'the first review 6 weeks (42 days) from the start: Monday 2 November 2026 → Monday 14 December 2026',
      record: child({ earlyHelpEpisodes: [episode('2026-11-02')] }),
      expected: [['2026-12-14', null, null]],
    },
    {
      name: 'calendar weeks: across Christmas and New Year bank holidays, 1 December 2026 → 12 January 2027 (not moved)',
      record: child({ earlyHelpEpisodes: [episode('2026-12-01')] }),
      expected: [['2027-01-12', null, null]],
    },
    {
      name: 'each next review 6 weeks from the last: reviewed late on 20 January 2027, next due 3 March 2027',
      record: child({ earlyHelpEpisodes: [episode('2026-12-01')], earlyHelpReviews: [review('2027-01-20')] }),
      expected: [
        ['2027-01-12', '2027-01-20', null],
        ['2027-03-03', null, null],
      ],
    },
    {
      name: 'the setting: every 4 weeks from 2 November 2026 is 30 November 2026',
      record: child({ earlyHelpEpisodes: [episode('2026-11-02')] }),
      weeks: 4,
      expected: [['2026-11-30', null, null]],
    },
    {
      name: 'closed (or stepped up) after a review fell due and before it was held: it lapses on the end date',
      record: child({ earlyHelpEpisodes: [episode('2026-11-02', '2026-12-20')] }),
      expected: [['2026-12-14', null, '2026-12-20']],
    },
    {
      name: 'closed before the first review fell due: nothing owed',
      record: child({ earlyHelpEpisodes: [episode('2026-11-02', '2026-12-01')] }),
      expected: [],
    },
    {
      name: 'a review of another episode does not meet this one',
      record: child({ earlyHelpEpisodes: [episode('2026-11-02')], earlyHelpReviews: [review('2026-12-01', 'other')] }),
      expected: [['2026-12-14', null, null]],
    },
  ];
  for (const c of table) {
    test(c.name, () => {
      const items = computeObligations(c.record, { ...DEFAULT_LOCAL_NORMS, earlyHelpReviewWeeks: c.weeks ?? 6 }).filter((i) => i.rule === RULE_EARLY_HELP_REVIEW);
      assert.deepEqual(
        items.map((i) => [i.dueOn, i.metOn, i.lapsedOn ?? null]),
        c.expected,
      );
      for (const i of items) assert.equal(i.source, SOURCE_EARLY_HELP_REVIEW);
    });
  }

  test('the default is 6 weeks', () => assert.equal(DEFAULT_LOCAL_NORMS.earlyHelpReviewWeeks, 6));
});
