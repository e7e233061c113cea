import { constants, createPrivateKey, sign, verify, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';

/**
 * PS256 (RSASSA-PSS, SHA-256, salt 32) with node:crypto's callback forms, which run on libuv's
 * thread pool: a signature costs ~1 ms of CPU and must not block the event loop while the
 * server answers other requests (DESIGN §4 "signing is the hot cost").
 */
const PSS = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } as const;

export function ps256Sign(key: KeyObject, data: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    sign('sha256', data, { key, ...PSS }, (error, signature) => (error ? reject(error) : resolve(signature)));
  });
}

export function ps256Verify(key: KeyObject, data: Buffer, signature: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    verify('sha256', data, { key, ...PSS }, signature, (error, valid) => resolve(error === null && valid));
  });
}

/** A brand's signing key (its BRSEAL key as a private JWK with `kid`), ready to sign. */
export interface JwsSigner {
  kid: string;
  sign(data: Buffer): Promise<Buffer>;
}

export function signerFromJwk(jwk: JWK): JwsSigner {
  if (typeof jwk.kid !== 'string' || jwk.kid.length === 0) throw new Error('the signing JWK needs a kid');
  const key = createPrivateKey({ key: jwk, format: 'jwk' });
  if (key.asymmetricKeyType !== 'rsa') throw new Error('PS256 needs an RSA signing key');
  return { kid: jwk.kid, sign: (data) => ps256Sign(key, data) };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A JWS compact serialisation with `alg: PS256`, `typ: JWT` and the signer's `kid` (FAPI-BR 1.0
 * ID3 "Message Content Signing Considerations" item 5).
 */
export async function signJwt(signer: JwsSigner, claims: Record<string, unknown>): Promise<string> {
  const input = `${b64({ alg: 'PS256', kid: signer.kid, typ: 'JWT' })}.${b64(claims)}`;
  const signature = await signer.sign(Buffer.from(input));
  return `${input}.${signature.toString('base64url')}`;
}

/**
 * A detached JWS (RFC 7515 Appendix F) over `payload`'s exact bytes: `header..signature`. Used
 * for webhook bodies, which the spec sends as plain JSON.
 */
export async function signDetached(
  signer: JwsSigner,
  payload: Buffer,
  header: Record<string, unknown> = {},
): Promise<string> {
  const protectedHeader = b64({ alg: 'PS256', kid: signer.kid, typ: 'JOSE', ...header });
  const signature = await signer.sign(Buffer.from(`${protectedHeader}.${payload.toString('base64url')}`));
  return `${protectedHeader}..${signature.toString('base64url')}`;
}
