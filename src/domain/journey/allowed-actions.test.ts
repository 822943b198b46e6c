import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ObligationRecord, emptyRecord } from '../obligations/child-record.js';
import { parsePlainDate } from '../time/index.js';
import { type CaseAction, allowedActions } from './allowed-actions.js';

const d = parsePlainDate;
type Rec = { -readonly [K in keyof ObligationRecord]: ObligationRecord[K] extends readonly (infer T)[] ? T[] : ObligationRecord[K] };

/** A child's record built step by step, as the journey goes (ids are fixed so links can name them). */
function record(...steps: ((r: Rec) => void)[]): ObligationRecord {
  const r = { ...emptyRecord('child') } as unknown as Rec;
  for (const key of Object.keys(r) as (keyof Rec)[]) if (Array.isArray(r[key])) (r as unknown as Record<string, unknown[]>)[key] = [];
  for (const step of steps) step(r);
  return r;
}

const EP = 'ep1';
const openEpisode = (r: Rec) => r.episodes.push({ id: EP, referralDate: d('2026-03-16'), referralDecision: 'assessment', referralDecidedOn: d('2026-03-16'), closureDate: null });
const closedEpisode = (r: Rec) => r.episodes.push({ id: 'ep0', referralDate: d('2025-01-06'), referralDecision: 'assessment', referralDecidedOn: d('2025-01-06'), closureDate: d('2025-03-01') });
const assessmentOpen = (r: Rec) => r.assessments.push({ id: 'a1', episodeId: EP, startDate: d('2026-03-17'), authorisedDate: null, outcome: null });
const assessmentAuthorised = (r: Rec) => r.assessments.push({ id: 'a1', episodeId: EP, startDate: d('2026-03-17'), authorisedDate: d('2026-04-20'), outcome: 'cin_plan' });
const strategy = (decision: 's47' | 'no_s47', id = 'sd1') => (r: Rec) => r.strategyDiscussions.push({ id, episodeId: EP, date: d('2026-03-23'), decision });
const s47Open = (r: Rec) => r.s47Enquiries.push({ id: 's1', episodeId: EP, strategyDiscussionId: 'sd1', startDate: d('2026-03-23'), endDate: null, icpcRequired: null });
const s47Ended = (icpcRequired: boolean) => (r: Rec) => r.s47Enquiries.push({ id: 's1', episodeId: EP, strategyDiscussionId: 'sd1', startDate: d('2026-03-23'), endDate: d('2026-04-01'), icpcRequired });
const icpc = (planRequired: boolean) => (r: Rec) => r.icpcs.push({ id: 'c1', episodeId: EP, s47EnquiryId: 's1', transferIn: false, date: d('2026-04-14'), planRequired });
const cpPlanOpen = (r: Rec) => r.cpPlans.push({ id: 'p1', icpcId: 'c1', startDate: d('2026-04-14'), endDate: null });
const cpPlanEnded = (r: Rec) => r.cpPlans.push({ id: 'p1', icpcId: 'c1', startDate: d('2026-04-14'), endDate: d('2026-10-14') });
const cinPlanOpen = (r: Rec) => r.cinPlans.push({ id: 'n1', startDate: d('2026-05-01'), endDate: null });
const cinPlanEnded = (r: Rec) => r.cinPlans.push({ id: 'n1', startDate: d('2026-05-01'), endDate: d('2026-09-01') });
const closeEpisode = (r: Rec) => {
  r.episodes = r.episodes.map((e) => (e.id === EP ? { ...e, closureDate: d('2026-11-01') } : e));
};

type Expect = Partial<Record<CaseAction, true | RegExp>>;

