import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { hash, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { Agent, request } from 'undici';
import { createTestHttpApp } from './testing.ts';

/** A self-signed certificate and its key (openssl), valid for 127.0.0.1. */
function selfSigned(commonName: string): { cert: string; key: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ponte-cert-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${commonName}`,
     '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], // prettier-ignore
    { stdio: 'ignore' },
  );
  const pair = {
    cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'),
  };
  fs.rmSync(dir, { recursive: true, force: true });
  return pair;
}

let pem: string;
let client: { cert: string; key: string };
let server: { cert: string; key: string };
before(() => {
  client = selfSigned('client-under-test');
  server = selfSigned('127.0.0.1');
  pem = client.cert;
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

  function forwardedEcho(t: { after(fn: () => Promise<void>): void }, trustedProxies: string[]) {
    const { app } = createTestHttpApp(t, {
      options: { clientCertificates: { mode: 'proxy', header: 'x-ssl-client-cert', trustedProxies } },
    });
    app.get('/forwarded', (request) => ({
      ip: request.ip,
      host: request.headers['x-forwarded-host'] ?? null,
      proto: request.headers['x-forwarded-proto'] ?? null,
      certificateHeader: request.headers['x-ssl-client-cert'] !== undefined,
    }));
    return app;
  }
  const forwardedHeaders = {
    'x-forwarded-for': '203.0.113.9',
    'x-forwarded-host': 'evil.example',
    'x-forwarded-proto': 'https',
    'x-ssl-client-cert': 'anything',
  };

  it('drops the gateway headers of a request from an address that is not a configured proxy', async (t) => {
    const app = forwardedEcho(t, ['10.0.0.7']);
    const res = await app.inject({ url: '/forwarded', headers: forwardedHeaders });
    // Nothing downstream (oidc-provider builds its URLs from X-Forwarded-Host) sees them.
    assert.deepEqual(res.json(), { ip: '127.0.0.1', host: null, proto: null, certificateHeader: false });
  });

  it('believes the gateway headers from a configured proxy: request.ip is the client behind it', async (t) => {
    const app = forwardedEcho(t, ['127.0.0.1']);
    const res = await app.inject({ url: '/forwarded', headers: forwardedHeaders });
    assert.deepEqual(res.json(), {
      ip: '203.0.113.9',
      host: 'evil.example',
      proto: 'https',
      certificateHeader: true,
    });
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

describe('client certificate over TLS', () => {
  async function tlsApp(t: { after(fn: () => Promise<void>): void }) {
    const { app } = createTestHttpApp(t, {
      options: { tls: { key: server.key, cert: server.cert, ca: client.cert } },
    });
    app.get('/whoami', (request) => {
      const presented = request.clientCertificate();
      return { subject: presented?.certificate.subject ?? null, thumbprint: presented?.thumbprint ?? null };
    });
    return app.listen({ host: '127.0.0.1', port: 0 });
  }

  it('gives the x5t#S256 thumbprint of the presented certificate on every request of a connection', async (t) => {
    const url = await tlsApp(t);
    const agent = new Agent({
      connections: 1,
      connect: { ca: server.cert, cert: client.cert, key: client.key },
    });
    t.after(() => agent.close());
    const expected = hash('sha256', new X509Certificate(client.cert).raw, 'base64url');
    for (let i = 0; i < 3; i++) {
      const res = await request(`${url}/whoami`, { dispatcher: agent });
      assert.deepEqual(await res.body.json(), { subject: 'CN=client-under-test', thumbprint: expected });
    }
  });

  it('refuses TLS 1.2 renegotiation, so a connection cannot switch certificates', async (t) => {
    const url = new URL(await tlsApp(t));
    const socket = tls.connect({
      host: url.hostname,
      port: Number(url.port),
      ca: server.cert,
      cert: client.cert,
      key: client.key,
      maxVersion: 'TLSv1.2',
    });
    t.after(() => void socket.destroy());
    await new Promise<void>((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
    const outcome = await new Promise<string>((resolve) => {
      socket.once('error', (error: Error) => resolve(`error: ${error.message}`));
      socket.once('close', () => resolve('closed'));
      socket.renegotiate({}, (error) => resolve(error ? `error: ${error.message}` : 'renegotiated'));
      // Renegotiation only starts with the next exchange of records.
      socket.write('GET /whoami HTTP/1.1\r\nHost: x\r\n\r\n');
    });
    assert.notEqual(outcome, 'renegotiated', 'the server must not renegotiate');
  });
});
