// Envelope encryption of personal data and secrets, keyed hashes for searchable identifiers
// (DESIGN §4 "Crypto").
export { CryptoErrorCode } from './errors.ts';
export {
  createLocalFileKek,
  kekFromMasterKey,
  type HashKeySource,
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
export { createEnvelope, DATA_KEY_BYTES, type Envelope, type EnvelopeDeps } from './envelope.ts';
export { fieldAad, FIELD_FORMAT_VERSION, OVERHEAD_BYTES } from './field-format.ts';
export { createKeyedHasher, timingSafeEqualString, type KeyedHasher } from './keyed-hash.ts';
export { createFieldCipher, type FieldCipher } from './field-cipher.ts';
export { dataKeys } from './schema.ts';
