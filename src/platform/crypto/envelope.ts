import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { Clock } from '../clock/index.ts';
import { AppError } from '../errors/index.ts';
import type { DataKeyRecord, DataKeyStore } from './data-key-store.ts';
import { CryptoErrorCode } from './errors.ts';
import { fieldKeyId, openField, sealField } from './field-format.ts';
import type { KeyEncryptionKey } from './kek.ts';

/**
 * Envelope encryption of fields for one purpose (`personal-data`, `secrets` ...): a data key
 * (AES-256-GCM) encrypts values, the KEK wraps the data key, only the wrapped key is stored.
 *
 * The async calls load keys; encrypt and decrypt are then synchronous, for hot paths such as
 * seeding a million rows.
 *
 * @example
 *   const envelope = createEnvelope({ store: createDataKeyStore(db), kek, clock, purpose: 'personal-data' });
 *   await envelope.ready();                 // loads or creates the active data key
 *   const aad = fieldAad('customers', 'name', customerId);
 *   const ct = envelope.encrypt('Maria da Silva', aad);
 *   envelope.decryptString(ct, aad);        // 'Maria da Silva'
 */
export interface Envelope {
  readonly purpose: string;
  /** Loads the active data key (creating the purpose's first one). Call again to pick up a rotation done elsewhere. */
  ready(): Promise<void>;
  /** Loads every data key of the purpose, retired ones included, so `decrypt` never misses one. */
  loadKeys(): Promise<void>;
  /** Retires the active data key and starts a new one; older ciphertexts still decrypt. */
  rotate(): Promise<{ retiredKeyId: number | undefined; activeKeyId: number }>;
  /** Id of the data key new ciphertexts are sealed under. */
  activeKeyId(): number;
  encrypt(plaintext: string | Buffer, aad: string): Buffer;
  decrypt(ciphertext: Buffer, aad: string): Buffer;
  encryptString(plaintext: string, aad: string): Buffer;
  decryptString(ciphertext: Buffer, aad: string): string;
}

export interface EnvelopeDeps {
  store: DataKeyStore;
  /** Wraps new data keys, and unwraps those it wrapped. */
  kek: KeyEncryptionKey;
  /**
   * Master keys replaced by a rotation (`ponte keys rotate-master`): they only unwrap data keys
   * not yet re-wrapped under `kek`, so processes keep reading while the rotation runs.
   */
  previousKeks?: readonly KeyEncryptionKey[];
  clock: Clock;
  purpose: string;
}

export const DATA_KEY_BYTES = 32;

export function createEnvelope({ store, kek, previousKeks = [], clock, purpose }: EnvelopeDeps): Envelope {
  const keys = new Map<number, KeyObject>();
  let active: { id: number; key: KeyObject } | undefined;

  async function unwrap(record: DataKeyRecord): Promise<KeyObject> {
    const cached = keys.get(record.id);
    if (cached) return cached;
    const raw = await unwrapDataKey(record, kek, previousKeks);
    const key = createSecretKey(raw);
    raw.fill(0);
    keys.set(record.id, key);
    return key;
  }

  async function newKey(): Promise<{ dek: Buffer; record: Parameters<DataKeyStore['rotate']>[0] }> {
    const dek = randomBytes(DATA_KEY_BYTES);
    const wrappedKey = await kek.wrap(dek);
    return { dek, record: { kekId: kek.id, wrappedKey, purpose, createdAt: clock.now() } };
  }

  async function activate(record: DataKeyRecord, dek?: Buffer): Promise<void> {
    if (dek) {
      keys.set(record.id, createSecretKey(dek));
      dek.fill(0);
    }
    active = { id: record.id, key: await unwrap(record) };
  }

  function requireActive(): { id: number; key: KeyObject } {
    if (!active) {
      throw new AppError(CryptoErrorCode.NOT_READY, `Envelope "${purpose}" used before \`await ready()\``);
    }
    return active;
  }

  function toBuffer(value: string | Buffer): Buffer {
    return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  }

  const envelope: Envelope = {
    purpose,
    async ready() {
      let record = await store.findActive(purpose);
      if (record) return activate(record);
      const { dek, record: fresh } = await newKey();
      record = await store.insertActive(fresh);
      if (record) return activate(record, dek);
      // Another process created the purpose's first key at the same moment: use theirs.
      record = await store.findActive(purpose);
      if (!record) throw new Error(`No active data key for "${purpose}" after a concurrent insert`);
      return activate(record);
    },
    async loadKeys() {
      for (const record of await store.list(purpose)) await unwrap(record);
    },
    async rotate() {
      const retiredKeyId = active?.id;
      const { dek, record: fresh } = await newKey();
      const record = await store.rotate(fresh);
      if (record) await activate(record, dek);
      else await envelope.ready(); // a concurrent rotation won: adopt its key
      return { retiredKeyId, activeKeyId: requireActive().id };
    },
    activeKeyId: () => requireActive().id,
    encrypt(plaintext, aad) {
      const { id, key } = requireActive();
      return sealField(key, id, toBuffer(plaintext), aad);
    },
    decrypt(ciphertext, aad) {
      const keyId = fieldKeyId(ciphertext);
      const key = keys.get(keyId);
      if (!key) {
        throw new AppError(
          CryptoErrorCode.KEY_NOT_LOADED,
          `Data key ${keyId} is not loaded for "${purpose}": call \`await envelope.loadKeys()\` first ` +
            '(or the value belongs to another purpose)',
          { detail: { dataKeyId: keyId, purpose } },
        );
      }
      return openField(key, ciphertext, aad);
    },
    encryptString: (plaintext, aad) => envelope.encrypt(plaintext, aad),
    decryptString: (ciphertext, aad) => envelope.decrypt(ciphertext, aad).toString('utf8'),
  };
  return envelope;
}

/**
 * Unwraps a data key row with the master key its `kek_id` names: the current one or a previous
 * one. Refuses, naming both ids, when neither wrapped it.
 */
export function unwrapDataKey(
  record: Pick<DataKeyRecord, 'id' | 'purpose' | 'kekId' | 'wrappedKey'>,
  kek: KeyEncryptionKey,
  previousKeks: readonly KeyEncryptionKey[] = [],
): Promise<Buffer> {
  const owner = [kek, ...previousKeks].find((candidate) => candidate.id === record.kekId);
  if (!owner) {
    const configured = [kek, ...previousKeks].map((candidate) => candidate.id);
    return Promise.reject(
      new AppError(
        CryptoErrorCode.KEK_MISMATCH,
        `Data key ${record.id} (${record.purpose}) is wrapped by KEK ${record.kekId}, but the configured ` +
          `KEK is ${configured.join(', previous ')}: is this the master key this database was created ` +
          'with, or was it rotated (then configure the new key, and the old one in PONTE_PREVIOUS_MASTER_KEY_FILES)?',
        { detail: { dataKeyId: record.id, kekId: record.kekId, configuredKekId: kek.id, configured } },
      ),
    );
  }
  return owner.unwrap(record.wrappedKey);
}
