/**
 * The generator's contract with the loader: deterministic output, batches in foreign-key order,
 * keys that are the tables' SQL columns (the same keys on every row of a table), the schema's
 * check constraints and unique indexes respected, and deterministic v4 UUIDs.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema/index.js';
import { addWorkingDays, londonDateTimeToInstant, type PlainDate, parsePlainDate } from '../domain/time/index.js';
import type { Batch } from './batches.js';
import { addWD, dayOf, iso, londonInstant } from './calendar.js';
import { generateAuthority, type GenerateOptions } from './generate.js';
import { isValidNhsNumber, isValidUpn, nhsCheckDigit, upnCheckLetter } from './identifiers.js';

const options: GenerateOptions = { scale: 0.05, years: 2, seed: 42, today: parsePlainDate('2026-11-20') };

function digest(batches: Iterable<Batch>): string {
  const h = createHash('sha256');
  for (const b of batches) h.update(JSON.stringify(b));
  return h.digest('hex');
}

describe('determinism', () => {
  it('the same seed gives identical data; another seed gives different data', () => {
    const a = digest(generateAuthority(options));
    const b = digest(generateAuthority(options));
    const c = digest(generateAuthority({ ...options, seed: 43 }));
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  it('does not depend on chunk size except for how rows are batched', () => {
    const rows = (chunkSize: number) => {
      const byTable = new Map<string, string[]>();
      for (const b of generateAuthority({ ...options, chunkSize })) {
        const list = byTable.get(b.table) ?? [];
        for (const r of b.rows) list.push(JSON.stringify(r));
        byTable.set(b.table, list);
      }
      return [...byTable.entries()].sort().map(([t, list]) => `${t}:${createHash('sha256').update(list.join('\n')).digest('hex')}`);
    };
    assert.deepEqual(rows(100), rows(1000));
  });
});

describe('contract with the loader', () => {
  const batches = [...generateAuthority(options)];
  const tables = new Map<string, ReturnType<typeof getTableConfig>>();
  for (const value of Object.values(schema)) if (is(value, PgTable)) tables.set(getTableConfig(value).name, getTableConfig(value));

  it('every batch is a table of the schema, with its SQL column names, the same keys on every row, and all required columns', () => {
    const keysOf = new Map<string, string>();
    for (const b of batches) {
      const t = tables.get(b.table);
      assert.ok(t, `unknown table ${b.table}`);
      const columns = new Map(t.columns.map((c) => [c.name, c]));
      for (const r of b.rows) {
        const keys = Object.keys(r).join(',');
        const seen = keysOf.get(b.table);
        if (seen === undefined) keysOf.set(b.table, keys);
        else assert.equal(keys, seen, `${b.table} rows have different keys`);
        for (const k of Object.keys(r)) assert.ok(columns.has(k), `${b.table}.${k} is not a column`);
      }
      for (const c of t.columns) {
        if (c.notNull && !c.hasDefault) assert.ok(Object.keys(b.rows[0]!).includes(c.name), `${b.table}.${c.name} is required`);
      }
    }
  });

  it('yields rows only after the rows they reference (foreign-key order)', () => {
    const ids = new Map<string, Set<string>>();
    for (const b of batches) {
      const t = tables.get(b.table)!;
      const own = ids.get(b.table) ?? new Set<string>();
      ids.set(b.table, own);
      for (const r of b.rows) if (typeof r['id'] === 'string') own.add(r['id']);
      for (const fk of t.foreignKeys) {
        const ref = fk.reference();
        const column = ref.columns[0]!.name;
        const target = getTableConfig(ref.foreignTable).name;
        const known = ids.get(target) ?? new Set<string>();
        for (const r of b.rows) {
          const value = r[column];
          if (value === null || value === undefined) continue;
          assert.ok(known.has(value as string), `${b.table}.${column} = ${value} refers to a ${target} row not yet yielded`);
        }
      }
    }
  });

  it('respects the schema’s checks and unique indexes', () => {
    const rows = (t: string) => batches.filter((b) => b.table === t).flatMap((b) => b.rows);
    const unique = (t: string, key: (r: Record<string, unknown>) => unknown) => {
      const values = rows(t).map(key).filter((v) => v !== null);
      assert.equal(new Set(values.map((v) => JSON.stringify(v))).size, values.length, `duplicate in ${t}`);
    };
    unique('people', (r) => r['id']);
    unique('people', (r) => r['la_child_id']);
    unique('people', (r) => r['upn']);
    unique('people', (r) => r['nhs_number']); // an NHS number belongs to one person (a unique index since 0012)
    unique('users', (r) => r['username']);
    unique('teams', (r) => r['name']);
    unique('user_roles', (r) => [r['user_id'], r['role']]);
    unique('disabilities', (r) => [r['person_id'], r['code']]);
    unique('cin_episodes', (r) => (r['closure_date'] === null ? r['person_id'] : null));
    for (const t of tables.keys()) unique(t, (r) => r['id'] ?? null);
    const childIds = rows('people').filter((p) => p['is_child']).map((p) => p['la_child_id'] as string).sort();
    assert.equal(childIds[0], 'C0000001');
    for (const p of rows('people')) {
      if (p['is_child']) assert.match(p['la_child_id'] as string, /^C[0-9]{7}$/);
      if (p['upn'] !== null) assert.ok(isValidUpn(p['upn'] as string), `UPN ${p['upn']}`);
      if (p['nhs_number'] !== null) assert.ok(isValidNhsNumber(p['nhs_number'] as string), `NHS ${p['nhs_number']}`);
      assert.ok(['M', 'F', 'U'].includes(p['sex'] as string));
    }
    for (const t of ['addresses', 'providers', 'foster_carers', 'placements']) for (const r of rows(t)) if (r['postcode'] !== null) assert.match(r['postcode'] as string, /^[A-Z0-9]{5,7}$/);
    for (const c of rows('contacts')) assert.equal(c['decision'] === null, c['decided_at'] === null);
    for (const e of rows('cin_episodes')) {
      assert.equal(e['closure_date'] === null, e['closure_reason'] === null);
      assert.match(e['primary_need_code'] as string, /^N[0-9]$/);
    }
    for (const p of rows('cp_plans')) if (p['end_date'] !== null) assert.ok((p['end_date'] as string) > (p['start_date'] as string));
    for (const s of rows('sdq_scores')) assert.notEqual(s['score'] === null, s['reason'] === null);
    for (const p of rows('periods_of_care')) assert.equal(p['end_date'] === null, p['reason_ended'] === null);
    for (const a of rows('assessments')) if (a['authorised_date'] !== null) assert.ok((a['authorised_date'] as string) >= (a['start_date'] as string));
    for (const i of rows('initial_cp_conferences')) assert.ok(i['s47_enquiry_id'] !== null || i['transfer_in']);
    for (const u of rows('users')) assert.match(u['password_hash'] as string, /^\$argon2id\$/);
  });

  it('generates version 4 UUIDs', () => {
    for (const b of batches) for (const r of b.rows) if (typeof r['id'] === 'string') assert.match(r['id'], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('building blocks agree with domain/time and the DfE rules', () => {
  it('working days', () => {
    for (const d of ['2022-09-12', '2023-12-22', '2025-04-17', '2026-05-22', '2030-12-24']) {
      for (const n of [0, 1, 10, 15, 20, 45]) assert.equal(iso(addWD(dayOf(d), n)), addWorkingDays(d as PlainDate, n), `${d} + ${n}`);
    }
  });

  it('London wall-clock instants', () => {
    for (const d of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26', '2025-07-01', '2025-01-01']) {
      for (const t of ['06:30', '09:00', '17:45', '23:30']) {
        const [h, m] = t.split(':').map(Number);
        assert.equal(londonInstant(dayOf(d), h! * 60 + m!).toISOString(), londonDateTimeToInstant(d as PlainDate, t).toISOString(), `${d} ${t}`);
      }
    }
  });

  it('UPN check letters and NHS check digits', () => {
    assert.equal(upnCheckLetter('801200001001'), 'H'); // DfE's example UPN H801200001001
    assert.ok(isValidUpn('H801200001001'));
    assert.ok(!isValidUpn('Z801200001001'));
    assert.equal(nhsCheckDigit('943476591'), 9); // NHS Digital's example 943 476 5919
    assert.ok(isValidNhsNumber('9434765919'));
    assert.ok(!isValidNhsNumber('9434765918'));
  });
});
