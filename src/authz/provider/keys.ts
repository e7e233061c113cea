import { hkdfSync } from 'node:crypto';
import type { JWK } from 'jose';

/**
 * The brand's keys as the provider needs them: the PS256 signing key for its JWKS (id_tokens,
 * FAPI-BR "PS256 only") and the cookie-signing keys, derived from the signing key so that every
 * process of one brand signs and checks cookies alike without another secret to distribute.
 */
export function providerJwks(signingKey: JWK): { keys: JWK[] } {
  if (signingKey.kty !== 'RSA' || typeof signingKey.d !== 'string') {
    throw new Error('brand.signingKey must be a private RSA JWK (PS256)');
  }
  if (typeof signingKey.kid !== 'string' || signingKey.kid.length === 0) {
    throw new Error('brand.signingKey must carry a kid (FAPI-BR: kid in every JOSE header)');
  }
  return { keys: [{ ...signingKey, alg: 'PS256', use: 'sig' }] };
}

/** HMAC keys for the provider's signed cookies (keygrip: first signs, all verify), stable across processes. */
export function cookieKeys(brandId: string, signingKey: JWK): string[] {
  if (typeof signingKey.d !== 'string') throw new Error('brand.signingKey must be a private key');
  const secret = Buffer.from(signingKey.d, 'base64url');
  const derive = (label: string) =>
    Buffer.from(hkdfSync('sha256', secret, Buffer.from(brandId), Buffer.from(label), 32)).toString(
      'base64url',
    );
  return [derive('ponte authz cookies v1')];
}
