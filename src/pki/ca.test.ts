import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { systemClock } from '../platform/clock/index.ts';
import { AppError } from '../platform/errors/index.ts';
import {
  certificateJwk,
  certificateSubject,
  certificateThumbprint,
  createCertificateAuthority,
  formatDistinguishedName,
  loadCertificateAuthority,
  parseOpenFinanceSubject,
  verifyChain,
} from './index.ts';
import type { CertificateAuthority, IssuedCertificate } from './index.ts';

const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';

// Values of the certificate standard's example subject ("Padrão do Subject DN", 2023-01-19).
const EXAMPLE = {
  commonName: 'web.conftpp.directory.openbankingbrasil.org.br',
  softwareStatementId: 'bc97b8f0-cae0-4f2f-9978-d93f0e56a833',
  orgId: 'd7384bd0-842f-43c5-be02-9d2b2d5efc2c',
  organizationName: 'Chicago Advisory Partners',
  cnpj: '43142666000197',
  locality: 'Sao Paulo',
  state: 'SP',
};
const EXAMPLE_DN =
  'CN=web.conftpp.directory.openbankingbrasil.org.br,UID=bc97b8f0-cae0-4f2f-9978-d93f0e56a833,' +
  '2.5.4.97=#0c2a4f464242522d64373338346264302d383432662d343363352d626530322d396432623264356566633263,' +
  'L=Sao Paulo,ST=SP,O=Chicago Advisory Partners,C=BR,2.5.4.5=#130e3433313432363636303030313937,' +
  '1.3.6.1.4.1.311.60.2.1.3=#13024252,2.5.4.15=#0c1450726976617465204f7267616e697a6174696f6e';

function openssl(args: string[], input?: string | Buffer): Buffer {
  return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'ignore'] });
}

function untrusted(fn: () => unknown): void {
  assert.throws(fn, (e: unknown) => e instanceof AppError && e.code === 'CERTIFICATE_UNTRUSTED');
}

let ca: CertificateAuthority;
let brcac: IssuedCertificate;
before(async () => {
  ca = await createCertificateAuthority({ clock: systemClock });
  brcac = await ca.issueTransportCertificate({
    ...EXAMPLE,
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1'],
  });
});

describe('transport certificate (BRCAC)', () => {
  it('carries the Open Finance subject in the standard RDN order and encodings', () => {
    assert.equal(formatDistinguishedName(certificateSubject(brcac.certificate)), EXAMPLE_DN);
  });

  it('is read by OpenSSL with the expected subject, key usages and SAN', () => {
    const subject = openssl(['x509', '-noout', '-subject'], brcac.certificatePem).toString();
    assert.equal(
      subject.trim(),
      'subject=businessCategory = Private Organization, jurisdictionC = BR, serialNumber = 43142666000197, ' +
        'C = BR, O = Chicago Advisory Partners, ST = SP, L = Sao Paulo, ' +
        'organizationIdentifier = OFBBR-d7384bd0-842f-43c5-be02-9d2b2d5efc2c, ' +
        'UID = bc97b8f0-cae0-4f2f-9978-d93f0e56a833, CN = web.conftpp.directory.openbankingbrasil.org.br',
    );
    const ext = openssl(
      ['x509', '-noout', '-ext', 'keyUsage,extendedKeyUsage,subjectAltName'],
      brcac.certificatePem,
    ).toString();
    assert.match(ext, /Key Usage: critical\s+Digital Signature, Key Encipherment\n/);
    assert.match(ext, /Extended Key Usage: \s*\n\s+TLS Web Client Authentication\n/);
    assert.match(
      ext,
      /DNS:web\.conftpp\.directory\.openbankingbrasil\.org\.br, DNS:localhost, IP Address:127\.0\.0\.1/,
    );
  });

  it('is read by node:crypto, with clientAuth only unless serverAuth is asked for', async () => {
    const node = new X509Certificate(brcac.certificatePem);
    assert.deepEqual(node.keyUsage, [CLIENT_AUTH]);
    assert.equal(node.ca, false);
    assert.ok(node.checkHost('localhost'));
    assert.ok(node.checkIP('127.0.0.1'));
    const dual = await ca.issueTransportCertificate({ ...EXAMPLE, serverAuth: true });
    assert.deepEqual(new Set(dual.certificate.keyUsage), new Set([CLIENT_AUTH, SERVER_AUTH]));
  });

  it('can be issued in the legacy form with the org id in OU', async () => {
    const legacy = await ca.issueTransportCertificate({ ...EXAMPLE, legacyOrgUnit: true });
    const subject = parseOpenFinanceSubject(legacy.certificate);
    assert.equal(subject.orgIdSource, 'organizationalUnitName');
    assert.equal(subject.orgId, EXAMPLE.orgId);
  });

  it('comes with its private key and the chain a TLS peer sends', () => {
    const node = new X509Certificate(brcac.certificatePem);
    assert.ok(node.checkPrivateKey(createPrivateKey(brcac.privateKeyPem)));
    assert.equal((brcac.chainPem.match(/BEGIN CERTIFICATE/g) ?? []).length, 2);
    // The issuing CA is itself a trust anchor of the bundle: the chain stops there.
    assert.deepEqual(
      verifyChain(brcac.certificate, ca.trustBundlePem).map((c) => c.fingerprint256),
      [brcac.certificate.fingerprint256, ca.issuing.fingerprint256],
    );
  });
});

