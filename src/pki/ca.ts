import { X509Certificate } from 'node:crypto';
import type { Clock } from '../platform/clock/index.ts';
import {
  CERTIFICATE_SIGNING_ALGORITHM,
  generateRsaKeyPair,
  keyPairFromPem,
  privateKeyPem,
  publicCryptoKey,
  signingCryptoKey,
} from './keys.ts';
import type { RsaKeyPair } from './keys.ts';
import { serverProfile, signingProfile, transportProfile } from './profiles.ts';
import type {
  LeafProfile,
  ServerCertificateInput,
  SigningCertificateInput,
  TransportCertificateInput,
} from './profiles.ts';
import { x509 } from './x509.ts';

export interface CaMaterial {
  certificatePem: string;
  /** PKCS#8 PEM. Keep it where only the simulator reads it. */
  privateKeyPem: string;
}

/** Everything needed to bring the same CA back after a restart. */
export interface PersistedCertificateAuthority {
  root: CaMaterial;
  issuing: CaMaterial;
}

export interface IssuedCertificate {
  certificate: X509Certificate;
  certificatePem: string;
  privateKeyPem: string;
  /**
   * The leaf followed by the issuing CA: what a TLS peer sends (certificate standard 1 ID2:
   * client and server certificates go "com a cadeia intermediária", RFC 5246 §7.4.2).
   */
  chainPem: string;
}

export interface CertificateAuthority {
  readonly root: X509Certificate;
  readonly issuing: X509Certificate;
  /** Root and issuing CA, PEM: the `ca` of TLS servers and clients of the simulated ecosystem. */
  readonly trustBundlePem: string;
  export(): PersistedCertificateAuthority;
  /** BRCAC-like transport (client) certificate; see TransportCertificateInput. */
  issueTransportCertificate(input: TransportCertificateInput): Promise<IssuedCertificate>;
  /** BRSEAL-like signing certificate (JWS payload signing); see SigningCertificateInput. */
  issueSigningCertificate(input: SigningCertificateInput): Promise<IssuedCertificate>;
  /** "Certificado para Servidor Web" for TLS servers of the simulated ecosystem. */
  issueServerCertificate(input: ServerCertificateInput): Promise<IssuedCertificate>;
}

export interface CreateCaOptions {
  clock: Clock;
  /** Appears in the CA names; "Ponte Simulador" by default. */
  label?: string;
}

const DAY_MS = 86_400_000;
/** Issued certificates start a little in the past so peers with a slow clock accept them. */
const BACKDATE_MS = 5 * 60_000;

interface Signer {
  certificate: X509Certificate;
  keys: RsaKeyPair;
}

async function sign(
  clock: Clock,
  issuer: Signer | undefined,
  subjectKeys: RsaKeyPair,
  profile: LeafProfile,
): Promise<X509Certificate> {
  const now = clock.now().getTime();
  const publicKey = publicCryptoKey(subjectKeys.publicKey);
  const signer = issuer?.keys ?? subjectKeys;
  // The issuer's subject as its DER, so chain building compares identical bytes.
  const issuerName = issuer && new x509.X509Certificate(issuer.certificate.raw).subjectName;
  const subject = new x509.Name(profile.subject);
  const created = await x509.X509CertificateGenerator.create({
    subject,
    issuer: issuerName ?? subject,
    notBefore: new Date(now - BACKDATE_MS),
    notAfter: new Date(now + profile.validityDays * DAY_MS),
    publicKey,
    signingKey: signingCryptoKey(signer.privateKey),
    signingAlgorithm: CERTIFICATE_SIGNING_ALGORITHM,
    extensions: [
      ...profile.extensions,
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(
        issuer ? publicCryptoKey(issuer.keys.publicKey) : publicKey,
      ),
    ],
  });
  return new X509Certificate(Buffer.from(created.rawData));
}

