import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePlainDate } from '../../domain/time/index.js';
import { RULES, RULE_ORDER, isWorkKind, rulesOfKind, workHref, workKindLabels, workLabel } from './work-catalogue.js';

const P = 'child-1';

describe('what each obligation is called and where it is recorded', () => {
  // Every rule the timescale engine writes has a name in practitioners' words and a link.
  const CASES: [rule: string, label: string, href: string][] = [
    ['referral-decision', 'Decide the response to the referral', '/referrals/subject-1'],
    ['assessment', 'Child and family assessment', `/children/${P}/assessments/new`],
    ['strategy-discussion', 'Strategy discussion', `/children/${P}/strategy-discussions/new`],
    ['initial-conference', 'Initial child protection conference', `/children/${P}/conferences/initial/new`],
    ['first-core-group', 'First core group', `/children/${P}/core-groups/new`],
    ['core-group', 'Core group', `/children/${P}/core-groups/new`],
    ['review-conference', 'Review child protection conference', `/children/${P}/conferences/review/new`],
    ['cp-visit', 'CP statutory visit', `/children/${P}/visits/new`],
    ['cp-visit-seen-alone', 'CP visit: see the child alone', `/children/${P}/visits/new`],
    ['cin-visit', 'Child in need visit', `/children/${P}/visits/new`],
    ['cin-plan-review', 'Child in need plan review', `/children/${P}/cin-plan/reviews/new`],
    ['visit-write-up', 'Write up visit', `/children/${P}/visits/subject-1/write-up`],
    ['case-supervision', 'Case supervision', '/supervision/new?worker=worker-1'],
    ['la-care-plan', 'Care plan', `/children/${P}/looked-after/care-plan/new`],
    ['la-placement-plan', 'Placement plan', `/children/${P}/looked-after/placement-plan/new`],
    ['la-review-first', 'First looked-after review', `/children/${P}/looked-after/reviews/new`],
    ['la-review-second', 'Second looked-after review', `/children/${P}/looked-after/reviews/new`],
    ['la-review', 'Looked-after review', `/children/${P}/looked-after/reviews/new`],
    ['la-visit', 'Statutory visit (child in care)', `/children/${P}/looked-after/visits/new`],
    ['la-initial-health-assessment', 'Initial health assessment', `/children/${P}/looked-after/health/new`],
    ['la-review-health-assessment', 'Review health assessment', `/children/${P}/looked-after/health/new`],
    ['la-dental-check', 'Dental check', `/children/${P}/looked-after/health/new`],
    ['la-sdq', 'Strengths and Difficulties Questionnaire', `/children/${P}/looked-after/health/new`],
    ['la-pep', 'Personal education plan', `/children/${P}/looked-after/peps/new`],
    ['return-home-interview', 'Return home interview', `/children/${P}/missing/subject-1/return-interview`],
    ['missing-strategy-meeting', 'Strategy meeting (missing child)', `/children/${P}`],
    ['cl-needs-assessment', 'Needs assessment (care leaver)', `/children/${P}`],
    ['cl-pathway-plan', 'Pathway plan', `/children/${P}`],
    ['cl-pathway-plan-review', 'Pathway plan review', `/children/${P}`],
    ['cl-keeping-in-touch', 'Keeping in touch (care leaver)', `/children/${P}`],
  ];
  for (const [rule, label, href] of CASES) {
    test(`${rule}: "${label}" -> ${href}`, () => {
      assert.equal(workLabel({ rule }), label);
      assert.equal(workHref({ rule, personId: P, subjectType: 'x', subjectId: 'subject-1', dueOn: parsePlainDate('2026-11-23'), workerId: 'worker-1' }, { canRecordSupervision: true }).href, href);
    });
  }

  test('the catalogue covers exactly these rules, each in a kind of work', () => {
    assert.deepEqual([...RULE_ORDER].sort(), CASES.map((c) => c[0]).sort());
    for (const r of RULE_ORDER) assert.ok(isWorkKind(RULES[r]!.kind), r);
    assert.deepEqual(rulesOfKind('visits'), ['cp-visit', 'cp-visit-seen-alone', 'cin-visit', 'la-visit']);
    for (const k of Object.keys(workKindLabels)) assert.ok(rulesOfKind(k as never).length > 0, `${k} has rules`);
  });

  test('a write-up names the visit; supervision goes to the child for someone who cannot record it', () => {
    assert.equal(workLabel({ rule: 'visit-write-up', visitDate: parsePlainDate('2026-03-03') }), 'Write up visit of 3 March 2026');
    const item = { rule: 'case-supervision', personId: P, subjectType: 'allocation', subjectId: 'a', dueOn: parsePlainDate('2026-11-23'), workerId: 'w' };
    assert.deepEqual(workHref(item, { canRecordSupervision: false }), { href: `/children/${P}`, text: 'Open the child’s record', note: 'Your manager records this in your supervision' });
    assert.deepEqual(workHref(item, { canRecordSupervision: true }), { href: '/supervision/new?worker=w', text: 'Record supervision' });
    assert.equal(workLabel({ rule: 'something-new' }), 'something-new');
  });

  test('an assessment already started: the manager is taken to authorise it, the worker to the casework page', () => {
    const item = { rule: 'assessment', personId: P, subjectType: 'cin_episode', subjectId: 'ep', dueOn: parsePlainDate('2026-11-23'), openAssessmentId: 'a1' };
    assert.deepEqual(workHref(item, { canRecordSupervision: true }), { href: `/children/${P}/assessments/a1/authorise`, text: 'Authorise the assessment' });
    assert.deepEqual(workHref(item, { canRecordSupervision: false }), { href: `/children/${P}/casework`, text: 'Open the casework', note: 'The assessment is in progress: your manager authorises it' });
  });
});
