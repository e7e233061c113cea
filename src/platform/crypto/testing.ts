import { randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '../clock/index.ts';
import type { DataKeyRecord, DataKeyStore, NewDataKey } from './data-key-store.ts';
import { createEnvelope, type Envelope } from './envelope.ts';
import { createFieldCipher, type FieldCipher } from './field-cipher.ts';
import { kekFromMasterKey, type HashKeySource, type KeyEncryptionKey } from './kek.ts';
import { createKeyedHasher } from './keyed-hash.ts';

/** An in-memory `DataKeyStore` for unit tests: same contract as the PostgreSQL one. */
export function createMemoryDataKeyStore(): DataKeyStore & { rows: DataKeyRecord[] } {
  const rows: DataKeyRecord[] = [];
  const insert = (key: NewDataKey): DataKeyRecord => {
    const row = { ...key, id: rows.length + 1, retiredAt: null };
    rows.push(row);
    return row;
  };
  const active = (purpose: string) => rows.find((r) => r.purpose === purpose && r.retiredAt === null);
  return {
    rows,
    findActive: (purpose) => Promise.resolve(active(purpose)),
    list: (purpose) => Promise.resolve(rows.filter((r) => r.purpose === purpose)),
    oldest: () => Promise.resolve(rows[0]),
    insertActive: (key) => Promise.resolve(active(key.purpose) ? undefined : insert(key)),
    rotate(key) {
      const current = active(key.purpose);
      if (current) current.retiredAt = key.createdAt;
      return Promise.resolve(insert(key));
    },
  };
}

/**
 * A ready envelope and field cipher on a random in-memory master key, for unit tests of modules
 * that store encrypted fields.
 *
 * @example
 *   const { fieldCipher } = await createTestCrypto({ hashDomain: 'cpf' });
 */
export async function createTestCrypto(
  options: { purpose?: string; hashDomain?: string; clock?: Clock } = {},
): Promise<{
  kek: KeyEncryptionKey & HashKeySource;
  store: ReturnType<typeof createMemoryDataKeyStore>;
  envelope: Envelope;
  fieldCipher: FieldCipher;
}> {
  const kek = kekFromMasterKey(randomBytes(32));
  const store = createMemoryDataKeyStore();
  const envelope = createEnvelope({
    store,
    kek,
    clock: options.clock ?? systemClock,
    purpose: options.purpose ?? 'personal-data',
  });
  await envelope.ready();
  const hasher = createKeyedHasher(kek);
  const fieldCipher = createFieldCipher({ envelope, hasher, hashDomain: options.hashDomain ?? 'test' });
  return { kek, store, envelope, fieldCipher };
}
