import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../errors/index.ts';
import { CryptoErrorCode } from './errors.ts';
import { loadOrCreateMasterKey, MASTER_KEY_BYTES } from './master-key-file.ts';

/**
 * The key-encryption key (KEK): wraps the data keys that actually encrypt fields. Only wrapped
 * data keys are stored, so the KEK can live elsewhere (a local file by default; a KMS or HSM
 * adapter implements this same interface).
 *
 * @example
 *   // An AWS KMS adapter would look like:
 *   const kek: KeyEncryptionKey = {
 *     id: `aws-kms:${keyArn}`,
 *     wrap: async (dek) => Buffer.from((await kms.encrypt({ KeyId: keyArn, Plaintext: dek })).CiphertextBlob!),
 *     unwrap: async (wrapped) => Buffer.from((await kms.decrypt({ CiphertextBlob: wrapped })).Plaintext!),
 *   };
 */
export interface KeyEncryptionKey {
  /** Stable identifier stored next to every data key it wraps (never secret). */
  readonly id: string;
  wrap(dek: Buffer): Promise<Buffer>;
  unwrap(wrapped: Buffer): Promise<Buffer>;
}

/**
 * A source of per-domain secret keys for keyed hashes (searchable identifiers). Synchronous:
 * hashing sits on hot paths. The local KEK derives them from the master key with HKDF.
 */
export interface HashKeySource {
  deriveHashKey(domain: string): Buffer;
}

/**
 * The secret the keyed-hash keys derive from (the HKDF pseudorandom key of the master key, RFC
 * 5869 §2.2). Stored wrapped like a data key (see hash-root.ts), so searchable hashes survive a
 * master key rotation.
 */
export interface HashRootSource {
  hashRoot(): Buffer;
}

export interface LocalFileKek extends KeyEncryptionKey, HashKeySource, HashRootSource {
  readonly path: string;
  /** True when the master key file was created by this start (worth one log line, no more). */
  readonly created: boolean;
}

const WRAP_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const WRAP_AAD = Buffer.from('ponte/data-key-wrap/v1');
const DOMAIN = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Opens (or creates on first start) the master key file and returns the local KEK built on it.
 * With `create: false` a missing file is an error (previous master keys are never invented).
 */
export async function createLocalFileKek(options: { path: string; create?: boolean }): Promise<LocalFileKek> {
  const file = await loadOrCreateMasterKey(options.path, { create: options.create ?? true });
  const kek = kekFromMasterKey(file.key);
  file.key.fill(0);
  return Object.freeze({ ...kek, path: file.path, created: file.created });
}

/**
 * A KEK over a 32-byte master key held in memory (tests, or keys supplied by a secret manager).
 * The key lives only in this closure: the returned object has no property that reveals it.
 */
export function kekFromMasterKey(masterKey: Buffer): KeyEncryptionKey & HashKeySource & HashRootSource {
  if (masterKey.length !== MASTER_KEY_BYTES) {
    throw new AppError(CryptoErrorCode.KEY_FILE_MALFORMED, `A master key has ${MASTER_KEY_BYTES} bytes`);
  }
  // A private copy: the caller may wipe its buffer. Separate subkeys per use (HKDF, RFC 5869):
  // the master key itself never touches data.
  const master = Buffer.from(masterKey);
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  // HKDF-Extract with the empty salt (RFC 5869 §2.2: HashLen zero bytes): what `derive` expands.
  const extracted = createHmac('sha256', Buffer.alloc(32)).update(master).digest();
  const hashKeys = hashKeysFromRoot(extracted);
  const wrapKey = derive('ponte/kek/wrap/v1');
  const id = `local:${createHash('sha256').update(derive('ponte/kek/id/v1')).digest('hex').slice(0, 16)}`;

  return {
    id,
    wrap(dek: Buffer): Promise<Buffer> {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', wrapKey, iv);
      cipher.setAAD(WRAP_AAD);
      const body = Buffer.concat([cipher.update(dek), cipher.final()]);
      return Promise.resolve(Buffer.concat([Buffer.of(WRAP_VERSION), iv, cipher.getAuthTag(), body]));
    },
    unwrap(wrapped: Buffer): Promise<Buffer> {
      try {
        if (wrapped[0] !== WRAP_VERSION || wrapped.length < 1 + IV_BYTES + TAG_BYTES + 1) {
          throw new Error('unknown wrap format');
        }
        const iv = wrapped.subarray(1, 1 + IV_BYTES);
        const tag = wrapped.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
        const decipher = createDecipheriv('aes-256-gcm', wrapKey, iv);
        decipher.setAAD(WRAP_AAD);
        decipher.setAuthTag(tag);
        const body = wrapped.subarray(1 + IV_BYTES + TAG_BYTES);
        return Promise.resolve(Buffer.concat([decipher.update(body), decipher.final()]));
      } catch (cause) {
        return Promise.reject(
          new AppError(CryptoErrorCode.UNWRAP_FAILED, `Data key could not be unwrapped by KEK ${id}`, {
            cause,
          }),
        );
      }
    },
    deriveHashKey: (domain: string) => hashKeys.deriveHashKey(domain),
    hashRoot: () => Buffer.from(extracted),
  };
}

/**
 * Keyed-hash keys from a hash root: HKDF-Expand (RFC 5869 §2.3, one block) with the info
 * `ponte/keyed-hash/v1/<domain>`, so a root taken from a master key gives exactly the keys that
 * master key derives itself.
 */
export function hashKeysFromRoot(root: Buffer): HashKeySource {
  if (root.length !== 32) throw new RangeError('A hash root has 32 bytes');
  const prk = Buffer.from(root);
  const cache = new Map<string, Buffer>();
  return {
    deriveHashKey(domain: string): Buffer {
      assertDomain(domain);
      let key = cache.get(domain);
      if (!key) {
        key = createHmac('sha256', prk)
          .update(Buffer.concat([Buffer.from(`ponte/keyed-hash/v1/${domain}`, 'utf8'), Buffer.of(1)]))
          .digest();
        cache.set(domain, key);
      }
      return key;
    },
  };
}

export function assertDomain(domain: string): void {
  if (!DOMAIN.test(domain)) {
    throw new AppError(CryptoErrorCode.INVALID_DOMAIN, `Invalid keyed-hash domain ${JSON.stringify(domain)}`);
  }
}
