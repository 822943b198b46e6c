/**
 * Each indicator against a small authority built by hand, with its figure worked out here (issue
 * 12). Dates cross Christmas 2026: Friday 25 December, Monday 28 December (Boxing Day's substitute)
 * and Friday 1 January 2027 are bank holidays in England.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type PlainDate, parsePlainDate, workingDaysBetween } from '../time/index.js';
import { INDICATORS, type IndicatorChild, type IndicatorInput, indicatorById } from './index.js';

const d = (s: string): PlainDate => parsePlainDate(s);
const episode = (id: string, referralDate: string, extra: { decision?: string; closed?: string } = {}) => ({
  id,
  referralDate: d(referralDate),
  referralDecision: extra.decision ?? null,
  referralDecidedOn: extra.decision ? d(referralDate) : null,
  closureDate: extra.closed ? d(extra.closed) : null,
});
const child = (personId: string, parts: Partial<IndicatorChild>): IndicatorChild => ({ personId, contacts: [], episodes: [], assessments: [], s47Enquiries: [], icpcs: [], cpPlans: [], ...parts });
const contact = (receivedOn: string, decision: string | null) => ({ receivedOn: d(receivedOn), decision });
const plan = (id: string, start: string, end: string | null = null) => ({ id, icpcId: null, startDate: d(start), endDate: end ? d(end) : null });
const s47 = (id: string, start: string) => ({ id, episodeId: 'e', strategyDiscussionId: 'sd', startDate: d(start), endDate: null, icpcRequired: true });
const icpc = (id: string, date: string, s47EnquiryId: string | null, transferIn = false) => ({ id, episodeId: 'e', s47EnquiryId, transferIn, date: d(date), planRequired: true });

const authority: IndicatorChild[] = [
  child('A', {
    contacts: [contact('2026-03-15', 'nfa'), contact('2026-05-01', 'referral')],
    episodes: [episode('A1', '2025-09-01', { closed: '2026-01-10' }), episode('A2', '2026-05-01', { decision: 'assessment' })],
    // 45 working days from Monday 30 November 2026 is Thursday 4 February 2027 (three bank holidays on the way).
    assessments: [{ id: 'Aa', episodeId: 'A2', startDate: d('2026-11-30'), authorisedDate: d('2027-02-04'), outcome: 'cin' }],
  }),
  child('B', {
    contacts: [contact('2026-06-10', 'advice'), contact('2026-06-20', null), contact('2026-07-01', 'strategy_discussion')],
    episodes: [episode('B1', '2024-07-01', { closed: '2025-01-01' }), episode('B2', '2026-07-01', { decision: 'strategy_discussion' })],
    assessments: [{ id: 'Ba', episodeId: 'B2', startDate: d('2026-11-30'), authorisedDate: d('2027-02-05'), outcome: 'cin' }],
    // 15 working days from Monday 14 December 2026 is Thursday 7 January 2027: the 8th is one late.
    s47Enquiries: [s47('Bs', '2026-12-14')],
    icpcs: [icpc('Bi', '2027-01-08', 'Bs')],
    cpPlans: [plan('Bp1', '2024-08-01', '2024-12-01'), plan('Bp2', '2027-01-08')],
  }),
  child('C', {
    contacts: [contact('2026-04-01', 'referral')],
    episodes: [episode('C1', '2026-04-01', { decision: 'nfa', closed: '2026-04-01' }), episode('C2', '2026-12-10')],
    s47Enquiries: [s47('Cs', '2026-12-14')],
    icpcs: [icpc('Ci', '2027-01-07', 'Cs')],
    cpPlans: [plan('Cp', '2024-05-01', '2026-05-01')],
  }),
  child('D', {
    episodes: [episode('D1', '2025-06-01')],
    icpcs: [icpc('Di', '2026-10-01', null, true)],
    cpPlans: [plan('Dp', '2025-10-02', '2026-10-01')],
  }),
  child('E', { contacts: [contact('2027-03-31', 'referral')], episodes: [episode('E1', '2027-04-01')] }),
];

const year2026to27: IndicatorInput = { children: authority, window: { from: d('2026-04-01'), to: d('2027-03-31') }, population0to17: 20000 };

describe('indicators for 2026-27 (1 April 2026 to 31 March 2027) over a hand-built authority of five children', () => {
  test('the working-day counts the table relies on, across Christmas 2026', () => {
    assert.equal(workingDaysBetween(d('2026-11-30'), d('2027-02-04')), 45);
    assert.equal(workingDaysBetween(d('2026-12-14'), d('2027-01-07')), 15);
  });

  const table: { id: string; numerator: number; denominator: number | null; value: number | null; children: string[]; why: string }[] = [
    { id: 'contacts', numerator: 6, denominator: null, value: 6, children: ['A', 'B', 'C', 'E'], why: 'both ends of the year count; A’s March 2026 contact does not' },
    { id: 'contact-conversion', numerator: 4, denominator: 5, value: 80, children: ['A', 'B', 'C', 'E'], why: 'B’s undecided contact is left out; B’s advice is not a referral; a strategy discussion is' },
    { id: 'referrals-rate', numerator: 4, denominator: 20000, value: 2, children: ['A', 'B', 'C'], why: 'A2, B2, C1, C2; E’s referral on 1 April 2027 is next year' },
    { id: 're-referrals', numerator: 2, denominator: 4, value: 50, children: ['A', 'C'], why: 'A2 is 8 months after A1; C2 8 months after C1; B2 is 24 months after B1' },
    { id: 'referrals-nfa', numerator: 1, denominator: 4, value: 25, children: ['C'], why: 'C1 was no further action' },
    { id: 'assessments-45-wd', numerator: 1, denominator: 2, value: 50, children: ['A'], why: 'A authorised on the 45th working day, B on the 46th' },
    { id: 'cin-rate', numerator: 4, denominator: 20000, value: 2, children: ['A', 'B', 'C', 'D'], why: 'open at 31 March 2027: A2, B2, C2, D1; C1 closed; E1 not begun' },
    { id: 's47-rate', numerator: 2, denominator: 20000, value: 1, children: ['B', 'C'], why: 'two enquiries started' },
    { id: 'icpc-rate', numerator: 2, denominator: 20000, value: 1, children: ['B', 'C'], why: 'D’s transfer-in conference is not an initial conference after an enquiry here' },
    { id: 'icpc-15-wd', numerator: 1, denominator: 2, value: 50, children: ['C'], why: 'C on the 15th working day, B on the 16th' },
    { id: 's47-to-icpc', numerator: 2, denominator: 2, value: 100, children: ['B', 'C'], why: 'two conferences from two enquiries' },
    { id: 'cp-plans-rate', numerator: 1, denominator: 20000, value: 0.5, children: ['B'], why: 'only B’s second plan is open at 31 March 2027' },
    { id: 'cp-plans-started', numerator: 1, denominator: null, value: 1, children: ['B'], why: 'B’s plan of 8 January 2027' },
    { id: 'cp-plans-second', numerator: 1, denominator: 1, value: 100, children: ['B'], why: 'B was on a plan in 2024' },
    { id: 'cp-plans-two-years', numerator: 1, denominator: 2, value: 50, children: ['C'], why: 'C’s plan ended on its second anniversary (two years); D’s lasted under a year' },
  ];
  for (const row of table) {
    test(`${row.id}: ${row.why}`, () => {
      const indicator = indicatorById(row.id);
      assert.ok(indicator, row.id);
      const result = indicator.compute(year2026to27);
      assert.deepEqual(
        { numerator: result.numerator, denominator: result.denominator, value: result.value, children: [...result.childIds].sort() },
        { numerator: row.numerator, denominator: row.denominator, value: row.value, children: row.children },
      );
    });
  }

  test('every indicator in the catalogue is in the table above', () => {
    assert.deepEqual(INDICATORS.map((i) => i.id).sort(), table.map((r) => r.id).sort());
  });
});

describe('the catalogue', () => {
  test('ids are unique, and each indicator has a title, a plain definition and a source', () => {
    assert.equal(new Set(INDICATORS.map((i) => i.id)).size, INDICATORS.length);
    for (const i of INDICATORS) {
      assert.ok(i.title && i.definition.endsWith('.') && i.source, i.id);
      if (i.england) assert.match(i.england.year, /^\d{4}(-\d{2})?$/, i.id);
    }
  });

  test('a share with nothing to share has no value, rather than 0% or a division by zero', () => {
    const empty: IndicatorInput = { children: [], window: year2026to27.window, population0to17: 20000 };
    for (const i of INDICATORS.filter((x) => x.unit === 'percent')) assert.equal(i.compute(empty).value, null, i.id);
    const noPopulation: IndicatorInput = { ...empty, population0to17: 0 };
    for (const i of INDICATORS.filter((x) => x.unit === 'per-10k')) assert.equal(i.compute(noPopulation).value, null, i.id);
  });
});
