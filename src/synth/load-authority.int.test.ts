/**
 * The bulk loader (src/synth/load-authority.ts, src/db/bulk-load.ts) on the engine under test: the
 * keys, indexes and foreign keys it sets aside come back exactly as the migrations made them, the
 * rows are all there, and a load that breaks a key or a reference leaves the database as it was.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, test } from 'node:test';
import { freshDatabase } from '../../test/support/test-database.js';
import { toCopyText } from '../db/copy-text.js';
import type { DatabaseHandle } from '../db/database.js';
import { parsePlainDate } from '../domain/time/index.js';
import { generateAuthority } from './generate.js';
import { type Batch, loadBatches } from './load-authority.js';

const TODAY = parsePlainDate('2026-11-20');

/** Everything the set-aside could change: index and constraint definitions, and which columns are NOT NULL. */
async function schemaOf(handle: DatabaseHandle): Promise<string[]> {
  const indexes = await handle.query<{ line: string }>(
    `select indexrelid::regclass::text || ': ' || pg_get_indexdef(indexrelid) as line from pg_index i join pg_class c on c.oid = i.indrelid where c.relnamespace = 'public'::regnamespace`,
  );
  const constraints = await handle.query<{ line: string }>(
    `select conrelid::regclass::text || '.' || conname || ' ' || contype::text || ': ' || pg_get_constraintdef(oid) as line from pg_constraint where connamespace = 'public'::regnamespace`,
  );
  const notNull = await handle.query<{ line: string }>(
    `select c.relname || '.' || a.attname as line from pg_attribute a join pg_class c on c.oid = a.attrelid
      where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped and a.attnotnull`,
  );
  return [...indexes, ...constraints, ...notNull].map((r) => r.line).sort();
}

async function count(handle: DatabaseHandle, table: string): Promise<number> {
  const [row] = await handle.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row!.n;
}

describe('bulk-loading the synthetic authority', () => {
  let handle: DatabaseHandle | null = null;
  afterEach(async () => {
    await handle?.close();
    handle = null;
  });

  test('every row lands, and the keys, indexes and foreign keys come back as the migrations made them', async () => {
    handle = await freshDatabase();
    const before = await schemaOf(handle);
    const batches = [...generateAuthority({ scale: 0.01, seed: 7, years: 2, today: TODAY })];
    const expected = new Map<string, number>();
    for (const b of batches) expected.set(b.table, (expected.get(b.table) ?? 0) + b.rows.length);

    const steps: string[] = [];
    const loaded = await loadBatches(handle, batches, { flushRows: 2_000, onStep: (s) => steps.push(s) });

    assert.deepEqual(await schemaOf(handle), before);
    assert.ok(steps.some((s) => s.startsWith('key people_pkey')), 'the primary keys were set aside and rebuilt');
    assert.ok(steps.some((s) => s.startsWith('index people_search_name_trgm')), 'the search index was set aside and rebuilt');
    assert.ok(steps.some((s) => s.startsWith('foreign key ')), 'the foreign keys were set aside and checked');
    for (const [table, n] of expected) {
      assert.equal(await count(handle, table), n, table);
      assert.equal(loaded.byTable[table], n, table);
    }
    // Every person has a search name, and new child IDs come after the loaded ones.
    assert.equal(await count(handle, 'people where search_name is null'), 0);
    const [{ max }] = (await handle.query<{ max: string }>(`select max(substring(la_child_id from 2)::bigint)::text as max from people where la_child_id ~ '^C[0-9]+$'`)) as [{ max: string }];
    const [{ next }] = (await handle.query<{ next: string }>(`select nextval('la_child_id_seq')::text as next`)) as [{ next: string }];
    assert.equal(BigInt(next), BigInt(max) + 1n);
  });

  test('with the indexes kept in place, the same rows land', async () => {
    handle = await freshDatabase();
    const before = await schemaOf(handle);
    const loaded = await loadBatches(handle, generateAuthority({ scale: 0.005, seed: 7, years: 2, today: TODAY }), { setAsideIndexes: false });
    assert.deepEqual(await schemaOf(handle), before);
    assert.equal(await count(handle, 'people'), loaded.byTable.people);
  });

  const team = () => ({ id: randomUUID(), name: `Team ${randomUUID().slice(0, 8)}`, kind: 'team' });

  test('a duplicate key rolls the whole load back, keys and indexes included', async () => {
    handle = await freshDatabase();
    const before = await schemaOf(handle);
    const twin = team();
    const batches: Batch[] = [{ table: 'teams', rows: [team(), twin] }, { table: 'teams', rows: [{ ...twin, name: 'Another name' }] }];
    await assert.rejects(loadBatches(handle, batches), /duplicate key|unique/i);
    assert.equal(await count(handle, 'teams'), 0);
    assert.deepEqual(await schemaOf(handle), before);
  });

  const authority = () => [...generateAuthority({ scale: 0.003, seed: 5, years: 1, today: TODAY })];

  test('a reference to a row that is not there rolls the whole load back', async () => {
    handle = await freshDatabase();
    const before = await schemaOf(handle);
    const batches = authority();
    const addresses = batches.find((b) => b.table === 'addresses')!;
    addresses.rows[0] = { ...addresses.rows[0], person_id: randomUUID() };
    await assert.rejects(loadBatches(handle, batches), /foreign key/i);
    assert.equal(await count(handle, 'people'), 0);
    assert.equal(await count(handle, 'addresses'), 0);
    assert.deepEqual(await schemaOf(handle), before);
  });

  test('a table that already holds rows keeps its key, and references to it are checked against its rows', async () => {
    handle = await freshDatabase();
    const before = await schemaOf(handle);
    const batches = authority();
    const teams = batches.filter((b) => b.table === 'teams').flatMap((b) => b.rows);
    const columns = Object.keys(teams[0]!);
    await handle.copyFrom('teams', columns, toCopyText(columns, teams));
    const steps: string[] = [];
    await loadBatches(handle, batches.filter((b) => b.table !== 'teams'), { onStep: (s) => steps.push(s) });
    assert.ok(!steps.includes('key teams_pkey'), 'teams was not empty: its key stayed');
    assert.ok(steps.some((s) => s.startsWith('foreign key users_team_id')), 'the reference from users to teams was checked');
    assert.equal(await count(handle, 'teams'), teams.length);
    assert.deepEqual(await schemaOf(handle), before);
  });
});
