import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './index.ts';

describe('loadConfig', () => {
  it('gives working embedded defaults with an empty environment', () => {
    const config = loadConfig({}, '/srv/ponte');
    assert.equal(config.home, '/srv/ponte/.ponte');
    assert.equal(config.database.url, undefined);
    assert.equal(config.http.port, 8080);
    assert.equal(config.crypto.masterKeyFile, '/srv/ponte/.ponte/keys/master.key');
    assert.equal(config.log.level, 'info');
  });

  it('reads an external database URL and typed values', () => {
    const config = loadConfig(
      {
        DATABASE_URL: 'postgres://u@127.0.0.1:5432/test',
        PONTE_HTTP_PORT: '9443',
        PONTE_TRUST_PROXY: 'yes',
        PONTE_LOG_LEVEL: 'debug',
      },
      '/srv',
    );
    assert.equal(config.database.url, 'postgres://u@127.0.0.1:5432/test');
    assert.equal(config.http.port, 9443);
    assert.equal(config.http.trustProxy, true);
    assert.equal(config.log.level, 'debug');
  });

  it('takes the simulator’s outside-clients origin as an https URL only', () => {
    assert.equal(loadConfig({}).sim.clientOrigin, undefined);
    assert.equal(
      loadConfig({ PONTE_SIM_CLIENT_ORIGIN: 'https://127.0.0.1:9000/' }).sim.clientOrigin,
      'https://127.0.0.1:9000',
    );
    assert.throws(
      () => loadConfig({ PONTE_SIM_CLIENT_ORIGIN: 'http://127.0.0.1:9000' }),
      (error: unknown) =>
        error instanceof ConfigError && /PONTE_SIM_CLIENT_ORIGIN must use https:/.test(error.message),
    );
  });

  it('reports every malformed value at once', () => {
    assert.throws(
      () =>
        loadConfig({
          PONTE_HTTP_PORT: 'eighty',
          PONTE_DB_POOL_MAX: '0',
          PONTE_LOG_LEVEL: 'chatty',
          PONTE_TRUST_PROXY: 'maybe',
          DATABASE_URL: 'mysql://x',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.problems.length, 5);
        assert.match(error.message, /PONTE_HTTP_PORT must be a whole number, got "eighty"/);
        assert.match(error.message, /PONTE_DB_POOL_MAX must be between 1 and 500/);
        assert.match(error.message, /PONTE_LOG_LEVEL must be one of/);
        assert.match(error.message, /DATABASE_URL must use postgres: or postgresql:/);
        return true;
      },
    );
  });

  it('never echoes a database URL that may hold a password', () => {
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'postgres://user:s3cret@ho st/db' }),
      (error: unknown) => error instanceof ConfigError && !error.message.includes('s3cret'),
    );
  });
});
