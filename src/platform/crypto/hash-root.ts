import type { Clock } from '../clock/index.ts';
import type { DataKeyStore } from './data-key-store.ts';
import { unwrapDataKey } from './envelope.ts';
import { hashKeysFromRoot, type HashKeySource, type HashRootSource, type KeyEncryptionKey } from './kek.ts';

/** The `data_keys` purpose of the keyed-hash root (one row, wrapped like any data key). */
export const HASH_ROOT_PURPOSE = 'keyed-hash-root';

export interface HashKeysDeps {
  store: DataKeyStore;
  kek: KeyEncryptionKey & HashRootSource;
  previousKeks?: readonly (KeyEncryptionKey & HashRootSource)[];
  clock: Clock;
}

/**
 * The keys of searchable hashes (CPF, pagination keys ...), from a root stored wrapped in
 * `data_keys`: a master key rotation re-wraps the root with the data keys, so every stored hash
 * stays valid. The root is the one the database's first master key derives itself, so hashes
 * written before this row existed keep matching.
 *
 * @example
 *   const hasher = createKeyedHasher(await openHashKeys({ store, kek, previousKeks, clock }));
 */
export async function openHashKeys({
  store,
  kek,
  previousKeks = [],
  clock,
}: HashKeysDeps): Promise<HashKeySource> {
  let record = await store.findActive(HASH_ROOT_PURPOSE);
  if (!record) {
    // First start of a database (or one created before the root was stored): the hashes already
    // written derive from the master key its first data key was wrapped by.
    const oldest = await store.oldest();
    const origin = oldest ? [kek, ...previousKeks].find((k) => k.id === oldest.kekId) : kek;
    if (!origin && oldest) await unwrapDataKey(oldest, kek, previousKeks); // throws KEK_MISMATCH
    const root = (origin ?? kek).hashRoot();
    const wrappedKey = await kek.wrap(root);
    root.fill(0);
    record =
      (await store.insertActive({
        kekId: kek.id,
        wrappedKey,
        purpose: HASH_ROOT_PURPOSE,
        createdAt: clock.now(),
      })) ??
      // Another process stored it at the same moment (the same root): use theirs.
      (await store.findActive(HASH_ROOT_PURPOSE));
    if (!record) throw new Error('No keyed-hash root after a concurrent insert');
  }
  const root = await unwrapDataKey(record, kek, previousKeks);
  const keys = hashKeysFromRoot(root);
  root.fill(0);
  return keys;
}
