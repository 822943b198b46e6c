import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasUnsafeNameCharacters } from './names.js';

test('names: control and bidirectional formatting characters are unsafe; letters of any script are not', () => {
  const unsafe = ['Ann\u202Eeiv', 'Jo\u2066e', 'Jo\u2069', 'Sam\u200F', 'Sam\u200E', 'Tab\there', 'Line\nbreak', 'Nul\u0000', 'Del\u007F', 'C1\u0085', 'Emb\u202Aed'];
  for (const name of unsafe) assert.equal(hasUnsafeNameCharacters(name), true, JSON.stringify(name));
  const safe = ['Zoë O’Brien-Smith', 'محمد', 'יוסף', 'Nguyễn Thị', '王秀英', 'Siân', 'D\u2019Arcy', 'Anne Marie'];
  for (const name of safe) assert.equal(hasUnsafeNameCharacters(name), false, name);
});
