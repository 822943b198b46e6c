import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AuditPayload, chainHash } from './hash-chain.js';

const EVENT: AuditPayload = {
  at: '2026-11-23T10:00:00.000Z',
  userId: '7a1c3c2e-1111-4222-8333-444455556666',
  action: 'view',
  subjectType: 'person',
  subjectId: '0b0c0d0e-aaaa-4bbb-8ccc-dddddddddddd',
  personId: '0b0c0d0e-aaaa-4bbb-8ccc-dddddddddddd',
  detail: { page: 'child-record', access: 'allocated worker', nested: { b: 2, a: [1, { y: true, x: null }] } },
};

describe('the audit chain hash', () => {
  test('is a sha256 hex digest and deterministic', () => {
    const hash = chainHash('genesis', EVENT);
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.equal(chainHash('genesis', structuredClone(EVENT)), hash);
  });

  test('does not depend on the order of keys, in the event or at any depth of detail (jsonb reorders them)', () => {
    const reordered: AuditPayload = {
      detail: { nested: { a: [1, { x: null, y: true }], b: 2 }, access: 'allocated worker', page: 'child-record' },
      personId: EVENT.personId,
      subjectId: EVENT.subjectId,
      subjectType: EVENT.subjectType,
      action: EVENT.action,
      userId: EVENT.userId,
      at: EVENT.at,
    };
    assert.equal(chainHash('genesis', reordered), chainHash('genesis', EVENT));
  });

  test('changes when any field of the event changes', () => {
    const base = chainHash('genesis', EVENT);
    const changes: [string, AuditPayload][] = [
      ['at', { ...EVENT, at: '2026-11-23T10:00:00.001Z' }],
      ['userId', { ...EVENT, userId: null }],
      ['action', { ...EVENT, action: 'create' }],
      ['subjectType', { ...EVENT, subjectType: 'contact' }],
      ['subjectId', { ...EVENT, subjectId: null }],
      ['personId', { ...EVENT, personId: '0b0c0d0e-aaaa-4bbb-8ccc-ddddddddddde' }],
      ['detail removed', { ...EVENT, detail: null }],
      ['detail emptied', { ...EVENT, detail: {} }],
      ['a detail value', { ...EVENT, detail: { ...EVENT.detail, access: 'management line' } }],
      ['a nested detail value', { ...EVENT, detail: { ...EVENT.detail, nested: { b: 3, a: [1, { y: true, x: null }] } } }],
      ['the order of an array in detail', { ...EVENT, detail: { ...EVENT.detail, nested: { b: 2, a: [{ y: true, x: null }, 1] } } }],
      ['a number become a string', { ...EVENT, detail: { ...EVENT.detail, nested: { b: '2', a: [1, { y: true, x: null }] } } }],
      ['a detail key added', { ...EVENT, detail: { ...EVENT.detail, extra: 1 } }],
    ];
    const seen = new Set([base]);
    for (const [what, changed] of changes) {
      const hash = chainHash('genesis', changed);
      assert.notEqual(hash, base, what);
      seen.add(hash);
    }
    assert.equal(seen.size, changes.length + 1, 'every change gives a different hash');
  });

  test('does not confuse a value moved between fields', () => {
    const a = chainHash('genesis', { ...EVENT, subjectId: 'x', personId: null });
    const b = chainHash('genesis', { ...EVENT, subjectId: null, personId: 'x' });
    assert.notEqual(a, b);
  });

  test('links to the previous hash: the same event after a different predecessor hashes differently', () => {
    const first = chainHash('genesis', EVENT);
    const second = chainHash(first, { ...EVENT, action: 'create' });
    assert.notEqual(chainHash('genesis', { ...EVENT, action: 'create' }), second, 'the predecessor is part of the hash');
    const tamperedFirst = chainHash('genesis', { ...EVENT, detail: null });
    assert.notEqual(chainHash(tamperedFirst, { ...EVENT, action: 'create' }), second, 'changing an earlier event breaks every later link');
  });

  test('treats undefined detail values as absent, as JSON storage does', () => {
    const withUndefined = { ...EVENT, detail: { ...EVENT.detail, gone: undefined } };
    assert.equal(chainHash('genesis', withUndefined), chainHash('genesis', EVENT));
    assert.equal(chainHash('genesis', JSON.parse(JSON.stringify(withUndefined)) as AuditPayload), chainHash('genesis', EVENT), 'the same after a JSON round trip');
  });
});
