import type { Envelope } from './envelope.ts';
import type { KeyedHasher } from './keyed-hash.ts';

/**
 * The narrow shape other modules (connectors, seeders) code against: encrypt and decrypt one
 * string field, hash one searchable identifier. All synchronous; build it after
 * `await envelope.ready()` (and `loadKeys()` when reading older data).
 */
export interface FieldCipher {
  encrypt(plain: string, aad: string): Buffer;
  decrypt(ct: Buffer, aad: string): string;
  hash(value: string): Buffer;
}

/**
 * @example
 *   const cpfCipher = createFieldCipher({ envelope, hasher, hashDomain: 'cpf' });
 *   const row = {
 *     cpfEncrypted: cpfCipher.encrypt(cpf, fieldAad('customers', 'cpf', id)),
 *     cpfHash: cpfCipher.hash(cpf.replace(/\D/g, '')),
 *   };
 */
export function createFieldCipher(deps: {
  envelope: Envelope;
  hasher: KeyedHasher;
  hashDomain: string;
}): FieldCipher {
  const { envelope, hasher, hashDomain } = deps;
  // Fail at wiring time, not on the first row, if the domain name is invalid.
  hasher.keyedHash('', hashDomain);
  return {
    encrypt: (plain, aad) => envelope.encrypt(plain, aad),
    decrypt: (ct, aad) => envelope.decryptString(ct, aad),
    hash: (value) => hasher.keyedHash(value, hashDomain),
  };
}
