/**
 * The CIN census from the database on both engines: the cohort of the year, the record as at 31
 * March, the schema check, first plans reported apart (see cin-census.ts), and the DfE rules' findings.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedChild, seedCpPlan, seedEpisode } from '../../../test/support/casework-seed.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';
import type { ReportingYear } from '../../domain/time/index.js';
import { produceCinCensus } from './cin-census.js';

const all = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

describe('the CIN census from the record', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-05-01T09:00:00Z') });
    const team = t.ids['team:Assessment']!;
    const ann = await seedChild(t, 'Ann', 'Census', { dateOfBirth: '2014-02-03' });
    await t.db.query(`update people set sex = 'F', ethnicity = 'BAFR', upn_unknown_reason = 'UN5' where id = $1`, [ann]);
    await t.db.query(`insert into disabilities (person_id, code) values ($1, 'HEAR')`, [ann]);
    const first = await seedEpisode(t, ann, { referralDate: '2022-05-01', teamId: team, closureDate: '2023-01-10' });
    await seedCpPlan(t, ann, first, '2022-06-01', '2022-12-01');
    const now = await seedEpisode(t, ann, { referralDate: '2025-06-02', teamId: team });
    await seedCpPlan(t, ann, now, '2025-07-01');
    const ben = await seedChild(t, 'Ben', 'Census');
    const benEpisode = await seedEpisode(t, ben, { referralDate: '2025-09-01', teamId: team });
    await seedCpPlan(t, ben, benEpisode, '2025-10-01', '2026-04-15');
    const old = await seedChild(t, 'Cal', 'Census');
    await seedEpisode(t, old, { referralDate: '2023-01-01', teamId: team, closureDate: '2024-01-01' });
  });
  after(async () => t.close());

  test('2025-26: the two children in need that year, as at 31 March 2026, valid against the schema but for one first plan', async () => {
    const file = await produceCinCensus(t.db.db, { year: '2025-26' as ReportingYear, lea: '209', madeAt: new Date('2026-05-01T09:00:00Z'), release: 'test' });
    assert.equal(file.fileName, 'cin-census-2025-26.xml');
    assert.equal(file.childCount, 2);
    assert.deepEqual(file.schemaErrors, []);
    assert.equal(file.firstPlansWithZero, 1, 'Ben’s plan is his first');
    assert.deepEqual(all(file.xml, 'CINreferralDate'), ['2025-06-02', '2025-09-01']);
    assert.deepEqual(all(file.xml, 'NumberOfPreviousCPP'), ['1', '0'], 'Ann’s plan follows her 2022 plan');
    assert.deepEqual(all(file.xml, 'CPPendDate'), [], 'Ben’s plan ended after 31 March 2026');
    assert.deepEqual(all(file.xml, 'Ethnicity'), ['BAFR', 'NOBT']);
    assert.deepEqual(all(file.xml, 'Disability'), ['HEAR']);
    assert.deepEqual(all(file.xml, 'UPNunknown'), ['UN5']);
    assert.deepEqual(all(file.xml, 'LEA'), ['209']);
  });

  test('2025-26: the DfE rules run on the census as returned, findings by rule and by child', async () => {
    const file = await produceCinCensus(t.db.db, { year: '2025-26' as ReportingYear, lea: '209', madeAt: new Date('2026-05-01T09:00:00Z'), release: 'test' });
    assert.equal(file.findingsFileName, 'cin-census-2025-26-findings.csv');
    // Seeded plans have no conference (2883, 2885) and assessments no factors (8897Q); Ben has no
    // disability recorded (8540), no UPN or reason (8770Q) and no recorded sex (2886Q: 1 of 2).
    assert.deepEqual(
      file.validation.byRule.map((r) => [r.code, r.type, r.count]),
      [['2883', 'error', 1], ['2885', 'error', 2], ['2886Q', 'query', 1], ['2887Q', 'query', 1], ['2888Q', 'query', 1], ['8540', 'error', 1], ['8770Q', 'query', 1], ['8897Q', 'query', 2]],
    );
    const byChild = [...file.validation.byChild].map(([, fs]) => fs.map((f) => [f.code, f.referralDate]));
    assert.deepEqual(byChild, [
      [['2885', '2025-06-02'], ['8897Q', '2025-06-02']],
      [['2885', '2025-09-01'], ['8540', null], ['8770Q', null], ['8897Q', '2025-09-01']],
    ]);
  });

  test('2023-24 is another cohort: the closed cases of that year', async () => {
    const file = await produceCinCensus(t.db.db, { year: '2023-24' as ReportingYear, lea: '209', madeAt: new Date(), release: 'test' });
    assert.equal(file.childCount, 1);
    assert.deepEqual(all(file.xml, 'CINclosureDate'), ['2024-01-01']);
  });
});
