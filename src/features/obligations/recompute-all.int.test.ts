import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recompute, seedAllocation, seedChild, seedCpPlan, seedEpisode, seedVisit } from '../../../test/support/casework-seed.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';
import { DEFAULT_LOCAL_NORMS } from '../../domain/obligations/index.js';
import { recomputeAllObligations, replaceObligations } from './obligations.service.js';

/**
 * A change of a local norm recomputes every child while people work (recomputeAllObligations, not
 * fresh): each chunk is written as a difference, and must end exactly where a full replace would.
 */
describe('recomputing every child after a change of a local norm', () => {
  let t: TestApp;
  const children: string[] = [];
  const at = new Date('2026-11-23T10:00:00Z');
  before(async () => {
    t = await createTestApp({ now: at });
    for (const [given, visit] of [['Ava', '2026-11-13'], ['Ben', '2026-11-02'], ['Cal', '2026-10-20']] as const) {
      const child = await seedChild(t, given, 'Recompute');
      const episode = await seedEpisode(t, child, { referralDate: '2026-10-01', teamId: t.ids['team:Assessment']! });
      await seedCpPlan(t, child, episode, '2026-10-05');
      await seedVisit(t, child, visit);
      await seedAllocation(t, child, { workerId: t.ids.worker!, teamId: t.ids['team:Assessment']!, start: '2026-10-05' });
      await recompute(t, child);
      children.push(child);
    }
  });
  after(async () => t.close());

  const stored = async () =>
    t.db.query<{ id: string; person_id: string; rule: string; subject_id: string; due_on: string | null; met_on: string | null }>(
      'select id, person_id, rule, subject_id, due_on::text, met_on::text from obligations where person_id = any($1::uuid[]) order by person_id, rule, subject_id, due_on',
      [children],
    );
  const shape = (rows: Awaited<ReturnType<typeof stored>>) => rows.map((r) => [r.person_id, r.rule, r.subject_id, r.due_on, r.met_on]);

  test('the result is what replacing every child would store; items that did not change keep their rows', async () => {
    const norms = { ...DEFAULT_LOCAL_NORMS, cpVisitWorkingDays: 5 };
    const beforeRows = await stored();
    await recomputeAllObligations(t.db, norms, at, { chunk: 2 });
    const afterRows = await stored();
    assert.notDeepEqual(shape(afterRows), shape(beforeRows), 'the shorter visit interval changed some due dates');
    const kept = afterRows.filter((r) => beforeRows.some((b) => b.id === r.id));
    assert.ok(kept.length > 0, 'unchanged items were left alone');
    assert.ok(kept.every((r) => !r.rule.startsWith('cp-visit')), 'no CP visit item kept its old row: every one moved');

    await t.db.db.transaction((tx) => replaceObligations(tx, children, norms, at));
    assert.deepEqual(shape(afterRows), shape(await stored()), 'the same items as a full replace');
  });

  test('a child recomputed by a write during the run keeps what that write stored', async () => {
    const runNorms = { ...DEFAULT_LOCAL_NORMS, cpVisitWorkingDays: 7 };
    const writerNorms = { ...DEFAULT_LOCAL_NORMS, cpVisitWorkingDays: 3 };
    const target = children[0]!;
    await t.db.db.transaction((tx) => replaceObligations(tx, [target], writerNorms, at));
    const writerShape = shape((await stored()).filter((r) => r.person_id === target));
    await t.db.db.transaction((tx) => replaceObligations(tx, children, DEFAULT_LOCAL_NORMS, at));
    let wrote = 0;
    await recomputeAllObligations(t.db, runNorms, at, {
      chunk: 1,
      // A write to the child lands after the run read its items and record, before the run writes.
      beforeWrite: async (ids) => {
        if (!ids.includes(target)) return;
        await t.db.db.transaction((tx) => replaceObligations(tx, [target], writerNorms, at));
        wrote++;
      },
    });
    assert.equal(wrote, 1);
    assert.deepEqual(shape((await stored()).filter((r) => r.person_id === target)), writerShape, 'the run left the child as the write stored it');
    const others = (await stored()).filter((r) => r.person_id !== target);
    await t.db.db.transaction((tx) => replaceObligations(tx, children.filter((c) => c !== target), runNorms, at));
    assert.deepEqual(shape(others), shape((await stored()).filter((r) => r.person_id !== target)), 'the other children have the run’s norms');
  });
});
