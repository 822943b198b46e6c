import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ObligationRecord } from './child-record.js';
import { type Row, child, d, of, run } from './test-support.js';

// Christmas 2026 in England and Wales: Friday 25 December, Monday 28 December (Boxing Day
// substitute) and Friday 1 January 2027 are bank holidays.
type Placement = ObligationRecord['placements'][number];
const period = (startDate: string, endDate: string | null = null) => ({ id: 'poc', startDate: d(startDate), endDate: endDate ? d(endDate) : null });
const placement = (id: string, type: string, startDate: string, extra: Partial<Placement> = {}): Placement => ({ id, periodId: 'poc', type, startDate: d(startDate), endDate: null, longTerm: false, planAgreedOn: null, ...extra });
const reviews = (...dates: string[]) => dates.map((x, i) => ({ id: `r${i}`, periodId: 'poc', date: d(x) }));
const seen = (...dates: string[]) => dates.map((x, i) => ({ id: `v${i}`, date: d(x), seen: true, seenAlone: false, writtenUpOn: d(x) }));

const cases: { name: string; record: ObligationRecord; rule: string; expected: Row[] }[] = [
  // Care Planning, Placement and Case Review (England) Regulations 2010, reg 4: the care plan within 10 working days of the first placement.
  {
    name: 'reg 4: care plan 10 working days from a first placement on Thu 17 Dec 2026, skipping 25 and 28 Dec and 1 Jan: Tue 5 Jan 2027',
    record: child({ periodsOfCare: [period('2026-12-17')], placements: [placement('pl', 'U6', '2026-12-17')] }),
    rule: 'la-care-plan',
    expected: [['2027-01-05', null, null]],
  },
  {
    name: 'reg 4: a care plan made before the placement meets it',
    record: child({ periodsOfCare: [period('2026-12-17')], placements: [placement('pl', 'U6', '2026-12-17')], carePlans: [{ id: 'cp', periodId: 'poc', startDate: d('2026-12-16') }] }),
    rule: 'la-care-plan',
    expected: [['2027-01-05', '2026-12-16', null]],
  },
  {
    name: 'reg 4: a period of care that ended (after 2 days) before the care plan fell due owed none',
    record: child({ periodsOfCare: [period('2026-12-17', '2026-12-18')], placements: [placement('pl', 'U6', '2026-12-17', { endDate: d('2026-12-18') })] }),
    rule: 'la-care-plan',
    expected: [],
  },
  // reg 9: the placement plan within 5 working days of each placement's start.
  {
    name: 'reg 9: placement plan 5 working days from Mon 21 Dec 2026: Wed 30 Dec; the second placement has its own; a temporary (T1) placement none',
    record: child({
      periodsOfCare: [period('2026-12-17')],
      placements: [
        placement('a', 'U6', '2026-12-17', { endDate: d('2026-12-21'), planAgreedOn: d('2026-12-17') }),
        placement('b', 'K2', '2026-12-21', { endDate: d('2027-02-01') }),
        placement('t', 'T1', '2027-02-01', { endDate: d('2027-02-03') }),
        placement('c', 'K2', '2027-02-03', { planAgreedOn: d('2027-02-02') }),
      ],
    }),
    rule: 'la-placement-plan',
    expected: [
      ['2026-12-24', '2026-12-17', null],
      ['2026-12-30', null, '2027-02-01'],
      ['2027-02-10', '2027-02-02', null],
    ],
  },
  // reg 33: looked-after reviews.
  {
    name: 'reg 33: first review 20 working days from Thu 17 Dec 2026 (Tue 19 Jan 2027), the second 3 months after the first, then 6-monthly from the last, however late',
    record: child({ periodsOfCare: [period('2026-12-17')], claReviews: reviews('2027-01-18', '2027-04-14', '2027-10-20') }),
    rule: 'la-review-first',
    expected: [['2027-01-19', '2027-01-18', null]],
  },
  {
    name: 'reg 33: the second review 3 months from the first on 18 Jan 2027',
    record: child({ periodsOfCare: [period('2026-12-17')], claReviews: reviews('2027-01-18', '2027-04-14', '2027-10-20') }),
    rule: 'la-review-second',
    expected: [['2027-04-18', '2027-04-14', null]],
  },
  {
    name: 'reg 33: later reviews 6 months from the last (the third held late, 20 Oct 2027)',
    record: child({ periodsOfCare: [period('2026-12-17')], claReviews: reviews('2027-01-18', '2027-04-14', '2027-10-20') }),
    rule: 'la-review',
    expected: [
      ['2027-10-14', '2027-10-20', null],
      ['2028-04-20', null, null],
    ],
  },
  {
    name: 'reg 33: a period of care that ended before the first review fell due owed none',
    record: child({ periodsOfCare: [period('2026-12-17', '2027-01-08')] }),
    rule: 'la-review-first',
    expected: [],
  },
  // reg 28: statutory visits, the variant as at each visit.
  {
    name: 'reg 28(2): within 1 week of the placement (calendar days: Thu 24 Dec 2026, a working day), then every 6 weeks in its first year',
    record: child({ periodsOfCare: [period('2026-12-17')], placements: [placement('pl', 'U6', '2026-12-17')], visits: seen('2026-12-23', '2027-02-01') }),
    rule: 'la-visit',
    expected: [
      ['2026-12-24', '2026-12-23', null],
      ['2027-02-03', '2027-02-01', null],
      ['2027-03-15', null, null],
    ],
  },
  {
    name: 'reg 28(2): after the first year of a long-term placement (U4), 3 months from the last visit',
    record: child({ periodsOfCare: [period('2025-01-06')], placements: [placement('pl', 'U4', '2025-01-06', { longTerm: true })], visits: seen('2025-01-10', '2026-02-02') }),
    rule: 'la-visit',
    expected: [
      ['2025-01-13', '2025-01-10', null],
      ['2025-02-21', '2026-02-02', null],
      ['2026-05-02', null, null],
    ],
  },
  {
    name: 'reg 28(2): after the first year of a placement not intended to last, still 6 weeks',
    record: child({ periodsOfCare: [period('2025-01-06')], placements: [placement('pl', 'U6', '2025-01-06')], visits: seen('2025-01-10', '2026-02-02') }),
    rule: 'la-visit',
    expected: [
      ['2025-01-13', '2025-01-10', null],
      ['2025-02-21', '2026-02-02', null],
      ['2026-03-16', null, null],
    ],
  },
  {
    name: 'reg 28(2): a new placement restarts the chain with a visit within a week; one that fell due before the move and was not made was missed',
    record: child({ periodsOfCare: [period('2026-01-05')], placements: [placement('a', 'U6', '2026-01-05', { endDate: d('2026-01-20') }), placement('b', 'K2', '2026-01-20')], visits: seen('2026-01-26') }),
    rule: 'la-visit',
    expected: [
      ['2026-01-12', null, '2026-01-20'],
      ['2026-01-27', '2026-01-26', null],
      ['2026-03-09', null, null],
    ],
  },
  {
    name: 'reg 28(2): a move before the next visit was due replaces it, nothing missed',
    record: child({ periodsOfCare: [period('2026-01-05')], placements: [placement('a', 'U6', '2026-01-05', { endDate: d('2026-02-02') }), placement('b', 'K2', '2026-02-02')], visits: seen('2026-01-08', '2026-02-06') }),
    rule: 'la-visit',
    expected: [
      ['2026-01-12', '2026-01-08', null],
      ['2026-02-09', '2026-02-06', null],
      ['2026-03-20', null, null],
    ],
  },
  {
    name: 'reg 28(4): placed with a parent (P1) under an interim care order (C1): weekly until the first review (11 Jan 2027), then every 4 weeks',
    record: child({
      periodsOfCare: [period('2026-12-17')],
      placements: [placement('pl', 'P1', '2026-12-17')],
      legalStatuses: [{ id: 'ls', periodId: 'poc', code: 'C1', startDate: d('2026-12-17'), endDate: null }],
      claReviews: reviews('2027-01-11'),
      visits: seen('2026-12-22', '2026-12-29', '2027-01-05', '2027-01-12'),
    }),
    rule: 'la-visit',
    expected: [
      ['2026-12-24', '2026-12-22', null],
      ['2026-12-29', '2026-12-29', null],
      ['2027-01-05', '2027-01-05', null],
      ['2027-01-12', '2027-01-12', null],
      ['2027-02-09', null, null],
    ],
  },
  {
    name: 'reg 28(3): placed with a parent before the assessment is complete (no care order): weekly until the first review, then every 6 weeks',
    record: child({ periodsOfCare: [period('2026-12-17')], placements: [placement('pl', 'P1', '2026-12-17')], claReviews: reviews('2027-01-11'), visits: seen('2026-12-22', '2027-01-12') }),
    rule: 'la-visit',
    expected: [
      ['2026-12-24', '2026-12-22', null],
      ['2026-12-29', '2027-01-12', null],
      ['2027-02-23', null, null],
    ],
  },
  {
    name: 'reg 28(5): placed with a parent under a care order (C2): every 6 weeks',
    record: child({
      periodsOfCare: [period('2026-12-17')],
      placements: [placement('pl', 'P1', '2026-12-17')],
      legalStatuses: [{ id: 'ls', periodId: 'poc', code: 'C2', startDate: d('2026-12-17'), endDate: null }],
      visits: seen('2026-12-22'),
    }),
    rule: 'la-visit',
    expected: [
      ['2026-12-24', '2026-12-22', null],
      ['2027-02-02', null, null],
    ],
  },
  {
    name: 'reg 28(4): with a connected person (U3) under temporary approval: weekly until the first review, then 4 weeks; after the 16 weeks of temporary approval (reg 25), 6 weeks',
    record: child({ periodsOfCare: [period('2026-12-17')], placements: [placement('pl', 'U3', '2026-12-17')], claReviews: reviews('2027-01-11'), visits: seen('2026-12-22', '2027-01-12', '2027-02-09', '2027-04-12') }),
    rule: 'la-visit',
    expected: [
      ['2026-12-24', '2026-12-22', null],
      ['2026-12-29', '2027-01-12', null],
      ['2027-02-09', '2027-02-09', null],
      ['2027-03-09', '2027-04-12', null],
      ['2027-05-24', null, null],
    ],
  },
  {
    name: 'reg 28: a visit where the child was not seen does not meet it; the chain ends with the period of care, a visit due by then missed',
    record: child({
      periodsOfCare: [period('2026-12-17', '2027-02-19')],
      placements: [placement('pl', 'U6', '2026-12-17', { endDate: d('2027-02-19') })],
      visits: [...seen('2026-12-23'), { id: 'x', date: d('2027-02-02'), seen: false, seenAlone: false, writtenUpOn: null }],
    }),
    rule: 'la-visit',
    expected: [
      ['2026-12-24', '2026-12-23', null],
      ['2027-02-03', null, '2027-02-19'],
    ],
  },
];

describe('Care Planning, Placement and Case Review (England) Regulations 2010: plans, reviews and visits', () => {
  for (const c of cases) {
    test(c.name, () => {
      assert.deepEqual(of(run(c.record), c.rule), c.expected);
    });
  }

  test('each visit names why it is due when, in the variant that applied', () => {
    const items = run(cases.find((c) => c.name.startsWith('reg 28(4): placed with a parent'))!.record).filter((i) => i.rule === 'la-visit');
    assert.equal(items[0]!.basis, '1 week from the start of the placement on 17 December 2026');
    assert.equal(items[1]!.basis, '1 week from the last visit on 22 December 2026 (placed with a parent under an interim care order: weekly until the first review)');
    assert.equal(items.at(-1)!.basis, '4 weeks from the last visit on 12 January 2027 (placed with a parent under an interim care order, after the first review)');
  });
});
