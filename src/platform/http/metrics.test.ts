import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { createHttpApp } from './index.ts';
import { createLogger } from '../logger/index.ts';
import { systemClock } from '../clock/index.ts';
import { createTestHttpApp } from './testing.ts';

describe('metrics', () => {
  it('counts requests by method, route pattern and status, never by raw URL', async (t) => {
    const { app } = createTestHttpApp(t);
    app.get('/open-banking/accounts/v2/accounts/:accountId', () => ({ ok: true }));
    for (const id of ['acc-1', 'acc-2', 'acc-3']) {
      await app.inject({ method: 'GET', url: `/open-banking/accounts/v2/accounts/${id}` });
    }
    await app.inject({ method: 'GET', url: '/no/such/route/xyz' });

    const res = await app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] ?? '', /^text\/plain/);
    assert.match(
      res.body,
      /http_requests_total\{method="GET",route="\/open-banking\/accounts\/v2\/accounts\/:accountId",status_code="200"\} 3/,
    );
    assert.match(res.body, /http_requests_total\{method="GET",route="unmatched",status_code="404"\} 1/);
    assert.ok(!res.body.includes('acc-1') && !res.body.includes('xyz'), 'raw URLs leaked into labels');
  });

  it('records request duration by method and route pattern', async (t) => {
    const { app } = createTestHttpApp(t);
    app.get('/items/:id', () => ({ ok: true }));
    await app.inject({ method: 'GET', url: '/items/1' });
    const body = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    assert.match(body, /http_request_duration_seconds_count\{method="GET",route="\/items\/:id"\} 1/);
  });

  it('includes the default process metrics', async (t) => {
    const { app } = createTestHttpApp(t, { options: { defaultMetrics: true } });
    const body = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    assert.match(body, /process_cpu_user_seconds_total/);
    assert.match(body, /nodejs_heap_size_used_bytes/);
  });

  it('lets two apps share one registry', async (t) => {
    const registry = new Registry();
    const logger = createLogger({ level: 'silent' });
    const deps = { logger, metrics: registry, readinessChecks: [], clock: systemClock };
    const first = createHttpApp(deps);
    const second = createHttpApp(deps);
    t.after(async () => {
      await first.close();
      await second.close();
    });
    await first.inject({ method: 'GET', url: '/health/live' });
    await second.inject({ method: 'GET', url: '/health/live' });
    const body = await registry.metrics();
    assert.match(body, /http_requests_total\{method="GET",route="\/health\/live",status_code="200"\} 2/);
  });
});
