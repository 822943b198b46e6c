import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ALL_RULES } from '../domain/areas/index.js';
import { rulesData, rulesTable } from './rules.js';

test('docs/architecture.md carries the registry’s rules table as `hearth rules` prints it (regenerate with `npx tsx src/cli/hearth.ts rules`)', () => {
  const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
  assert.ok(doc.includes(rulesTable()), 'the table in docs/architecture.md is out of date');
});

test('`hearth rules --json` lists every rule of the registry once', () => {
  assert.deepEqual(rulesData().map((r) => r.id).sort(), ALL_RULES.map((r) => r.id).sort());
});
