import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ObligationRecord, emptyRecord } from '../obligations/child-record.js';
import { computeObligations } from '../obligations/engine.js';
import { mashDecisionDue } from '../obligations/front-door.js';
import { DEFAULT_LOCAL_NORMS } from '../obligations/local-norms.js';
import type { PlainDate } from '../time/index.js';
import { allowedActions } from '../journey/allowed-actions.js';
import { ALL_RULES, AREAS, STORED_RULES, ruleById, rulesOfKind } from './registry.js';
import { FORM_PAGES } from './area.js';
import { isWorkKind, workKindLabels } from './work-kinds.js';

const d = (s: string) => s as PlainDate;

/** A child who has been through the whole journey so far: every stored rule yields at least one item. */
const wholeJourney: ObligationRecord = {
  ...emptyRecord('child-1'),
  episodes: [{ id: 'ep', referralDate: d('2026-01-05'), referralDecision: 'strategy_discussion', referralDecidedOn: d('2026-01-05'), closureDate: null }],
  assessments: [{ id: 'a', episodeId: 'ep', startDate: d('2026-01-06'), authorisedDate: null, outcome: null }],
  strategyDiscussions: [{ id: 'sd', episodeId: 'ep', date: d('2026-01-06'), decision: 's47' }],
  s47Enquiries: [{ id: 's47', episodeId: 'ep', strategyDiscussionId: 'sd', startDate: d('2026-01-06'), endDate: d('2026-01-20'), icpcRequired: true }],
  icpcs: [{ id: 'icpc', episodeId: 'ep', s47EnquiryId: 's47', transferIn: false, date: d('2026-01-26'), planRequired: true }],
  cpPlans: [{ id: 'cp', icpcId: 'icpc', startDate: d('2026-01-26'), endDate: d('2026-06-30') }],
  coreGroups: [{ id: 'cg', planId: 'cp', date: d('2026-02-03') }],
  visits: [
    { id: 'v1', date: d('2026-02-02'), seen: true, seenAlone: false, writtenUpOn: d('2026-02-02') },
    { id: 'v2', date: d('2026-07-06'), seen: true, seenAlone: true, writtenUpOn: null },
  ],
  cinPlans: [{ id: 'cin', startDate: d('2026-07-01'), endDate: null }],
  allocations: [{ id: 'al', workerId: 'w', startDate: d('2026-01-05'), endDate: null }],
  // Then in care, missing once, and leaving care.
  dateOfBirth: d('2012-03-01'),
  periodsOfCare: [{ id: 'poc', startDate: d('2026-07-06'), endDate: null }],
  legalStatuses: [{ id: 'ls', periodId: 'poc', code: 'C1', startDate: d('2026-07-06'), endDate: null }],
  placements: [{ id: 'pl', periodId: 'poc', type: 'U6', startDate: d('2026-07-06'), endDate: null, longTerm: false, planAgreedOn: null }],
  claReviews: [
    { id: 'r1', periodId: 'poc', date: d('2026-07-30') },
    { id: 'r2', periodId: 'poc', date: d('2026-10-28') },
  ],
  healthChecks: [{ id: 'iha', type: 'initial_health_assessment', date: d('2026-07-20') }],
  missingEpisodes: [{ id: 'm1', type: 'M', startDate: d('2026-08-01'), endDate: d('2026-08-05'), returnedAt: null, rhiOfferedOn: null, strategyMeetingOn: null }],
  careLeaverStatuses: [
    { id: 'cl1', eligibility: 'eligible', startDate: d('2028-03-01'), endDate: d('2030-03-01'), needsAssessedOn: null },
    { id: 'cl2', eligibility: 'former_relevant', startDate: d('2030-03-01'), endDate: null, needsAssessedOn: null },
  ],
  pathwayPlans: [{ id: 'pp', date: d('2028-05-01'), isReview: false }],
};

describe('the areas registry: every rule declared once, with what every reader needs', () => {
  test('every rule has an id, a label, a statutory or local source, a kind of work, who records it, a form and a due function', () => {
    for (const r of ALL_RULES) {
      assert.match(r.id, /^[a-z][a-z0-9-]*$/, `${r.id}: an id as stored`);
      assert.ok(r.label.trim().length > 0, `${r.id} has a label`);
      assert.ok(r.source.trim().length > 0, `${r.id} names its source`);
      assert.ok(isWorkKind(r.kind), `${r.id} has a kind of work`);
      assert.ok(['front-door', 'worker', 'manager'].includes(r.recordedBy), `${r.id} says who records it`);
      assert.ok(r.action.trim().length > 0, `${r.id} says what its link does`);
      assert.ok(FORM_PAGES.includes(r.form), `${r.id} has a form`);
      if (typeof r.due === 'object') assert.equal(typeof ruleById(r.due.with)?.due, 'function', `${r.id} is yielded by ${r.due.with}, which has a due function`);
    }
  });

  test('ids and listing places are unique; every area has a title and its rules', () => {
    assert.equal(new Set(ALL_RULES.map((r) => r.id)).size, ALL_RULES.length);
    assert.equal(new Set(ALL_RULES.map((r) => r.order)).size, ALL_RULES.length);
    assert.equal(new Set(AREAS.map((a) => a.id)).size, AREAS.length);
    for (const a of AREAS) assert.ok(a.title && a.rules.length > 0, a.id);
  });

  test('each action is in one area’s table only, and every action the journey knows is in one', () => {
    const actions = AREAS.flatMap((a) => a.actions.map((x) => x.action));
    assert.equal(new Set(actions).size, actions.length, 'no action in two tables');
    assert.deepEqual(Object.keys(allowedActions(emptyRecord('c'))).sort(), [...actions].sort());
  });

  test('every kind of work has a stored rule, listed in the journey’s order', () => {
    for (const k of Object.keys(workKindLabels)) assert.ok(rulesOfKind(k as never).length > 0, `${k} has rules`);
    assert.deepEqual(rulesOfKind('visits'), ['cp-visit', 'cp-visit-seen-alone', 'cin-visit', 'la-visit']);
  });

  test('every item the engine yields (which is what the obligations table stores) is a stored rule of the registry, with its source', () => {
    const items = computeObligations(wholeJourney, DEFAULT_LOCAL_NORMS);
    for (const i of items) {
      const rule = ruleById(i.rule);
      assert.ok(rule, `${i.rule} is declared by an area`);
      assert.notEqual(rule.due, 'contacts', `${i.rule} is a stored rule`);
      assert.equal(i.source, rule.source, `${i.rule}'s items name the registry's source`);
    }
    assert.deepEqual([...new Set(items.map((i) => i.rule))].sort(), STORED_RULES.map((r) => r.id).sort(), 'the whole journey yields every stored rule');
  });

  test('the MASH decision clock (worked out on contacts, never stored) is declared too, with its source', () => {
    const item = mashDecisionDue({ id: 'c', personId: 'p', receivedAt: new Date('2026-01-05T09:00:00Z'), decidedAt: null, ratings: [] });
    assert.equal(ruleById(item.rule)?.due, 'contacts');
    assert.equal(item.source, ruleById(item.rule)?.source);
  });
});
