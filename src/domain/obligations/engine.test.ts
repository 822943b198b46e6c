import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePlainDate } from '../time/index.js';
import { type ObligationRecord, emptyRecord } from './child-record.js';
import type { DueItem } from './due-item.js';
import { computeObligations } from './engine.js';
import { DEFAULT_LOCAL_NORMS } from './local-norms.js';

const d = parsePlainDate;
const child = (parts: Partial<ObligationRecord>): ObligationRecord => ({ ...emptyRecord('child-1'), ...parts });
const episode = (referralDate: string, extra: Partial<ObligationRecord['episodes'][number]> = {}) => ({ id: 'ep', referralDate: d(referralDate), referralDecision: null, referralDecidedOn: null, closureDate: null, ...extra });

/** The items of one rule as [dueOn, metOn, lapsedOn], in due order. */
function of(items: DueItem[], rule: string): [string | null, string | null, string | null][] {
  return items
    .filter((i) => i.rule === rule)
    .sort((a, b) => (a.dueOn! < b.dueOn! ? -1 : a.dueOn! > b.dueOn! ? 1 : 0))
    .map((i) => [i.dueOn, i.metOn, i.lapsedOn ?? null]);
}

const run = (r: ObligationRecord) => computeObligations(r, DEFAULT_LOCAL_NORMS);

describe('Working Together to Safeguard Children 2023: referral and assessment', () => {
  const table: { name: string; record: ObligationRecord; rule: string; expected: [string | null, string | null, string | null][] }[] = [
    {
      name: 'referral decision within 1 working day: Thursday before Easter is due the Tuesday after (Good Friday 3 and Easter Monday 6 April 2026)',
      record: child({ episodes: [episode('2026-04-02')] }),
      rule: 'referral-decision',
      expected: [['2026-04-07', null, null]],
    },
    {
      name: 'assessment within 45 working days of referral, across Easter and the early May bank holiday',
      record: child({ episodes: [episode('2026-03-02', { referralDecision: 'assessment', referralDecidedOn: d('2026-03-03') })] }),
      rule: 'assessment',
      expected: [['2026-05-07', null, null]],
    },
    {
      name: 'assessment met on the date it is authorised, however late',
      record: child({
        episodes: [episode('2026-03-02', { referralDecision: 'assessment', referralDecidedOn: d('2026-03-03') })],
        assessments: [{ id: 'a', episodeId: 'ep', startDate: d('2026-03-04'), authorisedDate: d('2026-05-12'), outcome: 'cin_plan' }],
      }),
      rule: 'assessment',
      expected: [['2026-05-07', '2026-05-12', null]],
    },
    {
      name: 'an episode closed without an authorised assessment: the duty lapsed at closure',
      record: child({ episodes: [episode('2026-03-02', { referralDecision: 'assessment', referralDecidedOn: d('2026-03-02'), closureDate: d('2026-03-20') })] }),
      rule: 'assessment',
      expected: [['2026-05-07', null, '2026-03-20']],
    },
  ];
  for (const row of table) test(row.name, () => assert.deepEqual(of(run(row.record), row.rule), row.expected));
});

