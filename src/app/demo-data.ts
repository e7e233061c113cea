import { createFieldCipher, type FieldCipher } from '../platform/crypto/index.ts';
import type { PlatformCrypto } from './crypto.ts';

/** The sample bank's personal-data cipher; its keyed-hash domain is part of the stored data. */
export function sampleBankCipher(crypto: PlatformCrypto): FieldCipher {
  return createFieldCipher({
    envelope: crypto.personalData,
    hasher: crypto.hasher,
    hashDomain: 'sample-bank.document',
  });
}
