import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AREAS } from '../../domain/areas/index.js';
import { isChronologyKind } from './chronology.js';

test('each area’s chronology kinds are kinds the chronology draws, and no kind belongs to two areas', () => {
  const declared = AREAS.flatMap((a) => a.chronologyKinds.map((k) => ({ area: a.id, kind: k })));
  for (const { area, kind } of declared) assert.ok(isChronologyKind(kind), `${area}: ${kind} is a chronology kind`);
  assert.equal(new Set(declared.map((x) => x.kind)).size, declared.length, 'no kind in two areas');
});
