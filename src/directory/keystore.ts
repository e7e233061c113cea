import { createPrivateKey, createPublicKey, generateKeyPair } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { publicJwk } from '../pki/index.ts';
import type { PublicJwk } from '../pki/index.ts';

/**
 * Where the directory keeps its SSA signing key between restarts (DESIGN §4: keys behind one
 * keystore interface). `createFileKeystore` by default; a KMS adapter fits the same shape.
 */
export interface DirectoryKeystore {
  /** The private key as PKCS#8 PEM, or undefined before the first start. */
  read(): Promise<string | undefined>;
  /** Stores a new key; must not overwrite an existing one. */
  write(privateKeyPem: string): Promise<void>;
}

/** The directory's PS256 SSA signing key; `publicJwk` is what `/openbanking.jwks` publishes. */
export interface DirectorySigningKey {
  privateKey: KeyObject;
  kid: string;
  publicJwk: PublicJwk;
}

const KEY_FILE = 'directory-ssa-signing.key';

/** Keeps the key in `<dir>/directory-ssa-signing.key`, 0600. */
export function createFileKeystore(dir: string): DirectoryKeystore {
  const file = path.join(dir, KEY_FILE);
  return {
    async read() {
      try {
        return await fs.readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async write(privateKeyPem) {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      await fs.writeFile(file, privateKeyPem, { mode: 0o600, flag: 'wx' });
    },
  };
}

/** A keystore that forgets on exit, for tests. */
export function createMemoryKeystore(): DirectoryKeystore {
  let stored: string | undefined;
  return {
    read: () => Promise.resolve(stored),
    write(privateKeyPem) {
      if (stored !== undefined) return Promise.reject(new Error('key already stored'));
      stored = privateKeyPem;
      return Promise.resolve();
    },
  };
}

export function signingKeyFromPem(privateKeyPem: string): DirectorySigningKey {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'rsa')
    throw new Error('the directory signs SSAs with an RSA key (PS256)');
  const jwk = publicJwk(createPublicKey(privateKey), { use: 'sig', alg: 'PS256' });
  return { privateKey, kid: jwk.kid, publicJwk: jwk };
}

/** The stored signing key, or a new RSA-2048 one stored on first use. */
export async function loadOrCreateSigningKey(keystore: DirectoryKeystore): Promise<DirectorySigningKey> {
  const stored = await keystore.read();
  if (stored !== undefined) return signingKeyFromPem(stored);
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await keystore.write(pem);
  return signingKeyFromPem(pem);
}
