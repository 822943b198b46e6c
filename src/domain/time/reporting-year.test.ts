import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePlainDate as d } from './plain-date.js';
import { isReportingYear, recentReportingYears, reportingYearOf, windowOf } from './reporting-year.js';

test('the DfE reporting year runs from 1 April to 31 March', () => {
  assert.equal(reportingYearOf(d('2026-03-31')), '2025-26');
  assert.equal(reportingYearOf(d('2026-04-01')), '2026-27');
  assert.equal(reportingYearOf(d('2099-12-31')), '2099-00');
});

test('a year still running is cut at today; a past year is whole', () => {
  assert.deepEqual(windowOf('2026-27' as never, d('2026-12-08')), { from: '2026-04-01', to: '2026-12-08', complete: false });
  assert.deepEqual(windowOf('2025-26' as never, d('2026-12-08')), { from: '2025-04-01', to: '2026-03-31', complete: true });
});

test('years offered, newest first; and only well-formed years are accepted from a query', () => {
  assert.deepEqual(recentReportingYears(d('2026-12-08'), 3), ['2026-27', '2025-26', '2024-25']);
  assert.equal(isReportingYear('2025-26'), true);
  assert.equal(isReportingYear('2025-27'), false);
  assert.equal(isReportingYear('2025'), false);
  assert.equal(isReportingYear(undefined), false);
});
