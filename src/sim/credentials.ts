import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  certificateJwk,
  publicJwk,
  type CertificateAuthority,
  type IssuedCertificate,
} from '../pki/index.ts';
import type { SimHolder, SimReceiver } from './participants.ts';

/** File paths are relative to the simulator folder, as the manifest gives them. */
export interface SoftwareCredentials {
  transport: { certificateFile: string; keyFile: string; certificatePem: string; keyPem: string };
  signing: {
    certificateFile: string;
    keyFile: string;
    kid: string;
    key: KeyObject;
    jwk: Record<string, unknown>;
  };
  encryption: { keyFile: string; kid: string; key: KeyObject; jwk: Record<string, unknown> };
}

async function readIfPresent(file: string): Promise<string | undefined> {
  return fs.readFile(file, 'utf8').catch(() => undefined);
}

async function writePrivate(file: string, content: string): Promise<void> {
  await fs.writeFile(file, content, { mode: 0o600 });
}

/**
 * `<name>.crt` and `<name>.key` in `dir`, issued by `issue` the first time (key written 0600)
 * and read back on every later start, so certificates stay the same across restarts.
 */
async function certificatePair(
  dir: string,
  name: string,
  issue: () => Promise<IssuedCertificate>,
): Promise<{ cert: string; key: string }> {
  const certFile = path.join(dir, `${name}.crt`);
  const keyFile = path.join(dir, `${name}.key`);
  const cert = await readIfPresent(certFile);
  const key = await readIfPresent(keyFile);
  if (cert && key) return { cert, key };
  const issued = await issue();
  await writePrivate(keyFile, issued.privateKeyPem);
  await fs.writeFile(certFile, issued.chainPem);
  return { cert: issued.chainPem, key: issued.privateKeyPem };
}

/**
 * A receiver software's transport certificate (BRCAC), signing certificate (BRSEAL, PS256) and
 * encryption key (RSA-OAEP, for id_tokens), created once under `<simDir>/receivers/<id>/` and
 * reused after, so registrations and the manifest stay valid across restarts.
 */
export async function loadOrCreateReceiverCredentials(
  simDir: string,
  ca: CertificateAuthority,
  receiver: SimReceiver,
): Promise<SoftwareCredentials> {
  const rel = path.join('receivers', receiver.softwareStatementId);
  const dir = path.join(simDir, rel);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = (name: string) => path.join(dir, name);

  const { cert: transportCert, key: transportKey } = await certificatePair(dir, 'transport', () =>
    ca.issueTransportCertificate({
      commonName: `${receiver.softwareStatementId}.receiver.localhost`,
      softwareStatementId: receiver.softwareStatementId,
      orgId: receiver.orgId,
      organizationName: receiver.organisationName,
      cnpj: receiver.cnpj,
      locality: 'Sao Paulo',
      state: 'SP',
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1'],
    }),
  );

  const { cert: signingCert, key: signingKeyPem } = await certificatePair(dir, 'signing', () =>
    ca.issueSigningCertificate({
      orgId: receiver.orgId,
      organizationName: receiver.organisationName,
      cnpj: receiver.cnpj,
    }),
  );

  let encryptionKeyPem = await readIfPresent(file('encryption.key'));
  if (!encryptionKeyPem) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    encryptionKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await writePrivate(file('encryption.key'), encryptionKeyPem);
  }

  const signingJwk = certificateJwk(signingCert, { use: 'sig', alg: 'PS256' });
  const encryptionKey = createPrivateKey(encryptionKeyPem);
  const encryptionJwk = publicJwk(encryptionKey, { use: 'enc', alg: 'RSA-OAEP' });
  return {
    transport: {
      certificateFile: path.join(rel, 'transport.crt'),
      keyFile: path.join(rel, 'transport.key'),
      certificatePem: transportCert,
      keyPem: transportKey,
    },
    signing: {
      certificateFile: path.join(rel, 'signing.crt'),
      keyFile: path.join(rel, 'signing.key'),
      kid: String(signingJwk.kid),
      key: createPrivateKey(signingKeyPem),
      jwk: signingJwk,
    },
    encryption: {
      keyFile: path.join(rel, 'encryption.key'),
      kid: String(encryptionJwk.kid),
      key: encryptionKey,
      jwk: encryptionJwk,
    },
  };
}

export interface HolderCredentials {
  tls: { certificatePem: string; keyPem: string };
  /** The authorization server's id_token key. */
  signingKeyPem: string;
  /** The brand's BRSEAL (PS256): signs payment messages and webhooks; published in the directory. */
  seal: { certificatePem: string; keyPem: string; kid: string; publicJwk: Record<string, unknown> };
}

/**
 * A holder brand's TLS server certificate (loopback), its id_token key and its BRSEAL signing
 * certificate, kept like the above.
 */
export async function loadOrCreateHolderCredentials(
  simDir: string,
  ca: CertificateAuthority,
  holder: SimHolder,
): Promise<HolderCredentials> {
  const dir = path.join(simDir, 'brands', holder.brandId);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = (name: string) => path.join(dir, name);
  // One certificate for both of the brand's ports: a web server certificate that can also act as
  // the brand's client certificate when it calls out (webhooks, directory).
  const { cert, key } = await certificatePair(dir, 'server', () =>
    ca.issueTransportCertificate({
      commonName: 'localhost',
      softwareStatementId: holder.orgId,
      orgId: holder.orgId,
      organizationName: holder.legalName,
      cnpj: holder.cnpj,
      locality: 'Sao Paulo',
      state: 'SP',
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1'],
      serverAuth: true,
    }),
  );
  let signingKeyPem = await readIfPresent(file('signing.key'));
  if (!signingKeyPem) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    signingKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await writePrivate(file('signing.key'), signingKeyPem);
  }
  const { cert: sealCert, key: sealKey } = await certificatePair(dir, 'seal', () =>
    ca.issueSigningCertificate({
      orgId: holder.orgId,
      organizationName: holder.legalName,
      cnpj: holder.cnpj,
    }),
  );
  const sealJwk = certificateJwk(sealCert, { use: 'sig', alg: 'PS256' });
  return {
    tls: { certificatePem: cert, keyPem: key },
    signingKeyPem,
    seal: {
      certificatePem: sealCert,
      keyPem: sealKey,
      kid: String(sealJwk.kid),
      publicJwk: sealJwk,
    },
  };
}

/**
 * A loopback TLS server certificate (`<simDir>/<rel>/server.crt|key`), kept like the above;
 * returns the paths relative to the simulator folder, as the installation file names them.
 */
export async function loadOrCreateServerCertificate(
  simDir: string,
  ca: CertificateAuthority,
  rel: string,
  organizationName: string,
): Promise<{ certificateFile: string; keyFile: string }> {
  const dir = path.join(simDir, rel);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await certificatePair(dir, 'server', () =>
    ca.issueServerCertificate({
      commonName: 'localhost',
      organizationName,
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1'],
    }),
  );
  return { certificateFile: path.join(rel, 'server.crt'), keyFile: path.join(rel, 'server.key') };
}
