import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReadinessCheck } from './index.ts';
import { createTestHttpApp } from './testing.ts';

const ok = (name: string): ReadinessCheck => ({ name, check: async () => {} });

describe('health', () => {
  it('answers /health/live with 200', async (t) => {
    const { app } = createTestHttpApp(t);
    const res = await app.inject({ method: 'GET', url: '/health/live' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
  });

  it('answers /health/ready with 200 and each check when all pass', async (t) => {
    const { app } = createTestHttpApp(t, { readinessChecks: [ok('database'), ok('keystore')] });
    const res = await app.inject({ method: 'GET', url: '/health/ready' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', checks: { database: 'ok', keystore: 'ok' } });
  });

  it('answers 503 when a check fails, without the error in the body but with it in the log', async (t) => {
    const failing: ReadinessCheck = {
      name: 'database',
      check: () => Promise.reject(new Error('password authentication failed for user "ponte"')),
    };
    const { app, logLines } = createTestHttpApp(t, { readinessChecks: [ok('keystore'), failing] });
    const res = await app.inject({ method: 'GET', url: '/health/ready' });
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), { status: 'unavailable', checks: { keystore: 'ok', database: 'failed' } });
    assert.ok(!res.body.includes('authentication'));
    assert.ok(logLines().some((line) => line.msg === 'readiness check failed' && line.check === 'database'));
  });

  it('answers 503 when a check does not answer within the timeout', async (t) => {
    const hanging: ReadinessCheck = { name: 'directory', check: () => new Promise(() => {}) };
    const { app } = createTestHttpApp(t, { readinessChecks: [hanging], options: { readinessTimeoutMs: 20 } });
    const res = await app.inject({ method: 'GET', url: '/health/ready' });
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), { status: 'unavailable', checks: { directory: 'timeout' } });
  });
});

describe('readiness timeouts', () => {
  it('survives a check that fails after its timeout has been answered', async (t) => {
    const late: ReadinessCheck = {
      name: 'slow-db',
      check: () => new Promise((_resolve, reject) => setTimeout(() => reject(new Error('late failure')), 30)),
    };
    const { app, logLines } = createTestHttpApp(t, {
      readinessChecks: [late],
      options: { readinessTimeoutMs: 5 },
    });
    const res = await app.inject({ method: 'GET', url: '/health/ready' });
    assert.deepEqual(res.json(), { status: 'unavailable', checks: { 'slow-db': 'timeout' } });
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.ok(logLines().some((line) => line.msg === 'readiness check failed'));
  });
});

describe('graceful close', () => {
  it('lets an in-flight request finish before the server closes', async (t) => {
    const { app } = createTestHttpApp(t);
    let release: () => void = () => {};
    const started = new Promise<void>((markStarted) => {
      app.get('/slow', async () => {
        markStarted();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return { done: true };
      });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request({ port, host: '127.0.0.1', path: '/slow' }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
        .on('error', reject)
        .end();
    });
    await started;
    const closed = app.close();
    release();
    const { status, body } = await response;
    await closed;
    assert.equal(status, 200);
    assert.deepEqual(JSON.parse(body), { done: true });
  });
});
