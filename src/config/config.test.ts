import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

const SECRET = 's'.repeat(32);

/** The ConfigError's message, failing the test if loadConfig does not throw one. */
function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `a ConfigError, not ${String(error)}`);
    assert.match(error.message, /^Hearth cannot start: the configuration is not valid\./);
    return error.message;
  }
  assert.fail(`loadConfig(${JSON.stringify(env)}) should have been refused`);
}

describe('loadConfig', () => {
  test('with nothing set: development on the embedded database in ./data, on 127.0.0.1:3000', () => {
    const config = loadConfig({});
    assert.deepEqual(config, {
      env: 'development',
      host: '127.0.0.1',
      port: 3000,
      database: { engine: 'pglite', dataDir: path.resolve('./data') },
      sessionSecret: config.sessionSecret,
      sessionIdleMinutes: 60,
      authorityName: 'Hearthshire Council',
      laCode: '999',
      vacuumIntervalMinutes: 60,
      signIn: { maxFailures: 5, windowMinutes: 15 },
      trustedProxies: [],
    });
    assert.ok(config.sessionSecret.length >= 32, 'a development secret so that npm start works');
  });

  test('reads each setting from the environment', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '0.0.0.0',
      PORT: '8080',
      HEARTH_DATA_DIR: '/var/lib/hearth',
      SESSION_SECRET: SECRET,
      SESSION_IDLE_MINUTES: '30',
      AUTHORITY_NAME: 'Testshire Council',
      AUTHORITY_LA_CODE: '123',
      VACUUM_INTERVAL_MINUTES: '0',
      SIGN_IN_MAX_FAILURES: '3',
      SIGN_IN_WINDOW_MINUTES: '30',
      TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16',
    });
    assert.deepEqual(config, {
      env: 'test',
      host: '0.0.0.0',
      port: 8080,
      database: { engine: 'pglite', dataDir: '/var/lib/hearth' },
      sessionSecret: SECRET,
      sessionIdleMinutes: 30,
      authorityName: 'Testshire Council',
      laCode: '123',
      vacuumIntervalMinutes: 0,
      signIn: { maxFailures: 3, windowMinutes: 30 },
      trustedProxies: ['10.0.0.1', '10.1.0.0/16'],
    });
  });

  test('DATABASE_URL selects PostgreSQL', () => {
    const url = 'postgres://hearth:pw@db.internal:5432/hearth';
    assert.deepEqual(loadConfig({ DATABASE_URL: url }).database, { engine: 'postgres', url });
  });

  test('production without DATABASE_URL and SESSION_SECRET is refused, naming both', () => {
    const message = refusal({ NODE_ENV: 'production' });
    assert.match(message, /DATABASE_URL: DATABASE_URL is required in production/);
    assert.match(message, /SESSION_SECRET: SESSION_SECRET is required in production/);
  });

  test('production without one of them is refused, naming only that one', () => {
    const noSecret = refusal({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/hearth' });
    assert.match(noSecret, /SESSION_SECRET/);
    assert.doesNotMatch(noSecret, /DATABASE_URL/);
    const noDatabase = refusal({ NODE_ENV: 'production', SESSION_SECRET: SECRET });
    assert.match(noDatabase, /DATABASE_URL/);
    assert.doesNotMatch(noDatabase, /SESSION_SECRET/);
  });

  test('production with both starts, using the secret given', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/hearth', SESSION_SECRET: SECRET });
    assert.equal(config.env, 'production');
    assert.equal(config.sessionSecret, SECRET);
    assert.equal(config.database.engine, 'postgres');
  });

  test('production refuses the development session secret published in the source', () => {
    const development = loadConfig({}).sessionSecret;
    const message = refusal({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/hearth', SESSION_SECRET: development });
    assert.match(message, /SESSION_SECRET: SESSION_SECRET is the published development value/);
  });

  test('TRUSTED_PROXIES: none by default (X-Forwarded-For is ignored); addresses and ranges are checked', () => {
    assert.deepEqual(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/hearth', SESSION_SECRET: SECRET }).trustedProxies, []);
    assert.deepEqual(loadConfig({ TRUSTED_PROXIES: '127.0.0.1,::1, 192.168.0.0/24' }).trustedProxies, ['127.0.0.1', '::1', '192.168.0.0/24']);
    for (const bad of ['true', 'everyone', '10.0.0.1/99', '10.0.0.0/8,*']) {
      assert.match(refusal({ TRUSTED_PROXIES: bad }), /TRUSTED_PROXIES: /, bad);
    }
  });

  test('a SESSION_SECRET shorter than 32 characters is refused, in any environment', () => {
    for (const NODE_ENV of ['development', 'production']) {
      const message = refusal({ NODE_ENV, DATABASE_URL: 'postgres://db/hearth', SESSION_SECRET: 's'.repeat(31) });
      assert.match(message, /SESSION_SECRET: SESSION_SECRET must be at least 32 characters/);
    }
  });

  test('an invalid PORT is refused', () => {
    for (const PORT of ['abc', '70000', '-1', '80.5']) {
      assert.match(refusal({ PORT }), /PORT/, `PORT=${PORT}`);
    }
    assert.equal(loadConfig({ PORT: '0' }).port, 0, 'port 0 (any free port) is allowed');
  });

  test('other invalid settings are refused, every problem listed at once', () => {
    const message = refusal({
      NODE_ENV: 'staging',
      DATABASE_URL: 'not a url',
      SESSION_IDLE_MINUTES: '0',
      AUTHORITY_LA_CODE: '12',
      SIGN_IN_MAX_FAILURES: 'many',
    });
    for (const name of ['NODE_ENV', 'DATABASE_URL', 'SESSION_IDLE_MINUTES', 'AUTHORITY_LA_CODE', 'SIGN_IN_MAX_FAILURES']) {
      assert.match(message, new RegExp(`  - ${name}: `), name);
    }
  });

  test('a variable set to nothing counts as not set, not as port 0 or the current directory', () => {
    const config = loadConfig({ PORT: '', HEARTH_DATA_DIR: '', SESSION_IDLE_MINUTES: ' ', AUTHORITY_NAME: '' });
    assert.equal(config.port, 3000);
    assert.deepEqual(config.database, { engine: 'pglite', dataDir: path.resolve('./data') });
    assert.equal(config.sessionIdleMinutes, 60);
    assert.equal(config.authorityName, 'Hearthshire Council');
    const message = refusal({ NODE_ENV: 'production', DATABASE_URL: '', SESSION_SECRET: '' });
    assert.match(message, /DATABASE_URL: DATABASE_URL is required in production/);
    assert.match(message, /SESSION_SECRET: SESSION_SECRET is required in production/);
  });

  test('overrides replace what the environment says (tests and the CLI use them)', () => {
    const config = loadConfig({ SESSION_IDLE_MINUTES: '30' }, { sessionIdleMinutes: 5, signIn: { maxFailures: 2, windowMinutes: 1 } });
    assert.equal(config.sessionIdleMinutes, 5);
    assert.deepEqual(config.signIn, { maxFailures: 2, windowMinutes: 1 });
  });
});
