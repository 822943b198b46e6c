import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ObligationRecord } from './child-record.js';
import { type Row, child, d, of, run } from './test-support.js';

type Episode = ObligationRecord['missingEpisodes'][number];
const episode = (id: string, startDate: string, endDate: string | null, extra: Partial<Episode> = {}): Episode => ({ id, type: 'M', startDate: d(startDate), endDate: endDate ? d(endDate) : null, returnedAt: null, rhiOfferedOn: null, strategyMeetingOn: null, ...extra });
type Status = ObligationRecord['careLeaverStatuses'][number];
const status = (id: string, eligibility: Status['eligibility'], startDate: string, endDate: string | null = null, needsAssessedOn: string | null = null): Status => ({ id, eligibility, startDate: d(startDate), endDate: endDate ? d(endDate) : null, needsAssessedOn: needsAssessedOn ? d(needsAssessedOn) : null });

const cases: { name: string; record: ObligationRecord; rule: string; expected: Row[] }[] = [
  // Statutory guidance on children who run away or go missing from home or care (DfE 2014).
  {
    name: 'DfE 2014: the return home interview within 72 hours of a return at 21:30 on Christmas Eve 2026 (calendar hours, bank holidays included): 27 Dec, offered late on 29 Dec',
    record: child({ missingEpisodes: [episode('m', '2026-12-23', '2026-12-24', { returnedAt: new Date('2026-12-24T21:30:00Z'), rhiOfferedOn: d('2026-12-29') })] }),
    rule: 'return-home-interview',
    expected: [['2026-12-27', '2026-12-29', null]],
  },
  {
    name: 'DfE 2014: a return at 00:30 British Summer Time on 11 Jul 2026 (23:30 UTC on the 10th) is due on the London date 72 hours on: 14 Jul',
    record: child({ missingEpisodes: [episode('m', '2026-07-09', '2026-07-11', { returnedAt: new Date('2026-07-10T23:30:00Z') })] }),
    rule: 'return-home-interview',
    expected: [['2026-07-14', null, null]],
  },
  {
    name: 'DfE 2014: without the time of return, 3 days from the date; a child still missing or only away (A) owes none yet; going missing again before an offer passes the duty to that episode',
    record: child({ missingEpisodes: [episode('m1', '2026-12-20', '2026-12-24'), episode('a', '2026-12-26', '2026-12-27', { type: 'A' }), episode('m2', '2027-01-02', null)] }),
    rule: 'return-home-interview',
    expected: [['2026-12-27', null, '2027-01-02']],
  },
  // Local standard (configurable): 72 hours, or 3 episodes in 90 days; 1 working day.
  {
    name: 'Local standard: a child still missing 72 hours after Wed 23 Dec 2026 triggers on Sat 26 Dec; the meeting 1 working day on, past 28 Dec: Tue 29 Dec',
    record: child({ missingEpisodes: [episode('m', '2026-12-23', null)] }),
    rule: 'missing-strategy-meeting',
    expected: [['2026-12-29', null, null]],
  },
  {
    name: 'Local standard: back within 2 days owes none',
    record: child({ missingEpisodes: [episode('m', '2026-12-23', '2026-12-25')] }),
    rule: 'missing-strategy-meeting',
    expected: [],
  },
  {
    name: 'Local standard: the 3rd missing episode within 90 days (1 Oct, 15 Nov, Thu 24 Dec 2026: 84 days) triggers on its day; met on the day',
    record: child({ missingEpisodes: [episode('m1', '2026-10-01', '2026-10-02'), episode('m2', '2026-11-15', '2026-11-16'), episode('m3', '2026-12-24', '2026-12-24', { strategyMeetingOn: d('2026-12-24') })] }),
    rule: 'missing-strategy-meeting',
    expected: [['2026-12-29', '2026-12-24', null]],
  },
  {
    name: 'Local standard: three episodes over 95 days (1 Sep, 1 Oct, 5 Dec 2026) trigger nothing',
    record: child({ missingEpisodes: [episode('m1', '2026-09-01', '2026-09-02'), episode('m2', '2026-10-01', '2026-10-02'), episode('m3', '2026-12-05', '2026-12-06')] }),
    rule: 'missing-strategy-meeting',
    expected: [],
  },
  // Care leavers: CPR 2010 Part 7 and the Care Leavers (England) Regulations 2010; Children Act 1989 s23C.
  {
    name: 'CPR 2010 Part 7: the needs assessment 3 months from becoming eligible (1 Jun 2026, after the 16th birthday on 20 May 2026): 1 Sep 2026',
    record: child({ dateOfBirth: d('2010-05-20'), careLeaverStatuses: [status('e', 'eligible', '2026-06-01', null, '2026-08-15')] }),
    rule: 'cl-needs-assessment',
    expected: [['2026-09-01', '2026-08-15', null]],
  },
  {
    name: 'CPR 2010 Part 7: eligible from before the 16th birthday runs from the birthday: the pathway plan due 20 Aug 2026',
    record: child({ dateOfBirth: d('2010-05-20'), careLeaverStatuses: [status('e', 'eligible', '2026-02-01')] }),
    rule: 'cl-pathway-plan',
    expected: [['2026-08-20', null, null]],
  },
  {
    name: 'Care Leavers (England) Regulations 2010: the pathway plan reviewed at least every 6 months from the last',
    record: child({
      dateOfBirth: d('2010-05-20'),
      careLeaverStatuses: [status('e', 'eligible', '2026-06-01')],
      pathwayPlans: [
        { id: 'p', date: d('2026-08-20'), isReview: false },
        { id: 'r', date: d('2027-02-10'), isReview: true },
      ],
    }),
    rule: 'cl-pathway-plan-review',
    expected: [
      ['2027-02-20', '2027-02-10', null],
      ['2027-08-10', null, null],
    ],
  },
  {
    name: 'Children Act 1989 s23C; Local standard: keeping in touch with a former relevant young person every 8 weeks; a contact not in touch (NO) does not count',
    record: child({
      careLeaverStatuses: [status('f', 'former_relevant', '2028-05-20')],
      careLeaverContacts: [
        { id: 'c1', date: d('2028-07-01'), inTouch: 'YES' },
        { id: 'c2', date: d('2028-08-20'), inTouch: 'NO' },
        { id: 'c3', date: d('2028-09-30'), inTouch: 'YES' },
      ],
    }),
    rule: 'cl-keeping-in-touch',
    expected: [
      ['2028-07-15', '2028-07-01', null],
      ['2028-08-26', '2028-09-30', null],
      ['2028-11-25', null, null],
    ],
  },
  {
    name: 'a qualifying care leaver owes none of these',
    record: child({ dateOfBirth: d('2010-05-20'), careLeaverStatuses: [status('q', 'qualifying', '2027-01-10')] }),
    rule: 'cl-needs-assessment',
    expected: [],
  },
];

describe('missing children and care leavers', () => {
  for (const c of cases) {
    test(c.name, () => {
      assert.deepEqual(of(run(c.record), c.rule), c.expected);
    });
  }

  test('the return home interview keeps its hour clock: due at the instant 72 hours after the return', () => {
    const [item] = run(child({ missingEpisodes: [episode('m', '2026-12-23', '2026-12-24', { returnedAt: new Date('2026-12-24T21:30:00Z') })] })).filter((i) => i.rule === 'return-home-interview');
    assert.equal(item!.dueAt?.toISOString(), '2026-12-27T21:30:00.000Z');
    assert.equal(item!.basis, '72 hours from the return, 24 December 2026 at 9:30pm');
  });

  test('the missing triggers are local settings: 7 days absent, 2 episodes in 30 days, the same day', () => {
    const record = child({ missingEpisodes: [episode('m1', '2026-12-01', '2026-12-02'), episode('m2', '2026-12-20', '2026-12-29')] });
    const items = run(record, { missingStrategyAbsentHours: 168, missingStrategyEpisodes: 2, missingStrategyWindowDays: 30, missingStrategyWorkingDays: 0 });
    assert.deepEqual(of(items, 'missing-strategy-meeting'), [['2026-12-20', null, null]]);
  });
});
