// Envelope encryption of personal data and secrets, keyed hashes for searchable identifiers
// (DESIGN §4 "Crypto").
export { CryptoErrorCode } from './errors.ts';
export {
  createLocalFileKek,
  hashKeysFromRoot,
  kekFromMasterKey,
  type HashKeySource,
  type HashRootSource,
  type KeyEncryptionKey,
  type LocalFileKek,
} from './kek.ts';
export { loadOrCreateMasterKey, MASTER_KEY_BYTES } from './master-key-file.ts';
export {
  createDataKeyStore,
  type DataKeyRecord,
  type DataKeyStore,
  type NewDataKey,
} from './data-key-store.ts';
export {
  createEnvelope,
  DATA_KEY_BYTES,
  unwrapDataKey,
  type Envelope,
  type EnvelopeDeps,
} from './envelope.ts';
export { HASH_ROOT_PURPOSE, openHashKeys, type HashKeysDeps } from './hash-root.ts';
export { rewrapDataKeys, type RewrapOptions, type RewrapReport } from './rotate-master.ts';
export { fieldAad, FIELD_FORMAT_VERSION, OVERHEAD_BYTES } from './field-format.ts';
export { createKeyedHasher, timingSafeEqualString, type KeyedHasher } from './keyed-hash.ts';
export { createFieldCipher, type FieldCipher } from './field-cipher.ts';
export { dataKeys } from './schema.ts';
