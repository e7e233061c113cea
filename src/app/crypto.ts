import type { Config } from '../platform/config/index.ts';
import { systemClock } from '../platform/clock/index.ts';
import {
  createDataKeyStore,
  createEnvelope,
  createKeyedHasher,
  createLocalFileKek,
  openHashKeys,
  type Envelope,
  type KeyedHasher,
} from '../platform/crypto/index.ts';
import type { Executor } from '../platform/db/index.ts';

export interface PlatformCrypto {
  /** Envelope for personal data columns (CPF, names, addresses...). */
  personalData: Envelope;
  hasher: KeyedHasher;
}

/**
 * Master key from the local key file (created 0600 on first start), data keys in PostgreSQL.
 * Previous master keys (after `ponte keys rotate-master`) only unwrap, and must exist.
 */
export async function openCrypto(config: Config, db: Executor): Promise<PlatformCrypto> {
  const kek = await createLocalFileKek({ path: config.crypto.masterKeyFile });
  const previousKeks = await Promise.all(
    config.crypto.previousMasterKeyFiles.map((file) => createLocalFileKek({ path: file, create: false })),
  );
  const store = createDataKeyStore(db);
  const personalData = createEnvelope({
    store,
    kek,
    previousKeks,
    clock: systemClock,
    purpose: 'personal-data',
  });
  await personalData.ready();
  await personalData.loadKeys();
  const hashKeys = await openHashKeys({ store, kek, previousKeks, clock: systemClock });
  return { personalData, hasher: createKeyedHasher(hashKeys) };
}
