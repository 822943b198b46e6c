import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ObligationRecord } from './child-record.js';
import { type Row, child, d, of, run } from './test-support.js';

type Check = ObligationRecord['healthChecks'][number];
const period = (startDate: string, endDate: string | null = null) => ({ id: 'poc', startDate: d(startDate), endDate: endDate ? d(endDate) : null });
const checks = (type: Check['type'], ...dates: string[]): Check[] => dates.map((x, i) => ({ id: `${type}-${i}`, type, date: d(x) }));

const cases: { name: string; record: ObligationRecord; rule: string; expected: Row[] }[] = [
  // CPR 2010 reg 7; Promoting the health and well-being of looked-after children (2015).
  {
    name: 'reg 7: the initial health assessment before the first review, 20 working days from Thu 17 Dec 2026 across Christmas: Tue 19 Jan 2027',
    record: child({ periodsOfCare: [period('2026-12-17')] }),
    rule: 'la-initial-health-assessment',
    expected: [['2027-01-19', null, null]],
  },
  {
    name: 'reg 7: one done in the 3 months before the period (1 Nov 2026) meets it; one 4 months before (1 Sep 2026) does not',
    record: child({ periodsOfCare: [period('2026-12-17')], healthChecks: checks('initial_health_assessment', '2026-11-01') }),
    rule: 'la-initial-health-assessment',
    expected: [['2027-01-19', '2026-11-01', null]],
  },
  {
    name: 'reg 7: an assessment 4 months before does not count',
    record: child({ periodsOfCare: [period('2026-12-17')], healthChecks: checks('initial_health_assessment', '2026-08-01') }),
    rule: 'la-initial-health-assessment',
    expected: [['2027-01-19', null, null]],
  },
  {
    name: 'reg 7 and Sch 1: review health assessments 6-monthly under 5 (5th birthday 10 Jan 2028), then 12-monthly',
    record: child({
      dateOfBirth: d('2023-01-10'),
      periodsOfCare: [period('2026-12-17')],
      healthChecks: [...checks('initial_health_assessment', '2027-01-12'), ...checks('review_health_assessment', '2027-07-01', '2028-01-05', '2028-06-30')],
    }),
    rule: 'la-review-health-assessment',
    expected: [
      ['2027-07-12', '2027-07-01', null],
      ['2028-01-01', '2028-01-05', null],
      ['2028-07-05', '2028-06-30', null],
      ['2029-06-30', null, null],
    ],
  },
  {
    name: 'reg 7: no review health assessment before the initial one is done',
    record: child({ dateOfBirth: d('2023-01-10'), periodsOfCare: [period('2026-12-17')] }),
    rule: 'la-review-health-assessment',
    expected: [],
  },
  // SSDA903 OC2 TEETH_CHECK.
  {
    name: 'SSDA903 OC2: a dental check by 12 months in care (10 Mar 2026), one made earlier meets it, then 12 months from the last',
    record: child({ periodsOfCare: [period('2025-03-10')], healthChecks: checks('dental_check', '2025-09-01') }),
    rule: 'la-dental-check',
    expected: [
      ['2026-03-10', '2025-09-01', null],
      ['2026-09-01', null, null],
    ],
  },
  {
    name: 'SSDA903 OC2: a child in care less than 12 months owes none',
    record: child({ periodsOfCare: [period('2025-03-10', '2025-12-01')] }),
    rule: 'la-dental-check',
    expected: [],
  },
  // SSDA903 OC2 SDQ: in care 12 months, aged 4-16.
  {
    name: 'SSDA903 OC2: an SDQ at 12 months in care for a 10-year-old, then yearly from the last',
    record: child({ dateOfBirth: d('2015-01-01'), periodsOfCare: [period('2025-03-10')], sdqs: [{ id: 's', date: d('2026-02-20') }] }),
    rule: 'la-sdq',
    expected: [
      ['2026-03-10', '2026-02-20', null],
      ['2027-02-20', null, null],
    ],
  },
  {
    name: 'SSDA903 OC2: a child who came into care at 2 owes the first at their 4th birthday (1 Jun 2027)',
    record: child({ dateOfBirth: d('2023-06-01'), periodsOfCare: [period('2025-03-10')] }),
    rule: 'la-sdq',
    expected: [['2027-06-01', null, null]],
  },
  {
    name: 'SSDA903 OC2: a 16-year-old who turns 17 (1 Sep 2025) before 12 months in care owes none',
    record: child({ dateOfBirth: d('2008-09-01'), periodsOfCare: [period('2025-03-10')] }),
    rule: 'la-sdq',
    expected: [],
  },
  // Promoting the education of looked-after and previously looked-after children (DfE 2018); term dates from the setting's defaults.
  {
    name: 'PEP within 10 working days of Thu 17 Dec 2026 (Tue 5 Jan 2027), then one in each term after: spring 2027 (met by the same meeting on its first day) and summer 2027 (by 21 Jul 2027)',
    record: child({ dateOfBirth: d('2015-01-01'), periodsOfCare: [period('2026-12-17')], peps: [{ id: 'p', date: d('2027-01-05') }] }),
    rule: 'la-pep',
    expected: [
      ['2027-01-05', '2027-01-05', null],
      ['2027-03-25', '2027-01-05', null],
      ['2027-07-21', null, null],
    ],
  },
  {
    name: 'PEP: a child under school age (3) owes none',
    record: child({ dateOfBirth: d('2024-01-01'), periodsOfCare: [period('2026-12-17')] }),
    rule: 'la-pep',
    expected: [],
  },
  {
    name: 'PEP: a period of care that ended mid-term (15 Feb 2027) owes no plan for that term; the autumn term had begun before it started',
    record: child({ dateOfBirth: d('2015-01-01'), periodsOfCare: [period('2026-09-07', '2027-02-15')], peps: [{ id: 'p', date: d('2026-09-18') }] }),
    rule: 'la-pep',
    expected: [['2026-09-21', '2026-09-18', null]],
  },
];

describe('looked-after children’s health and education', () => {
  for (const c of cases) {
    test(c.name, () => {
      assert.deepEqual(of(run(c.record), c.rule), c.expected);
    });
  }

  test('terms are a local setting: an authority’s own terms move the PEP due dates', () => {
    const record = child({ dateOfBirth: d('2015-01-01'), periodsOfCare: [period('2026-12-17')], peps: [{ id: 'p', date: d('2027-01-05') }] });
    const items = run(record, { schoolTerms: [{ name: 'Spring term 2027', start: d('2027-01-06'), end: d('2027-04-01') }] });
    assert.deepEqual(of(items, 'la-pep'), [
      ['2027-01-05', '2027-01-05', null],
      ['2027-04-01', null, null],
    ]);
  });
});
