import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';
import { SignJWT, type CryptoKey, type KeyObject } from 'jose';
import type { TestSoftware } from './software.ts';

/**
 * Test helper: a FAPI-BR authorization request as a receiver sends it: a PS256 request object
 * (JAR) pushed to the PAR endpoint with private_key_jwt over mTLS, PKCE S256, nonce and state,
 * the consent scope and acr requested as essential (FAPI-BR §5.2.3 items 6–7).
 */
export interface PushedAuthorization {
  url: URL;
  codeVerifier: string;
  nonce: string;
  state: string;
}

export function requestedClaims(): string {
  return JSON.stringify({
    id_token: {
      acr: { essential: true, values: ['urn:brasil:openbanking:loa2', 'urn:brasil:openbanking:loa3'] },
    },
  });
}

export async function pushAuthorization(
  config: client.Configuration,
  software: TestSoftware,
  consentId: string,
  overrides: Record<string, string> = {},
): Promise<PushedAuthorization> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const state = client.randomState();
  const { searchParams } = await client.buildAuthorizationUrlWithJAR(
    config,
    {
      redirect_uri: software.redirectUri,
      scope: `openid accounts resources consent:${consentId}`,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      nonce,
      state,
      claims: requestedClaims(),
      ...overrides,
    },
    { key: software.signingKey.privateKey, kid: String(software.signingKey.jwk.kid) },
  );
  const url = await client.buildAuthorizationUrlWithPAR(config, searchParams);
  return { url, codeVerifier, nonce, state };
}

/** A request object signed as given (for the requests the server must refuse). */
export async function signedRequestObject(input: {
  clientId: string;
  issuer: string;
  claims: Record<string, unknown>;
  key: CryptoKey | KeyObject;
  alg: string;
  kid: string;
}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ client_id: input.clientId, jti: randomUUID(), ...input.claims })
    .setProtectedHeader({ alg: input.alg, kid: input.kid })
    .setIssuer(input.clientId)
    .setAudience(input.issuer)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + 300)
    .sign(input.key);
}
