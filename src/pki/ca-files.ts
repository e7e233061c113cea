import fs from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../platform/clock/index.ts';
import { createCertificateAuthority, loadCertificateAuthority } from './ca.ts';
import type { CertificateAuthority, PersistedCertificateAuthority } from './ca.ts';

const FILES = {
  rootCertificate: 'root-ca.pem',
  rootKey: 'root-ca.key',
  issuingCertificate: 'issuing-ca.pem',
  issuingKey: 'issuing-ca.key',
} as const;

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The simulator's CA kept in a folder (PEM; keys 0600), created on first use, so certificates
 * issued before a restart stay trusted after it. A folder with only some of the files is an
 * error, not a reason to mint a new CA silently.
 *
 * @example
 *   const ca = await loadOrCreateCertificateAuthority({ dir: path.join(home, 'sim/ca'), clock: systemClock });
 */
export async function loadOrCreateCertificateAuthority(options: {
  dir: string;
  clock: Clock;
  label?: string;
}): Promise<CertificateAuthority> {
  const file = (name: string) => path.join(options.dir, name);
  const [rootCert, rootKey, issuingCert, issuingKey] = await Promise.all(
    Object.values(FILES).map((name) => readIfPresent(file(name))),
  );
  const present = [rootCert, rootKey, issuingCert, issuingKey].filter((v) => v !== undefined).length;
  if (present === 4) {
    const persisted: PersistedCertificateAuthority = {
      root: { certificatePem: rootCert!, privateKeyPem: rootKey! },
      issuing: { certificatePem: issuingCert!, privateKeyPem: issuingKey! },
    };
    return loadCertificateAuthority(persisted, { clock: options.clock });
  }
  if (present > 0)
    throw new Error(`incomplete CA in ${options.dir}: expected ${Object.values(FILES).join(', ')}`);

  const ca = await createCertificateAuthority({ clock: options.clock, label: options.label });
  const exported = ca.export();
  await fs.mkdir(options.dir, { recursive: true, mode: 0o700 });
  await fs.writeFile(file(FILES.rootKey), exported.root.privateKeyPem, { mode: 0o600, flag: 'wx' });
  await fs.writeFile(file(FILES.issuingKey), exported.issuing.privateKeyPem, { mode: 0o600, flag: 'wx' });
  await fs.writeFile(file(FILES.rootCertificate), exported.root.certificatePem, { flag: 'wx' });
  await fs.writeFile(file(FILES.issuingCertificate), exported.issuing.certificatePem, { flag: 'wx' });
  return ca;
}