describe('child protection timescales', () => {
  const strategy = (date: string, id = 'sd') => ({ id, episodeId: 'ep', date: d(date), decision: 's47' as const });
  const s47 = (start: string, sd = 'sd') => ({ id: 's47', episodeId: 'ep', strategyDiscussionId: sd, startDate: d(start), endDate: null, icpcRequired: true });

  test('strategy discussion within 1 working day (local standard) of the referral decision; Friday before the August bank holiday is due Tuesday', () => {
    const r = child({ episodes: [episode('2026-08-27', { referralDecision: 'strategy_discussion', referralDecidedOn: d('2026-08-28') })] });
    assert.deepEqual(of(run(r), 'strategy-discussion'), [['2026-09-01', null, null]]);
  });

  test('a strategy discussion held during the assessment meets the duty from the assessment’s outcome authorised later (on time)', () => {
    const r = child({
      episodes: [episode('2026-03-02', { referralDecision: 'assessment', referralDecidedOn: d('2026-03-02') })],
      assessments: [{ id: 'a', episodeId: 'ep', startDate: d('2026-03-03'), authorisedDate: d('2026-03-20'), outcome: 'strategy_discussion' }],
      strategyDiscussions: [strategy('2026-03-10')],
    });
    // Authorised Friday 20 March 2026; 1 working day on is Monday 23 March.
    assert.deepEqual(of(run(r), 'strategy-discussion'), [['2026-03-23', '2026-03-10', null]]);
  });

  test('the assessment’s outcome "strategy discussion" records the one already held after the referral’s decision: both met by it', () => {
    const r = child({
      episodes: [episode('2026-03-02', { referralDecision: 'strategy_discussion', referralDecidedOn: d('2026-03-02') })],
      assessments: [{ id: 'a', episodeId: 'ep', startDate: d('2026-03-02'), authorisedDate: d('2026-04-01'), outcome: 'strategy_discussion' }],
      strategyDiscussions: [strategy('2026-03-03')],
    });
    // Referral decision Monday 2 March: due Tuesday 3 March. Outcome authorised Wednesday 1 April:
    // due Thursday 2 April (Good Friday is 3 April). The discussion of 3 March meets both.
    assert.deepEqual(of(run(r), 'strategy-discussion'), [['2026-03-03', '2026-03-03', null], ['2026-04-02', '2026-03-03', null]]);
  });

  test('an assessment’s outcome with no discussion held yet is met by the first one after it; late when after the due date', () => {
    const r = child({
      episodes: [episode('2026-03-02', { referralDecision: 'assessment', referralDecidedOn: d('2026-03-02') })],
      assessments: [{ id: 'a', episodeId: 'ep', startDate: d('2026-03-02'), authorisedDate: d('2026-04-02'), outcome: 'strategy_discussion' }],
      strategyDiscussions: [strategy('2026-04-08')],
    });
    // Authorised Thursday 2 April 2026; Good Friday 3 and Easter Monday 6 April: due Tuesday 7 April.
    assert.deepEqual(of(run(r), 'strategy-discussion'), [['2026-04-07', '2026-04-08', null]]);
  });

  test('a strategy discussion decided but never held lapses when the episode closes', () => {
    const r = child({ episodes: [episode('2026-03-02', { referralDecision: 'strategy_discussion', referralDecidedOn: d('2026-03-02'), closureDate: d('2026-03-31') })] });
    assert.deepEqual(of(run(r), 'strategy-discussion'), [['2026-03-03', null, '2026-03-31']]);
  });

  test('Working Together 2023 example: strategy discussion Monday 12 September 2022, initial conference due Tuesday 4 October 2022 (19 September 2022 was a bank holiday)', () => {
    const r = child({ episodes: [episode('2022-09-12')], strategyDiscussions: [{ ...strategy('2022-09-12') }], s47Enquiries: [s47('2022-09-12')] });
    assert.deepEqual(of(run(r), 'initial-conference'), [['2022-10-04', null, null]]);
  });

  test('initial conference 15 working days from the strategy discussion across Christmas and New Year (year end)', () => {
    const r = child({ episodes: [episode('2025-12-12')], strategyDiscussions: [strategy('2025-12-15')], s47Enquiries: [s47('2025-12-15')] });
    const items = of(run(r), 'initial-conference');
    assert.deepEqual(items, [['2026-01-08', null, null]]);
  });

  test('an amended strategy discussion date moves the initial conference due date', () => {
    const r = child({ episodes: [episode('2025-12-12')], strategyDiscussions: [strategy('2025-12-17')], s47Enquiries: [s47('2025-12-17')] });
    assert.deepEqual(of(run(r), 'initial-conference'), [['2026-01-12', null, null]]);
  });

  test('with several strategy discussions the clock runs from the last one', () => {
    const r = child({ episodes: [episode('2025-12-12')], strategyDiscussions: [strategy('2025-12-15', 'sd'), strategy('2025-12-17', 'sd2')], s47Enquiries: [s47('2025-12-15')] });
    assert.deepEqual(of(run(r), 'initial-conference'), [['2026-01-12', null, null]]);
  });

  test('a strategy discussion after the conference was held does not move its due date', () => {
    const r = child({
      episodes: [episode('2025-12-12')],
      strategyDiscussions: [strategy('2025-12-15'), strategy('2026-03-02', 'sd-later')],
      s47Enquiries: [s47('2025-12-15')],
      icpcs: [{ id: 'icpc', episodeId: 'ep', s47EnquiryId: 's47', transferIn: false, date: d('2026-01-08'), planRequired: true }],
    });
    assert.deepEqual(of(run(r), 'initial-conference'), [['2026-01-08', '2026-01-08', null]]);
  });

  test('the conference clock runs while the enquiry is open, before its outcome; an enquiry that needs no conference has none', () => {
    const open = child({ episodes: [episode('2025-12-12')], strategyDiscussions: [strategy('2025-12-15')], s47Enquiries: [{ ...s47('2025-12-15'), icpcRequired: null }] });
    assert.deepEqual(of(run(open), 'initial-conference'), [['2026-01-08', null, null]]);
    const none = child({ episodes: [episode('2025-12-12')], strategyDiscussions: [strategy('2025-12-15')], s47Enquiries: [{ ...s47('2025-12-15'), endDate: d('2025-12-30'), icpcRequired: false }] });
    assert.deepEqual(of(run(none), 'initial-conference'), []);
  });

  test('the conference is never due on a weekend', () => {
    for (const start of ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']) {
      const r = child({ episodes: [episode(start)], strategyDiscussions: [strategy(start)], s47Enquiries: [s47(start)] });
      const [item] = run(r).filter((i) => i.rule === 'initial-conference');
      const day = new Date(`${item!.dueOn}T12:00:00Z`).getUTCDay();
      assert.ok(day !== 0 && day !== 6, `${start} -> ${item!.dueOn}`);
    }
  });

  const plan = { id: 'plan', icpcId: 'icpc', startDate: d('2026-01-08'), endDate: null };
  const icpc = { id: 'icpc', episodeId: 'ep', s47EnquiryId: 's47', transferIn: false, date: d('2026-01-08'), planRequired: true };

  test('first core group within 10 working days of the conference, then monthly from the last one; a late one resets the next', () => {
    const r = child({ cpPlans: [plan], icpcs: [icpc], coreGroups: [{ id: 'g1', planId: 'plan', date: d('2026-01-20') }, { id: 'g2', planId: 'plan', date: d('2026-03-03') }] });
    const items = run(r);
    assert.deepEqual(of(items, 'first-core-group'), [['2026-01-22', '2026-01-20', null]]);
    assert.deepEqual(of(items, 'core-group'), [
      ['2026-02-20', '2026-03-03', null],
      ['2026-04-03', null, null],
    ]);
  });

  test('review conference within 3 months of the initial conference, then every 6 months from the last review (late review resets)', () => {
    const r = child({ cpPlans: [plan], icpcs: [icpc], cpReviews: [{ id: 'r1', planId: 'plan', date: d('2026-04-20') }] });
    assert.deepEqual(of(run(r), 'review-conference'), [
      ['2026-04-08', '2026-04-20', null],
      ['2026-10-20', null, null],
    ]);
  });

  test('3 months from 30 November is 28 February (no 30 February)', () => {
    const r = child({ cpPlans: [{ ...plan, startDate: d('2025-11-30') }] });
    assert.deepEqual(of(run(r), 'review-conference'), [['2026-02-28', null, null]]);
  });

  test('CP visits every 10 working days from the plan start, then from each visit; the child seen alone at least on alternate visits', () => {
    const r = child({
      cpPlans: [plan],
      visits: [
        { id: 'v1', date: d('2026-01-15'), seen: true, seenAlone: false, writtenUpOn: d('2026-01-16') },
        { id: 'v2', date: d('2026-02-02'), seen: true, seenAlone: true, writtenUpOn: d('2026-02-06') },
      ],
    });
    const items = run(r);
    assert.deepEqual(of(items, 'cp-visit'), [
      ['2026-01-22', '2026-01-15', null],
      ['2026-01-29', '2026-02-02', null],
      ['2026-02-16', null, null],
    ]);
    assert.deepEqual(of(items, 'cp-visit-seen-alone'), [['2026-01-29', '2026-02-02', null]]);
    assert.deepEqual(of(items, 'visit-write-up'), [
      ['2026-01-19', '2026-01-16', null],
      ['2026-02-04', '2026-02-06', null],
    ]);
  });

  test('two visits in a row without seeing the child alone: the seen-alone duty is missed at the second', () => {
    const r = child({
      cpPlans: [plan],
      visits: [
        { id: 'v1', date: d('2026-01-15'), seen: true, seenAlone: false, writtenUpOn: null },
        { id: 'v2', date: d('2026-01-26'), seen: true, seenAlone: false, writtenUpOn: null },
      ],
    });
    assert.deepEqual(of(run(r), 'cp-visit-seen-alone'), [
      ['2026-01-29', null, '2026-01-26'],
      ['2026-02-09', null, null],
    ]);
  });

  test('a visit where the child was not seen does not count as a statutory visit', () => {
    const r = child({ cpPlans: [plan], visits: [{ id: 'v1', date: d('2026-01-15'), seen: false, seenAlone: false, writtenUpOn: null }] });
    assert.deepEqual(of(run(r), 'cp-visit'), [['2026-01-22', null, null]]);
  });

  test('a plan that ends before the next visit falls due leaves nothing outstanding', () => {
    const r = child({ cpPlans: [{ ...plan, endDate: d('2026-01-20') }], visits: [{ id: 'v1', date: d('2026-01-15'), seen: true, seenAlone: true, writtenUpOn: d('2026-01-15') }] });
    assert.deepEqual(of(run(r), 'cp-visit'), [['2026-01-22', '2026-01-15', null]]);
  });

  test('a plan that ends before a seen-alone visit was due owes none: nothing missed', () => {
    // Visit Thursday 15 January 2026, child not seen alone: the next was due 10 working days on, Thursday 29 January; the plan ended on 20 January.
    const r = child({ cpPlans: [{ ...plan, endDate: d('2026-01-20') }], visits: [{ id: 'v1', date: d('2026-01-15'), seen: true, seenAlone: false, writtenUpOn: d('2026-01-15') }] });
    assert.deepEqual(of(run(r), 'cp-visit-seen-alone'), []);
  });

  test('a plan that ends after a visit fell due but before it happened: the visit lapsed (missed)', () => {
    const r = child({ cpPlans: [{ ...plan, endDate: d('2026-01-26') }] });
    assert.deepEqual(of(run(r), 'cp-visit'), [['2026-01-22', null, '2026-01-26']]);
  });

  test('a transfer-in conference without a section 47: no initial-conference clock, but the plan’s core groups, reviews and visits run', () => {
    const r = child({ episodes: [episode('2026-01-05')], icpcs: [{ ...icpc, s47EnquiryId: null, transferIn: true }], cpPlans: [plan] });
    const items = run(r);
    assert.deepEqual(of(items, 'initial-conference'), []);
    assert.deepEqual(of(items, 'first-core-group'), [['2026-01-22', null, null]]);
    assert.deepEqual(of(items, 'review-conference'), [['2026-04-08', null, null]]);
    assert.deepEqual(of(items, 'cp-visit'), [['2026-01-22', null, null]]);
  });
});

