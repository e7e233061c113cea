import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { systemClock } from '../platform/clock/index.ts';
import {
  createCertificateAuthority,
  loadOrCreateCertificateAuthority,
  parseOpenFinanceSubject,
} from './index.ts';
import type { CertificateAuthority, IssuedCertificate } from './index.ts';

let ca: CertificateAuthority;
let brcac: IssuedCertificate;
let server: https.Server;
let port: number;
let seen: string[] = [];

function get(options: { key?: string; cert?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: '127.0.0.1',
        port,
        path: '/',
        ca: ca.trustBundlePem,
        servername: 'localhost',
        agent: false,
        ...options,
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

before(async () => {
  ca = await createCertificateAuthority({ clock: systemClock });
  brcac = await ca.issueTransportCertificate({
    commonName: 'tpp.localhost',
    softwareStatementId: 'c0ffee00-0000-4000-8000-000000000001',
    orgId: '5a1e0000-0000-4000-8000-000000000002',
    organizationName: 'TPP Simulado Ltda',
    cnpj: '11222333000181',
    locality: 'Sao Paulo',
    state: 'SP',
  });
  const tls = await ca.issueServerCertificate({
    commonName: 'localhost',
    organizationName: 'Ponte',
    ipAddresses: ['127.0.0.1'],
  });
  server = https.createServer(
    {
      key: tls.privateKeyPem,
      cert: tls.chainPem,
      ca: ca.trustBundlePem,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (request, response) => {
      const peer = (request.socket as TLSSocket).getPeerX509Certificate();
      seen.push(peer?.subject ?? '');
      response.end(peer ? parseOpenFinanceSubject(peer).softwareStatementId : 'none');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('mTLS on loopback with the simulated CA', () => {
  it('accepts a Ponte-issued BRCAC and lets the server read its Open Finance subject', async () => {
    seen = [];
    const response = await get({ key: brcac.privateKeyPem, cert: brcac.chainPem });
    assert.equal(response.status, 200);
    assert.equal(response.body, 'c0ffee00-0000-4000-8000-000000000001');
    assert.equal(seen.length, 1);
  });

  it('refuses a self-signed client certificate during the handshake', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ponte-selfsigned-'));
    const keyFile = path.join(dir, 'privkey.pem');
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
        '/CN=tpp.localhost',
        '-keyout',
        keyFile,
        '-out',
        path.join(dir, 'c.pem'),
      ],
      { stdio: 'ignore' },
    );
    const key = fs.readFileSync(keyFile, 'utf8');
    const cert = fs.readFileSync(path.join(dir, 'c.pem'), 'utf8');
    fs.rmSync(dir, { recursive: true, force: true });
    seen = [];
    await assert.rejects(get({ key, cert }), /alert|ECONNRESET|socket hang up/i);
    assert.deepEqual(seen, []);
  });

  it('refuses a client without a certificate when the server requires one', async () => {
    seen = [];
    await assert.rejects(get({}), /alert|ECONNRESET|socket hang up/i);
    assert.deepEqual(seen, []);
  });
});

describe('loadOrCreateCertificateAuthority', () => {
  it('creates the CA once and finds the same one on the next start, keys readable only by the owner', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ponte-ca-'));
    try {
      const first = await loadOrCreateCertificateAuthority({ dir: path.join(dir, 'ca'), clock: systemClock });
      const second = await loadOrCreateCertificateAuthority({
        dir: path.join(dir, 'ca'),
        clock: systemClock,
      });
      assert.equal(second.issuing.fingerprint256, first.issuing.fingerprint256);
      assert.equal(fs.statSync(path.join(dir, 'ca', 'issuing-ca.key')).mode & 0o777, 0o600);
      fs.rmSync(path.join(dir, 'ca', 'root-ca.key'));
      await assert.rejects(
        loadOrCreateCertificateAuthority({ dir: path.join(dir, 'ca'), clock: systemClock }),
        /incomplete CA/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
