import { createHmac, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { HashKeySource } from './kek.ts';

export interface KeyedHasher {
  /**
   * HMAC-SHA256 of `value` under the key of `domain` (32 bytes). Deterministic, so a column of
   * hashes can be searched (`WHERE cpf_hash = $1`), and domain-separated, so equal values in two
   * domains (a CPF and a phone number) never produce linkable hashes. Normalise before hashing:
   * the hash sees exactly the string it is given.
   *
   * @example
   *   const cpfHash = hasher.keyedHash(cpf.replace(/\D/g, ''), 'cpf');
   */
  keyedHash(value: string, domain: string): Buffer;
}

export function createKeyedHasher(keys: HashKeySource): KeyedHasher {
  // KeyObjects, cached per domain: importing a raw key on every call triples the cost.
  const cache = new Map<string, KeyObject>();
  return {
    keyedHash(value, domain) {
      let key = cache.get(domain);
      if (!key) {
        key = createSecretKey(keys.deriveHashKey(domain));
        cache.set(domain, key);
      }
      return createHmac('sha256', key).update(value, 'utf8').digest();
    },
  };
}

// A per-process random key: comparing HMACs of equal length hides both the length and the
// position of the first difference, and nothing can be precomputed against it.
const COMPARE_KEY = createSecretKey(randomBytes(32));

/**
 * Constant-time equality of two secrets of possibly different lengths (API keys, client
 * secrets, tokens). `crypto.timingSafeEqual` throws on different lengths and so leaks them.
 */
export function timingSafeEqualString(a: string | Buffer, b: string | Buffer): boolean {
  const ha = createHmac('sha256', COMPARE_KEY).update(a).digest();
  const hb = createHmac('sha256', COMPARE_KEY).update(b).digest();
  return timingSafeEqual(ha, hb);
}
