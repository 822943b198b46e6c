/**
 * Every generated child keeps the journey's invariants (apart from the labelled faults, excluded by
 * record id), and each labelled fault really is a fault.
 *   TZ=Europe/London node --import tsx --test src/synth/*.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveEpisodes, periodsOfCare, type Episode, type LegalStatusSpell, type PlacementSpell } from '../domain/looked-after/index.js';
import { addMonths, type PlainDate, parsePlainDate } from '../domain/time/index.js';
import type { Batch, Row } from './batches.js';
import { generateAuthority } from './generate.js';
import { checkAuthority, checkChild, groupByChild, type ChildRows } from './invariants.js';

const today = parsePlainDate('2026-11-20');
const years = 2;
const ctx = { today, historyStart: addMonths(today, -12 * years), ownPostcodeArea: 'HH' };
const batches: Batch[] = [...generateAuthority({ scale: 0.05, years, seed: 20261120, today })];

describe('synthetic authority invariants (scale 0.05, 2 years)', () => {
  const { violations, children, faults } = checkAuthority(batches, ctx);

  it('generates a few hundred children', () => {
    assert.ok(children > 300, `only ${children} children`);
  });

  it('keeps every invariant for every child, apart from the labelled faults', () => {
    const sample = violations.slice(0, 10).map((v) => `${v.rule} ${v.table} ${v.recordId}: ${v.message}`);
    assert.equal(violations.length, 0, `violations:\n${sample.join('\n')}`);
  });

  it('labels a small share of children with faults, each of which the checks detect', () => {
    const people = new Set(faults.map((f) => f['person_id']));
    assert.ok(people.size > 0, 'no faults labelled');
    assert.ok(people.size / children < 0.04, `${people.size} of ${children} children have faults`);
    assert.equal(faults.filter((f) => f['fault'] === 'overlapping_episode').length, 1, 'exactly one overlapping episode');
    const groups = groupByChild(batches);
    for (const f of faults) {
      const found = checkChild(f['person_id'] as string, groups.get(f['person_id'] as string)!, ctx).filter((v) => v.recordId === f['record_id']);
      assert.ok(found.length > 0, `fault ${f['fault']} on ${f['table_name']} ${f['record_id']} is not detected`);
    }
  });
});

describe('SSDA903 episodes derived from the generated periods of care (domain/looked-after)', () => {
  it('derive with no errors or warnings, and chain into valid periods', () => {
    const problems: string[] = [];
    let periods = 0;
    for (const [person, rows] of groupByChild(batches)) {
      const episodes: Episode[] = [];
      for (const p of rows.get('periods_of_care') ?? []) {
        periods++;
        const legal: LegalStatusSpell[] = (rows.get('legal_statuses') ?? []).filter((l) => l['period_of_care_id'] === p['id']).map((l) => ({ startDate: l['start_date'] as PlainDate, endDate: l['end_date'] as PlainDate | null, code: l['code'] as string }));
        const placements: PlacementSpell[] = (rows.get('placements') ?? [])
          .filter((l) => l['period_of_care_id'] === p['id'])
          .map((l) => ({
            id: l['id'] as string,
            startDate: l['start_date'] as PlainDate,
            endDate: l['end_date'] as PlainDate | null,
            placeType: l['placement_type'] as string,
            provider: l['provider'] as string | null,
            postcode: l['postcode'] as string | null,
            urn: l['urn'] as string | null,
            carerId: (l['foster_carer_id'] ?? l['provider_id']) as string | null,
            reasonPlaceChange: l['change_reason'] as string | null,
          }));
        const d = deriveEpisodes({ id: p['id'] as string, startDate: p['start_date'] as PlainDate, endDate: p['end_date'] as PlainDate | null, reasonEnded: p['reason_ended'] as string | null }, legal, placements, p['category_of_need'] as string);
        episodes.push(...d.episodes);
        for (const pr of d.problems) problems.push(`${person}: ${pr.severity} ${pr.code}: ${pr.message}`);
      }
      if (episodes.length > 0) for (const pr of periodsOfCare(episodes).problems) problems.push(`${person}: ${pr.severity} ${pr.code}: ${pr.message}`);
    }
    assert.ok(periods > 20, `only ${periods} periods of care`);
    assert.deepEqual(problems.slice(0, 5), []);
  });
});

describe('the checks catch broken journeys', () => {
  const child = (tables: Record<string, Row[]>): ChildRows => new Map(Object.entries(tables));
  const person = { id: 'p', la_child_id: 'C0000001', date_of_birth: '2015-05-01', sex: 'F', upn: null, upn_unknown_reason: 'UN5', nhs_number: null };
  const episode = (id: string, ref: string, close: string | null) => ({ id, person_id: 'p', referral_date: ref, referral_decided_on: ref, referral_decision: 'assessment', closure_date: close, closure_reason: close ? 'RC7' : null });
  const rules = (rows: ChildRows) => checkChild('p', rows, ctx).map((v) => v.rule);

  it('overlapping and doubly open episodes (CIN 8820, 8815)', () => {
    const r = rules(child({ people: [person], cin_episodes: [episode('e1', '2025-01-06', null), episode('e2', '2025-03-03', null)] }));
    assert.ok(r.includes('episodes-overlap'));
    assert.ok(r.includes('one-open-episode'));
  });

  it('a CP plan that does not start on its conference, and a CIN plan alongside it (4001)', () => {
    const r = rules(
      child({
        people: [person],
        cin_episodes: [episode('e1', '2025-01-06', null)],
        cp_plans: [{ id: 'cp', cin_episode_id: 'e1', icpc_id: null, start_date: '2025-02-03', end_date: null }],
        cin_plans: [{ id: 'cin', cin_episode_id: 'e1', start_date: '2025-03-03', end_date: null }],
      }),
    );
    assert.ok(r.includes('cp-starts-at-icpc'));
    assert.ok(r.includes('cin-cp-overlap'));
  });

  it('legal statuses and placements that do not tile the period, and ages the codes forbid', () => {
    const r = rules(
      child({
        people: [person],
        periods_of_care: [{ id: 'pc', start_date: '2025-01-06', end_date: '2025-06-02', reason_ended: 'E17', category_of_need: 'N1' }],
        legal_statuses: [{ id: 'l1', period_of_care_id: 'pc', code: 'V2', start_date: '2025-01-07', end_date: '2025-06-02' }],
        placements: [
          { id: 'pl1', period_of_care_id: 'pc', placement_type: 'U6', provider: 'PR1', start_date: '2025-01-06', end_date: '2025-03-01', urn: 'SC900001', change_reason: null, long_term: false, weekly_cost: 400, foster_carer_id: 'c', provider_id: 'x' },
          { id: 'pl2', period_of_care_id: 'pc', placement_type: 'K3', provider: 'PR4', start_date: '2025-03-03', end_date: '2025-06-02', urn: 'SC900002', change_reason: null, long_term: false, weekly_cost: 1200, foster_carer_id: null, provider_id: 'y' },
        ],
      }),
    );
    assert.ok(r.includes('legal status-tiles'));
    assert.ok(r.includes('placement-tiles'));
    assert.ok(r.includes('e17-age'));
    assert.ok(r.includes('placement-age'));
  });
});
