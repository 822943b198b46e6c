import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyValue, toCopyText } from './copy-text.js';

test('COPY text format: nulls, booleans, numbers, instants, escapes', () => {
  assert.equal(copyValue(null), '\\N');
  assert.equal(copyValue(undefined), '\\N');
  assert.equal(copyValue(true), 't');
  assert.equal(copyValue(false), 'f');
  assert.equal(copyValue(12.5), '12.5');
  assert.equal(copyValue(new Date('2026-01-02T03:04:05Z')), '2026-01-02T03:04:05.000Z');
  assert.equal(copyValue('tab\there\nnew line\\back'), 'tab\\there\\nnew line\\\\back');
});

test('a string array is a text[] literal; an array of objects is jsonb', () => {
  assert.equal(copyValue(['1A', 'say "hi"']), '{"1A","say \\\\"hi\\\\""}');
  assert.equal(copyValue([]), '{}');
  assert.equal(copyValue([{ agency: 'police', name: null }]), '[{"agency":"police","name":null}]');
  assert.equal(copyValue({ a: 1 }), '{"a":1}');
});

test('rows become tab-separated lines in column order', () => {
  assert.equal(toCopyText(['a', 'b'], [{ a: 1, b: null }, { b: 'x', a: 2 }]), '1\t\\N\n2\tx\n');
  assert.equal(toCopyText(['a'], []), '');
});
