import type { X509Certificate } from 'node:crypto';
import {
  createCertificateAuthority,
  type CertificateAuthority,
  type IssuedCertificate,
} from '../../pki/index.ts';
import { systemClock } from '../../platform/clock/index.ts';

/**
 * Test helper: the simulated ecosystem's PKI (src/pki, ICP-Brasil-shaped): a loopback server
 * certificate and BRCAC-like transport certificates whose subject carries UID = software
 * statement id and organizationIdentifier = OFBBR-<org_id> (DIGEST §5.2), plus a second,
 * untrusted hierarchy for certificates the server must not believe.
 */
export interface TestKeyPair {
  key: string;
  /** Leaf and issuing CA, as a TLS peer sends them. */
  cert: string;
  x509: X509Certificate;
}

export interface TestPki {
  /** Root and issuing CA of the trusted hierarchy (the `ca` of servers and clients). */
  caPem: string;
  server: TestKeyPair;
  /** A transport certificate for a software of an organisation. */
  issueClient(subject: { softwareId: string; orgId: string; commonName?: string }): Promise<TestKeyPair>;
  /** The same, from another hierarchy the server does not trust. */
  issueUntrustedClient(subject: { softwareId: string; orgId: string }): Promise<TestKeyPair>;
}

function pair(issued: IssuedCertificate): TestKeyPair {
  return { key: issued.privateKeyPem, cert: issued.chainPem, x509: issued.certificate };
}

/** A fresh trusted hierarchy, or the given one (the simulated directory's, to share its trust). */
export async function createTestPki(existing?: CertificateAuthority): Promise<TestPki> {
  const [trusted, rogue] = await Promise.all([
    existing ?? createCertificateAuthority({ clock: systemClock, label: 'Ponte Teste' }),
    createCertificateAuthority({ clock: systemClock, label: 'Fora da Cadeia' }),
  ]);
  const server = await trusted.issueServerCertificate({
    commonName: 'localhost',
    organizationName: 'Banco Aurora S.A.',
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1'],
  });
  const transport = async (
    ca: CertificateAuthority,
    s: { softwareId: string; orgId: string; commonName?: string },
  ): Promise<TestKeyPair> =>
    pair(
      await ca.issueTransportCertificate({
        commonName: s.commonName ?? 'receiver.localhost',
        softwareStatementId: s.softwareId,
        orgId: s.orgId,
        organizationName: `Receptor ${s.orgId.slice(0, 8)} Ltda.`,
        cnpj: '11222333000181',
        locality: 'São Paulo',
        state: 'SP',
      }),
    );
  return {
    caPem: trusted.trustBundlePem,
    server: pair(server),
    issueClient: (s) => transport(trusted, s),
    issueUntrustedClient: (s) => transport(rogue, s),
  };
}
