import type { Config } from '../platform/config/index.ts';
import { systemClock } from '../platform/clock/index.ts';
import {
  createDataKeyStore,
  createEnvelope,
  createKeyedHasher,
  createLocalFileKek,
  type Envelope,
  type KeyedHasher,
} from '../platform/crypto/index.ts';
import type { Executor } from '../platform/db/index.ts';

export interface PlatformCrypto {
  /** Envelope for personal data columns (CPF, names, addresses...). */
  personalData: Envelope;
  hasher: KeyedHasher;
}

/** Master key from the local key file (created 0600 on first start), data keys in PostgreSQL. */
export async function openCrypto(config: Config, db: Executor): Promise<PlatformCrypto> {
  const kek = await createLocalFileKek({ path: config.crypto.masterKeyFile });
  const personalData = createEnvelope({
    store: createDataKeyStore(db),
    kek,
    clock: systemClock,
    purpose: 'personal-data',
  });
  await personalData.ready();
  await personalData.loadKeys();
  return { personalData, hasher: createKeyedHasher(kek) };
}