describe('signing (BRSEAL) and server certificates', () => {
  it('issues a BRSEAL with UID = org id, O = ICP-Brasil, CN = company and ICP-Brasil otherNames', async () => {
    const seal = await ca.issueSigningCertificate({
      orgId: EXAMPLE.orgId,
      organizationName: 'Banco Ponte S.A.',
      cnpj: EXAMPLE.cnpj,
    });
    const subject = openssl(['x509', '-noout', '-subject'], seal.certificatePem).toString();
    assert.match(
      subject,
      /^subject=UID = d7384bd0-842f-43c5-be02-9d2b2d5efc2c, C = BR, O = ICP-Brasil, OU = AC Ponte Simulador SSL, OU = \d{14}, OU = videoconferencia, CN = Banco Ponte S\.A\.$/m,
    );
    const ext = openssl(
      ['x509', '-noout', '-ext', 'keyUsage,subjectAltName'],
      seal.certificatePem,
    ).toString();
    assert.match(ext, /Key Usage: critical\s+Digital Signature, Non Repudiation\n/);
    assert.match(ext, /othername: 2\.16\.76\.1\.3\.3::43142666000197/);
    assert.deepEqual(seal.certificate.keyUsage, undefined);
  });

  it('issues a server certificate for loopback names with serverAuth', async () => {
    const server = await ca.issueServerCertificate({
      commonName: 'localhost',
      organizationName: 'Ponte',
      ipAddresses: ['127.0.0.1'],
    });
    assert.deepEqual(server.certificate.keyUsage, [SERVER_AUTH]);
    assert.ok(server.certificate.checkIP('127.0.0.1'));
    assert.equal(verifyChain(server.certificatePem, ca.trustBundlePem).length, 2);
  });
});

describe('persistence', () => {
  it('brings the same CA back from its PEM export, and new certificates chain to the old trust bundle', async () => {
    const again = loadCertificateAuthority(ca.export(), { clock: systemClock });
    assert.equal(again.root.fingerprint256, ca.root.fingerprint256);
    const later = await again.issueTransportCertificate(EXAMPLE);
    assert.equal(verifyChain(later.certificate, ca.trustBundlePem).length, 2);
  });

  it('refuses material whose key does not belong to the certificate', () => {
    const exported = ca.export();
    assert.throws(
      () =>
        loadCertificateAuthority(
          {
            root: exported.root,
            issuing: { ...exported.issuing, privateKeyPem: exported.root.privateKeyPem },
          },
          { clock: systemClock },
        ),
      /do not belong together/,
    );
  });
});

describe('verifyChain', () => {
  it('refuses a self-signed certificate and one from another CA', async () => {
    const other = await createCertificateAuthority({ clock: systemClock, label: 'Outra' });
    const foreign = await other.issueTransportCertificate(EXAMPLE);
    untrusted(() => verifyChain(foreign.certificate, ca.trustBundlePem));
    untrusted(() => verifyChain(other.root, ca.trustBundlePem));
  });

  it('refuses a certificate outside its validity', () => {
    untrusted(() =>
      verifyChain(brcac.certificate, ca.trustBundlePem, { at: new Date(Date.now() + 400 * 86_400_000) }),
    );
  });

  it('uses intermediates given apart from the trust anchors', () => {
    const chain = verifyChain(brcac.certificate, ca.root, { intermediates: [ca.issuing] });
    assert.equal(chain.length, 3);
  });
});

describe('thumbprints and JWKs', () => {
  it('computes x5t#S256 as base64url SHA-256 of the DER, as OpenSSL does', () => {
    const der = openssl(['x509', '-outform', 'DER'], brcac.certificatePem);
    const digest = openssl(['dgst', '-sha256', '-binary'], der).toString('base64');
    const base64url = digest.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    assert.equal(certificateThumbprint(brcac.certificatePem), base64url);
    assert.equal(certificateThumbprint(brcac.certificate), base64url);
  });

  it('publishes a transport JWK with x5c chain, x5t#S256, x5dn and an RFC 7638 kid', async () => {
    const jwk = certificateJwk(brcac.chainPem, { use: 'tls' });
    assert.equal(jwk.x5c.length, 2);
    assert.equal(
      new X509Certificate(Buffer.from(jwk.x5c[0]!, 'base64')).fingerprint256,
      brcac.certificate.fingerprint256,
    );
    assert.equal(jwk['x5t#S256'], certificateThumbprint(brcac.certificate));
    assert.equal(jwk.x5dn, EXAMPLE_DN);
    assert.equal(jwk.kid, await calculateJwkThumbprint({ kty: 'RSA', n: jwk.n!, e: jwk.e! }));
  });
});
