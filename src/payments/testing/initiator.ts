import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/**
 * Test helper: a payment initiator as the directory knows it (organisation, client id, a PS256
 * signing key published in its JWKS) that signs request bodies as FAPI-BR asks: `aud` the
 * account holder, `iss` its organisationId, `iat` now, a fresh UUID v4 `jti`, the body in `data`.
 */
export interface TestInitiator {
  name: string;
  orgId: string;
  clientId: string;
  jwksUri: string;
  signingKey: { privateKey: CryptoKey; jwk: JWK };
  /** A key that is not in the directory (for the "unknown key" case). */
  strayKey: { privateKey: CryptoKey; jwk: JWK };
  sign(
    data: unknown,
    claims?: Record<string, unknown>,
    options?: { key?: CryptoKey; kid?: string },
  ): Promise<string>;
}

async function rsaKey(kid: string): Promise<{ privateKey: CryptoKey; jwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('PS256', {
    modulusLength: 2048,
    extractable: true,
  });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'PS256' } };
}

export async function createTestInitiator(input: {
  name: string;
  audience: string;
  jwksUri: string;
  now: () => Date;
}): Promise<TestInitiator> {
  const orgId = randomUUID();
  const signingKey = await rsaKey(`${input.name}-sig`);
  const strayKey = await rsaKey(`${input.name}-stray`);
  return {
    name: input.name,
    orgId,
    clientId: `client-${input.name}`,
    jwksUri: input.jwksUri,
    signingKey,
    strayKey,
    sign(data, claims = {}, options = {}) {
      const iat = Math.floor(input.now().getTime() / 1000);
      return new SignJWT({ aud: input.audience, iss: orgId, iat, jti: randomUUID(), data, ...claims })
        .setProtectedHeader({ alg: 'PS256', typ: 'JWT', kid: options.kid ?? String(signingKey.jwk.kid) })
        .sign(options.key ?? signingKey.privateKey);
    },
  };
}
