import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './index.ts';

describe('loadConfig: telemetry', () => {
  it('keeps tracing off unless an OTLP endpoint is configured', () => {
    assert.deepEqual(loadConfig({}).telemetry, { enabled: false, serviceName: 'ponte' });
    assert.equal(loadConfig({ OTEL_SERVICE_NAME: 'ponte-authz' }).telemetry.enabled, false);
  });

  it('turns tracing on with either standard endpoint variable', () => {
    const base = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' });
    assert.equal(base.telemetry.enabled, true);
    const traces = loadConfig({
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector/v1/traces',
      OTEL_SERVICE_NAME: 'ponte-holder',
    });
    assert.deepEqual(traces.telemetry, { enabled: true, serviceName: 'ponte-holder' });
  });

  it('honours OTEL_SDK_DISABLED and OTEL_TRACES_EXPORTER=none', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    assert.equal(loadConfig({ ...endpoint, OTEL_SDK_DISABLED: 'true' }).telemetry.enabled, false);
    assert.equal(loadConfig({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' }).telemetry.enabled, false);
    assert.equal(loadConfig({ ...endpoint, OTEL_SDK_DISABLED: 'false' }).telemetry.enabled, true);
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    assert.throws(
      () => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }),
      (error: unknown) => error instanceof ConfigError && /OTEL_EXPORTER_OTLP_ENDPOINT/.test(error.message),
    );
  });
});

describe('loadConfig: previous master keys', () => {
  it('has none by default', () => {
    assert.deepEqual(loadConfig({}, '/srv').crypto.previousMasterKeyFiles, []);
  });

  it('reads a comma-separated list, resolved against the working directory', () => {
    const config = loadConfig(
      { PONTE_PREVIOUS_MASTER_KEY_FILES: 'keys/2024.key, /vault/2023.key ,' },
      '/srv/ponte',
    );
    assert.deepEqual(config.crypto.previousMasterKeyFiles, ['/srv/ponte/keys/2024.key', '/vault/2023.key']);
  });
});