function caProfile(
  commonName: string,
  organizationalUnit: string,
  pathLength: number | undefined,
): LeafProfile {
  return {
    // ICP-Brasil CA names: C=BR, O=ICP-Brasil, OU=<parent>, CN=<name>.
    subject: [
      { '2.5.4.6': [{ printableString: 'BR' }] },
      { '2.5.4.10': [{ utf8String: 'ICP-Brasil' }] },
      { '2.5.4.11': [{ utf8String: organizationalUnit }] },
      { '2.5.4.3': [{ utf8String: commonName }] },
    ],
    validityDays: pathLength === undefined ? 20 * 365 : 10 * 365,
    extensions: [
      new x509.BasicConstraintsExtension(true, pathLength, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  };
}

function pem(certificate: X509Certificate): string {
  return certificate.toString();
}

function authority(clock: Clock, root: Signer, issuing: Signer): CertificateAuthority {
  const issue = async (profile: LeafProfile): Promise<IssuedCertificate> => {
    const keys = await generateRsaKeyPair();
    const certificate = await sign(clock, issuing, keys, profile);
    return {
      certificate,
      certificatePem: pem(certificate),
      privateKeyPem: privateKeyPem(keys.privateKey),
      chainPem: pem(certificate) + pem(issuing.certificate),
    };
  };
  const issuingName =
    issuing.certificate.subject
      .split('\n')
      .find((l) => l.startsWith('CN='))
      ?.slice(3) ?? '';
  return {
    root: root.certificate,
    issuing: issuing.certificate,
    trustBundlePem: pem(root.certificate) + pem(issuing.certificate),
    export: () => ({
      root: { certificatePem: pem(root.certificate), privateKeyPem: privateKeyPem(root.keys.privateKey) },
      issuing: {
        certificatePem: pem(issuing.certificate),
        privateKeyPem: privateKeyPem(issuing.keys.privateKey),
      },
    }),
    issueTransportCertificate: (input) => issue(transportProfile(input)),
    issueSigningCertificate: (input) => issue(signingProfile(input, issuingName)),
    issueServerCertificate: (input) => issue(serverProfile(input)),
  };
}

/**
 * A two-level hierarchy shaped like ICP-Brasil's (root → issuing CA, RSA-2048, SHA-256) for the
 * simulated ecosystem. Persist `export()` and bring it back with `loadCertificateAuthority`.
 *
 * @example
 *   const ca = await createCertificateAuthority({ clock: systemClock });
 *   const brcac = await ca.issueTransportCertificate({ commonName: 'tpp.localhost', ... });
 */
export async function createCertificateAuthority(options: CreateCaOptions): Promise<CertificateAuthority> {
  const label = options.label ?? 'Ponte Simulador';
  const rootName = `Autoridade Certificadora Raiz ${label} v10`;
  const rootKeys = await generateRsaKeyPair();
  const rootCert = await sign(options.clock, undefined, rootKeys, caProfile(rootName, label, undefined));
  const root = { certificate: rootCert, keys: rootKeys };
  const issuingKeys = await generateRsaKeyPair();
  const issuingCert = await sign(options.clock, root, issuingKeys, caProfile(`AC ${label} SSL`, rootName, 0));
  return authority(options.clock, root, { certificate: issuingCert, keys: issuingKeys });
}

function signerFrom(material: CaMaterial, role: string): Signer {
  const certificate = new X509Certificate(material.certificatePem);
  const keys = keyPairFromPem(material.privateKeyPem);
  if (!certificate.ca || !certificate.checkPrivateKey(keys.privateKey)) {
    throw new Error(`the persisted ${role} CA certificate and key do not belong together`);
  }
  return { certificate, keys };
}

/** The CA persisted by `export()`; refuses material whose keys, certificates or chain disagree. */
export function loadCertificateAuthority(
  persisted: PersistedCertificateAuthority,
  options: { clock: Clock },
): CertificateAuthority {
  const root = signerFrom(persisted.root, 'root');
  const issuing = signerFrom(persisted.issuing, 'issuing');
  if (
    !issuing.certificate.checkIssued(root.certificate) ||
    !issuing.certificate.verify(root.keys.publicKey)
  ) {
    throw new Error('the persisted issuing CA was not issued by the persisted root CA');
  }
  return authority(options.clock, root, issuing);
}
