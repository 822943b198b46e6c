import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePlainDate } from '../time/index.js';
import { type ObligationRecord, emptyRecord } from './child-record.js';
import { computeObligations } from './engine.js';
import { DEFAULT_LOCAL_NORMS } from './local-norms.js';
import { recordAsAt } from './record-as-at.js';

const d = parsePlainDate;
const record: ObligationRecord = {
  ...emptyRecord('child-1'),
  episodes: [{ id: 'ep', referralDate: d('2026-03-02'), referralDecision: 'strategy_discussion', referralDecidedOn: d('2026-03-02'), closureDate: d('2026-06-30') }],
  strategyDiscussions: [{ id: 'sd', episodeId: 'ep', date: d('2026-03-03'), decision: 's47' }],
  s47Enquiries: [{ id: 's47', episodeId: 'ep', strategyDiscussionId: 'sd', startDate: d('2026-03-03'), endDate: d('2026-03-20'), icpcRequired: true }],
  cpPlans: [{ id: 'plan', icpcId: 'icpc', startDate: d('2026-03-24'), endDate: d('2026-06-30') }],
  icpcs: [{ id: 'icpc', episodeId: 'ep', s47EnquiryId: 's47', transferIn: false, date: d('2026-03-24'), planRequired: true }],
  visits: [
    { id: 'v1', date: d('2026-03-27'), seen: true, seenAlone: true, writtenUpOn: d('2026-04-01') },
    { id: 'v2', date: d('2026-04-09'), seen: true, seenAlone: true, writtenUpOn: d('2026-04-10') },
  ],
};

test('the record as at a date keeps only what had happened by then', () => {
  const then = recordAsAt(record, d('2026-03-30'));
  assert.deepEqual(then.episodes.map((e) => e.closureDate), [null], 'not yet closed');
  assert.deepEqual(then.s47Enquiries.map((s) => [s.endDate, s.icpcRequired]), [['2026-03-20', true]]);
  assert.deepEqual(then.cpPlans.map((p) => p.endDate), [null], 'the plan had not ended');
  assert.deepEqual(then.visits.map((v) => [v.id, v.writtenUpOn]), [['v1', null]], 'the second visit had not happened; the first was not yet written up');
});

test('obligations as at a past date: a write-up owed then, no items from later visits, the plan’s visits still running', () => {
  const items = computeObligations(recordAsAt(record, d('2026-03-30')), DEFAULT_LOCAL_NORMS);
  const writeUps = items.filter((i) => i.rule === 'visit-write-up').map((i) => [i.subjectId, i.dueOn, i.metOn]);
  // Visit Friday 27 March 2026: 2 working days on is Tuesday 31 March; not written up by 30 March.
  assert.deepEqual(writeUps, [['v1', '2026-03-31', null]]);
  const visits = items.filter((i) => i.rule === 'cp-visit').map((i) => [i.dueOn, i.metOn, i.lapsedOn ?? null]);
  // Plan from Tuesday 24 March: first visit due 10 working days on, 9 April (25, 26, 27, 30, 31 March,
  // 1, 2, then Good Friday 3 and Easter Monday 6 April skipped, 7, 8, 9), met on 27 March; the next
  // 10 working days after 27 March: 14 April. The visit of 9 April had not happened by 30 March.
  assert.deepEqual(visits, [['2026-04-09', '2026-03-27', null], ['2026-04-14', null, null]]);
  const before = computeObligations(recordAsAt(record, d('2026-03-01')), DEFAULT_LOCAL_NORMS);
  assert.deepEqual(before, [], 'before the referral nothing was owed');
});

test('the looked-after slice as at a date: a placement not yet started, a plan not yet agreed, a child not yet back', () => {
  const inCare: ObligationRecord = {
    ...emptyRecord('child-2'),
    periodsOfCare: [{ id: 'poc', startDate: d('2026-03-02'), endDate: d('2026-08-01') }],
    placements: [
      { id: 'a', periodId: 'poc', type: 'U6', startDate: d('2026-03-02'), endDate: d('2026-05-01'), longTerm: false, planAgreedOn: d('2026-03-12') },
      { id: 'b', periodId: 'poc', type: 'K2', startDate: d('2026-05-01'), endDate: d('2026-08-01'), longTerm: false, planAgreedOn: d('2026-05-04') },
    ],
    missingEpisodes: [{ id: 'm', type: 'M', startDate: d('2026-03-08'), endDate: d('2026-03-11'), returnedAt: new Date('2026-03-11T20:00:00Z'), rhiOfferedOn: d('2026-03-13'), strategyMeetingOn: d('2026-03-12') }],
    careLeaverStatuses: [{ id: 'cl', eligibility: 'eligible', startDate: d('2026-03-01'), endDate: null, needsAssessedOn: d('2026-05-20') }],
  };
  const then = recordAsAt(inCare, d('2026-03-10'));
  assert.deepEqual(then.periodsOfCare.map((p) => p.endDate), [null], 'still in care then');
  assert.deepEqual(then.placements.map((p) => [p.id, p.endDate, p.planAgreedOn]), [['a', null, null]], 'the move had not happened; the plan was not yet agreed');
  assert.deepEqual(then.missingEpisodes.map((m) => [m.endDate, m.returnedAt, m.rhiOfferedOn, m.strategyMeetingOn]), [[null, null, null, null]], 'still missing');
  assert.deepEqual(then.careLeaverStatuses.map((c) => c.needsAssessedOn), [null]);
  // Missing since Sunday 8 March: absent 72 hours on Wednesday 11 March, the meeting 1 working day on.
  assert.deepEqual(computeObligations(then, DEFAULT_LOCAL_NORMS).filter((i) => i.rule === 'missing-strategy-meeting').map((i) => [i.dueOn, i.metOn]), [['2026-03-12', null]]);
});
