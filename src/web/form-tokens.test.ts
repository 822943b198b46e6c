import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FormReader } from './form-reader.js';
import { FORM_EXPIRED, newFormToken, readFormToken, readVersion, submissionOf } from './form-tokens.js';

describe('form tokens', () => {
  test('a fresh token reads back; a missing or forged one is the form-expired error on formToken', () => {
    const token = newFormToken();
    assert.notEqual(token, newFormToken(), 'one per rendered form');
    const ok = new FormReader({ formToken: token });
    assert.equal(readFormToken(ok), token);
    assert.deepEqual(ok.errors, []);
    for (const sent of [undefined, '', 'not-a-token', `${token}x`]) {
      const form = new FormReader(sent === undefined ? {} : { formToken: sent });
      assert.equal(readFormToken(form), null, String(sent));
      assert.deepEqual(form.errors, [{ field: 'formToken', message: FORM_EXPIRED }]);
    }
  });

  test('the version is a whole number; anything else is refused like a forged form, with the caller’s words if given', () => {
    assert.equal(readVersion(new FormReader({ version: '7' })), 7);
    const bad = new FormReader({ version: '1; drop table' });
    assert.equal(readVersion(bad, 'Reload and try again.'), 0);
    assert.deepEqual(bad.errors, [{ field: 'formToken', message: 'Reload and try again.' }]);
  });

  test('a submission is the token sent by this user', () => {
    assert.deepEqual(submissionOf({ userId: 'u1' }, 't1'), { token: 't1', userId: 'u1' });
  });
});
