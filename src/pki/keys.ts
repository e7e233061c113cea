import { createPrivateKey, createPublicKey, generateKeyPair } from 'node:crypto';
import type { KeyObject, webcrypto } from 'node:crypto';
import { promisify } from 'node:util';

/** Certificate standard 1 ID2 "Algoritmos": RSA 2048 bits, SHA-256. */
export const CERTIFICATE_SIGNING_ALGORITHM = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
} as const;

const generate = promisify(generateKeyPair);

export interface RsaKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A fresh RSA-2048 key pair (the only size ICP-Brasil type A certificates use here). */
export async function generateRsaKeyPair(): Promise<RsaKeyPair> {
  return generate('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
}

/** PKCS#8 PEM, the form TLS and jose take. */
export function privateKeyPem(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function keyPairFromPem(pem: string): RsaKeyPair {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('expected an RSA private key');
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** The WebCrypto form @peculiar/x509 signs with. */
export function signingCryptoKey(key: KeyObject): webcrypto.CryptoKey {
  return key.toCryptoKey(CERTIFICATE_SIGNING_ALGORITHM, false, ['sign']);
}

export function publicCryptoKey(key: KeyObject): webcrypto.CryptoKey {
  return key.toCryptoKey(CERTIFICATE_SIGNING_ALGORITHM, true, ['verify']);
}