describe('child in need plans and supervision (local standards)', () => {
  test('CIN visits every 20 working days and plan reviews every 3 months', () => {
    const r = child({
      cinPlans: [{ id: 'cin', startDate: d('2026-03-02'), endDate: null }],
      visits: [{ id: 'v1', date: d('2026-03-25'), seen: true, seenAlone: true, writtenUpOn: d('2026-03-25') }],
      cinPlanReviews: [{ id: 'r1', planId: 'cin', date: d('2026-05-29') }],
    });
    const items = run(r);
    // 20 working days from 2 March 2026 is 30 March; from 25 March, across Easter, 24 April.
    assert.deepEqual(of(items, 'cin-visit'), [
      ['2026-03-30', '2026-03-25', null],
      ['2026-04-24', null, null],
    ]);
    assert.deepEqual(of(items, 'cin-plan-review'), [
      ['2026-06-02', '2026-05-29', null],
      ['2026-08-29', null, null],
    ]);
  });

  test('each allocated child discussed in supervision monthly; 31 January + 1 month is 28 February', () => {
    const r = child({
      allocations: [{ id: 'al', workerId: 'w', startDate: d('2026-01-31'), endDate: null }],
      supervisionDiscussions: [{ id: 's1', date: d('2026-02-20') }],
    });
    assert.deepEqual(of(run(r), 'case-supervision'), [
      ['2026-02-28', '2026-02-20', null],
      ['2026-03-20', null, null],
    ]);
  });

  test('a visit written up late is met on the day it was written up; one not written up stays open', () => {
    const r = child({ visits: [{ id: 'v1', date: d('2026-04-02'), seen: true, seenAlone: false, writtenUpOn: d('2026-04-09') }, { id: 'v2', date: d('2026-04-09'), seen: true, seenAlone: false, writtenUpOn: null }] });
    assert.deepEqual(of(run(r), 'visit-write-up'), [
      ['2026-04-08', '2026-04-09', null],
      ['2026-04-13', null, null],
    ]);
  });
});
