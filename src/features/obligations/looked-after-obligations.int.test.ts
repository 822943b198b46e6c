/**
 * A looked-after child's timescales (src/domain/areas/looked-after.ts) computed from the record as
 * stored, listed on the worker's worktray with a link to the page that records each, counted by
 * compliance under each rule, and shown among the child's key dates. Records are written by SQL and
 * the obligations stored by the engine, as a write would.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recompute, seedAllocation, seedChild, seedEpisode, seedVisit } from '../../../test/support/casework-seed.js';
import { tableRows } from '../../../test/support/front-door.js';
import { seedMissingEpisode, seedPeriodOfCare } from '../../../test/support/in-care-seed.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

describe('a looked-after child’s timescales: worktray, compliance and the child’s page', () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  // Monday 23 November 2026.
  const NOW = new Date('2026-11-23T10:00:00Z');

  before(async () => {
    t = await createTestApp({ now: NOW });
    const assessment = t.ids['team:Assessment']!;
    // Lola, 12: looked after (section 20, foster care) from Monday 2 November 2026, visited on the 5th;
    // missing on 15 November and back at 18:00 on the 16th, no return home interview offered yet.
    id.lola = await seedChild(t, 'Lola', 'Looked', { dateOfBirth: '2014-03-01' });
    await seedEpisode(t, id.lola, { referralDate: '2026-10-01', teamId: assessment });
    await seedAllocation(t, id.lola, { workerId: t.ids.worker!, teamId: assessment, start: '2026-10-01' });
    const care = await seedPeriodOfCare(t, id.lola, { start: '2026-11-02' });
    id.period = care.periodId;
    id.placement = care.placementId;
    await seedVisit(t, id.lola, '2026-11-05', { type: 'cla' });
    id.missing = await seedMissingEpisode(t, id.lola, { start: '2026-11-15', end: '2026-11-16', returnedAt: new Date('2026-11-16T18:00:00Z') });
    await recompute(t, id.lola);
  });
  after(async () => t.close());

  test('the obligations stored, each due by hand: care plan 10, placement plan 5, first review and initial health assessment 20 working days from 2 November', async () => {
    const rows = await t.db.query<{ rule: string; due_on: string; met_on: string | null; due_at: Date | null }>(
      `select rule, due_on::text, met_on::text, due_at from obligations where person_id = $1 and (rule like 'la-%' or rule in ('return-home-interview', 'missing-strategy-meeting')) order by due_on, rule`,
      [id.lola],
    );
    assert.deepEqual(
      rows.map((r) => [r.rule, r.due_on, r.met_on]),
      [
        ['la-placement-plan', '2026-11-09', null],
        ['la-visit', '2026-11-09', '2026-11-05'],
        ['la-care-plan', '2026-11-16', null],
        ['la-pep', '2026-11-16', null],
        ['return-home-interview', '2026-11-19', null],
        ['la-initial-health-assessment', '2026-11-30', null],
        ['la-review-first', '2026-11-30', null],
        ['la-visit', '2026-12-17', null],
        ['la-pep', '2027-03-25', null],
        ['la-pep', '2027-07-21', null],
        ['la-dental-check', '2027-11-02', null],
        ['la-sdq', '2027-11-02', null],
      ],
    );
    // The return home interview keeps its hour clock: 72 hours from 18:00 on 16 November.
    assert.equal(rows.find((r) => r.rule === 'return-home-interview')!.due_at!.toISOString(), '2026-11-19T18:00:00.000Z');
  });

  test('the worker’s worktray lists them in practitioners’ words, each linking to the looked-after page that records it', async () => {
    const client = await t.as('worker');
    const page = await client.get('/');
    assert.equal(page.status, 200);
    const overdue = tableRows(page.body, 'work-overdue').map((r) => r[0]!.replace(/ (\d+|10|5|72|A) .*$/, ''));
    assert.deepEqual(overdue, ['Placement plan', 'Care plan', 'Personal education plan', 'Return home interview']);
    assert.ok(page.body.includes(`href="/children/${id.lola}/looked-after/placement-plan/new"`), 'placement plan links to its form');
    assert.ok(page.body.includes(`href="/children/${id.lola}/looked-after/care-plan/new"`), 'care plan links to its form');
    assert.ok(page.body.includes(`href="/children/${id.lola}/missing/${id.missing}/return-interview"`), 'the return home interview links to the episode’s');
    const comingUp = tableRows(page.body, 'work-coming-up').map((r) => r[0]!);
    assert.ok(comingUp.some((w) => w.startsWith('First looked-after review 20 working days from becoming looked after on 2 November 2026')), comingUp.join(' | '));
    assert.ok(comingUp.some((w) => w.startsWith('Statutory visit (child in care) 6 weeks from the last visit on 5 November 2026')), comingUp.join(' | '));
  });

  test('compliance counts each looked-after rule this month, under its label', async () => {
    const client = await t.as('analyst');
    const page = await client.get(`/compliance?period=this-month&team=${t.ids['team:Assessment']}`);
    assert.equal(page.status, 200);
    const row = (label: string) => tableRows(page.body, 'compliance').find((r) => r[0] === label)?.slice(1);
    // [due, on time, late, missed, share, not yet due, overdue now]
    assert.deepEqual(row('Statutory visit (child in care)'), ['1', '1', '0', '0', '100%', '0', '0']);
    assert.deepEqual(row('Placement plan'), ['1', '0', '0', '1', '0%', '0', '1']);
    assert.deepEqual(row('Return home interview'), ['1', '0', '0', '1', '0%', '0', '1']);
    assert.deepEqual(row('First looked-after review'), ['0', '0', '0', '0', 'None due', '1', '0'], 'due on 30 November: not yet');
  });

  test('the child’s page shows them among the key dates', async () => {
    const client = await t.as('worker');
    const page = await client.get(`/children/${id.lola}`);
    assert.equal(page.status, 200);
    for (const label of ['Care plan', 'Placement plan', 'First looked-after review', 'Initial health assessment', 'Return home interview']) assert.ok(page.body.includes(label), label);
  });
});
