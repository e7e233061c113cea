/**
 * Stable error codes raised by the crypto module. Callers match on `AppError.code`; the messages
 * never contain key material or plaintext.
 */
export const CryptoErrorCode = {
  /** The master key file is readable or writable by group/others. */
  KEY_FILE_INSECURE: 'CRYPTO_KEY_FILE_INSECURE',
  /** A master key file that must already exist (a previous or rotation target key) is missing. */
  KEY_FILE_MISSING: 'CRYPTO_KEY_FILE_MISSING',
  /** The master key file exists but is not a Ponte master key (wrong size, header or encoding). */
  KEY_FILE_MALFORMED: 'CRYPTO_KEY_FILE_MALFORMED',
  /** A wrapped data key could not be unwrapped (wrong KEK, corrupted row). */
  UNWRAP_FAILED: 'CRYPTO_UNWRAP_FAILED',
  /** A data key row was wrapped by a KEK other than the configured one. */
  KEK_MISMATCH: 'CRYPTO_KEK_MISMATCH',
  /** `encrypt` was called before `await envelope.ready()`. */
  NOT_READY: 'CRYPTO_NOT_READY',
  /** The ciphertext names a data key that is not cached: call `await envelope.loadKeys()` first. */
  KEY_NOT_LOADED: 'CRYPTO_KEY_NOT_LOADED',
  /** Malformed, tampered, or bound to other associated data (table/column/row). */
  DECRYPT_FAILED: 'CRYPTO_DECRYPT_FAILED',
  /** A keyed-hash domain name outside `[A-Za-z0-9._:-]{1,64}`. */
  INVALID_DOMAIN: 'CRYPTO_INVALID_DOMAIN',
} as const;

export type CryptoErrorCode = (typeof CryptoErrorCode)[keyof typeof CryptoErrorCode];
