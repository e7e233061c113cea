import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestHttpApp } from './testing.ts';

let pem: string;
before(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ponte-cert-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=client-under-test',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  pem = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
});

function appWithProxy(t: { after(fn: () => Promise<void>): void }, trustedProxies: string[]) {
  const { app } = createTestHttpApp(t, {
    options: { clientCertificates: { mode: 'proxy', header: 'x-ssl-client-cert', trustedProxies } },
  });
  app.get('/whoami', (request) => {
    const presented = request.clientCertificate();
    return { subject: presented?.certificate.subject ?? null, verified: presented?.verified ?? false };
  });
  return app;
}

describe('client certificate from a TLS-terminating proxy', () => {
  it('reads the forwarded certificate when the request comes from a trusted proxy', async (t) => {
    const app = appWithProxy(t, ['127.0.0.0/8']);
    const res = await app.inject({
      url: '/whoami',
      headers: { 'x-ssl-client-cert': encodeURIComponent(pem) },
    });
    assert.deepEqual(res.json(), { subject: 'CN=client-under-test', verified: true });
  });

  it('ignores the header from an address that is not a configured proxy', async (t) => {
    const app = appWithProxy(t, ['10.0.0.7']);
    const res = await app.inject({
      url: '/whoami',
      headers: { 'x-ssl-client-cert': encodeURIComponent(pem) },
    });
    assert.deepEqual(res.json(), { subject: null, verified: false });
  });

  it('treats a garbled forwarded certificate as absent, not as a server error', async (t) => {
    const app = appWithProxy(t, ['127.0.0.1']);
    const res = await app.inject({ url: '/whoami', headers: { 'x-ssl-client-cert': 'not-a-certificate' } });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { subject: null, verified: false });
  });

  it('refuses a malformed proxy list at start', (t) => {
    assert.throws(() => appWithProxy(t, ['not-an-ip']), /not an IP address or CIDR/);
  });
});
