import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

/** Audit rows are written unsealed in their own transaction and chained after commit (audit-sealer.ts). */
describe('sealing the audit chain', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const unsealed = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from audit_events where hash is null'))[0]!.n;
  const write = (action: string, personId: string | null = null) =>
    t.db.db.transaction((tx) => t.services.audit.record(tx, { userId: null, action, subjectType: 'test', subjectId: action, personId }));

  test('a row is written without a hash and sealed into the chain after its transaction commits', async () => {
    await t.services.audit.seal();
    await write('first');
    await write('second');
    assert.equal(await unsealed(), 2);
    assert.equal((await t.services.audit.seal()).sealed, 2);
    assert.equal(await unsealed(), 0);
    const rows = await t.db.query<{ action: string; prev_hash: string; hash: string; chain_seq: number }>("select action, prev_hash, hash, chain_seq::int as chain_seq from audit_events where subject_type = 'test' order by chain_seq");
    assert.equal(rows[1]!.prev_hash, rows[0]!.hash, 'the second follows the first');
    assert.equal(rows[1]!.chain_seq, rows[0]!.chain_seq + 1);
    const [head] = await t.db.query<{ hash: string }>('select hash from audit_chain_head');
    assert.equal(head!.hash, rows[1]!.hash, 'the head is the last sealed row');
    assert.deepEqual((await t.services.audit.verifyChain()).broken, []);
  });

  test('a person id written in capitals is hashed as stored, so the chain still verifies', async () => {
    const [child] = await t.db.query<{ id: string }>("select id from users where username = 'worker'");
    await write('capitals', child!.id.toUpperCase());
    const result = await t.services.audit.verifyChain();
    assert.deepEqual(result.broken, []);
  });

  test('a row that commits after a later one was sealed is chained after it, and the chain verifies', async () => {
    await t.services.audit.seal();
    let releaseSlow!: () => void;
    const held = new Promise<void>((resolve) => (releaseSlow = resolve));
    // On PGlite one transaction runs at a time, so the slow writer is simulated on PostgreSQL only by the timing below;
    // on both engines the rows land in id order or not, and sealing must chain them either way.
    const slow = t.db.db.transaction(async (tx) => {
      await t.services.audit.record(tx, { userId: null, action: 'slow', subjectType: 'test' });
      if (t.db.engine === 'postgres') await held;
    });
    if (t.db.engine === 'postgres') {
      await write('fast');
      await t.services.audit.seal();
      releaseSlow();
    }
    await slow;
    await t.services.audit.seal();
    assert.equal(await unsealed(), 0);
    const result = await t.services.audit.verifyChain();
    assert.deepEqual(result.broken, []);
  });

  test('only sealing may change a row: any other update of an unsealed row is refused', async () => {
    await write('waiting');
    await assert.rejects(t.db.query("update audit_events set action = 'changed' where hash is null"), /append-only/);
    await assert.rejects(t.db.query("update audit_events set hash = 'x', prev_hash = 'y', chain_seq = 999999, action = 'changed' where hash is null"), /append-only/);
    await assert.rejects(t.db.query('delete from audit_events where hash is null'), /append-only/);
    await t.services.audit.seal();
    await assert.rejects(t.db.query("update audit_events set hash = 'x' where action = 'waiting'"), /append-only/, 'a sealed row cannot be resealed');
  });

  test('verification reports every altered row, not only the first', async () => {
    await write('victim one');
    await write('between');
    await write('victim two');
    await t.services.audit.seal();
    const victims = await t.db.query<{ id: number; detail: string | null }>("select id::int as id, detail::text as detail from audit_events where action like 'victim%' order by id");
    await t.db.query('alter table audit_events disable trigger audit_events_no_update_or_delete');
    try {
      await t.db.query("update audit_events set subject_id = 'altered' where action like 'victim%'");
      const result = await t.services.audit.verifyChain();
      assert.deepEqual(result.broken, victims.map((v) => v.id));
      assert.equal(result.brokenAt, victims[0]!.id);
      await t.db.query("update audit_events set subject_id = action where action like 'victim%'");
    } finally {
      await t.db.query('alter table audit_events enable trigger audit_events_no_update_or_delete');
    }
    assert.deepEqual((await t.services.audit.verifyChain()).broken, []);
  });
});