/** [why, the record, what is allowed (true) or refused (the reason's words)] */
const cases: [string, ObligationRecord, Expect][] = [
  [
    'no episode at all: nothing but the front door',
    record(),
    {
      'record-assessment': /no open child in need episode\. Record a contact and a referral first/,
      'record-strategy-discussion': /no open child in need episode/,
      'record-visit': /no open child in need episode/,
      'record-initial-conference': /no open child in need episode/,
      'close-episode': /no open child in need episode/,
      'record-review-conference': /not on a child protection plan/,
      'record-core-group': /not on a child protection plan/,
      'end-cin-plan': /no open child in need plan/,
      'record-cin-plan-review': /no open child in need plan/,
    },
  ],
  ['only a closed episode: as if none', record(closedEpisode), { 'record-assessment': /no open child in need episode/, 'close-episode': /no open child in need episode/ }],
  [
    'a referral just responded to: assessment, strategy discussion, visit, CIN plan, transfer-in conference and closure are open',
    record(openEpisode),
    {
      'record-assessment': true,
      'record-strategy-discussion': true,
      'record-visit': true,
      'start-cin-plan': true,
      'record-initial-conference': true,
      'close-episode': true,
      'authorise-assessment': /no assessment awaiting authorisation/,
      'record-s47': /starts at a strategy discussion that decided on one\. Record the strategy discussion first/,
      'record-s47-outcome': /no open section 47 enquiry/,
      'record-review-conference': /not on a child protection plan/,
      'record-core-group': /not on a child protection plan/,
      'end-cin-plan': /no open child in need plan/,
      'record-cin-plan-review': /no open child in need plan/,
    },
  ],
  [
    'an assessment in progress: no second one (CIN census 8890), it can be authorised, and the episode cannot close (8867)',
    record(openEpisode, assessmentOpen),
    { 'record-assessment': /already in progress; authorise it before starting another/, 'authorise-assessment': true, 'close-episode': /assessment is still open\. Authorise it/ },
  ],
  ['an authorised assessment: another may start, and the episode may close', record(openEpisode, assessmentAuthorised), { 'record-assessment': true, 'authorise-assessment': /no assessment awaiting/, 'close-episode': true }],
  [
    'a strategy discussion that decided on a section 47: the enquiry can start; the episode cannot close until it does',
    record(openEpisode, strategy('s47')),
    { 'record-s47': true, 'record-s47-outcome': /no open section 47/, 'close-episode': /strategy discussion decided on a section 47 enquiry and none is recorded/ },
  ],
  ['a strategy discussion that decided against a section 47: no enquiry to start', record(openEpisode, strategy('no_s47')), { 'record-s47': /Record the strategy discussion first/, 'close-episode': true }],
  [
    'an open section 47: no second one (8839), its outcome can be recorded, no closure (8868)',
    record(openEpisode, strategy('s47'), s47Open),
    { 'record-s47': /already open; record its outcome first/, 'record-s47-outcome': true, 'close-episode': /section 47 enquiry is still open/ },
  ],
  [
    'a second strategy discussion deciding on a section 47 while one is open: still one at a time',
    record(openEpisode, strategy('s47'), s47Open, strategy('s47', 'sd2')),
    { 'record-s47': /already open/ },
  ],
  [
    'a section 47 that needs a conference: the conference can be recorded; closing waits for it',
    record(openEpisode, strategy('s47'), s47Ended(true)),
    { 'record-initial-conference': true, 'record-s47-outcome': /no open section 47/, 'close-episode': /decided an initial conference was needed and none is recorded/ },
  ],
  ['a section 47 that needed no conference: the episode may close', record(openEpisode, strategy('s47'), s47Ended(false)), { 'close-episode': true, 'record-initial-conference': true }],
  ['a conference that decided on no plan: the episode may close', record(openEpisode, strategy('s47'), s47Ended(true), icpc(false)), { 'close-episode': true, 'record-core-group': /not on a child protection plan/ }],
  [
    'on a child protection plan: reviews, core groups and visits; no second conference, no CIN plan (4001), no closure',
    record(openEpisode, strategy('s47'), s47Ended(true), icpc(true), cpPlanOpen),
    {
      'record-review-conference': true,
      'record-core-group': true,
      'record-visit': true,
      'record-initial-conference': /already on a child protection plan/,
      'start-cin-plan': /on a child protection plan; a child in need plan cannot run alongside it/,
      'close-episode': /on a child protection plan\. End the plan at a review conference first/,
    },
  ],
  [
    'the plan ended at a review: a CIN plan may follow (step down), core groups and reviews stop, the episode may close',
    record(openEpisode, strategy('s47'), s47Ended(true), icpc(true), cpPlanEnded),
    { 'start-cin-plan': true, 'record-core-group': /not on a child protection plan/, 'record-review-conference': /not on a child protection plan/, 'record-initial-conference': true, 'close-episode': true },
  ],
  [
    'a CIN plan open: it can be reviewed and ended; no second one; closure waits',
    record(openEpisode, assessmentAuthorised, cinPlanOpen),
    { 'start-cin-plan': /already open/, 'end-cin-plan': true, 'record-cin-plan-review': true, 'close-episode': /child in need plan is still open\. End it first/ },
  ],
  ['a CIN plan ended: a new one may start; the episode may close', record(openEpisode, assessmentAuthorised, cinPlanEnded), { 'start-cin-plan': true, 'end-cin-plan': /no open child in need plan/, 'close-episode': true }],
  [
    'the episode closed with a plan still open (an inconsistent record): the plan can still be reviewed and ended, nothing new starts',
    record(openEpisode, strategy('s47'), s47Ended(true), icpc(true), cpPlanOpen, cinPlanOpen, closeEpisode),
    { 'record-review-conference': true, 'record-core-group': true, 'end-cin-plan': true, 'record-cin-plan-review': true, 'record-visit': /no open child in need episode/, 'record-assessment': /no open child in need episode/ },
  ],
  [
    'work in an earlier, closed episode does not count against the open one',
    record(closedEpisode, (r) => r.assessments.push({ id: 'old', episodeId: 'ep0', startDate: d('2025-01-07'), authorisedDate: null, outcome: null }), openEpisode),
    { 'record-assessment': true, 'authorise-assessment': /no assessment awaiting/, 'close-episode': true },
  ],
];

describe('allowedActions: what a worker may record next, and why not', () => {
  for (const [why, r, expected] of cases) {
    test(why, () => {
      const decisions = allowedActions(r);
      for (const [action, want] of Object.entries(expected) as [CaseAction, true | RegExp][]) {
        const got = decisions[action];
        if (want === true) {
          assert.deepEqual(got, { allowed: true, reason: null }, `${action} should be allowed`);
        } else {
          assert.equal(got.allowed, false, `${action} should be refused`);
          assert.match(got.reason ?? '', want, action);
        }
      }
    });
  }

  test('every refusal says why, and nothing allowed carries a reason', () => {
    for (const [, r] of cases) {
      for (const [action, decision] of Object.entries(allowedActions(r))) {
        if (decision.allowed) assert.equal(decision.reason, null, action);
        else assert.ok(decision.reason && decision.reason.length > 10, action);
      }
    }
  });

  test('the closure gate names the first thing still open, in journey order', () => {
    const all = record(openEpisode, assessmentOpen, strategy('s47'), s47Open, cpPlanOpen, cinPlanOpen);
    assert.match(allowedActions(all)['close-episode'].reason!, /assessment is still open/);
  });
});
