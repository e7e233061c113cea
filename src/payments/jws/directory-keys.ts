import { createPublicKey, type KeyObject } from 'node:crypto';

/** What the payments module needs of the directory client: cached JWKS, refreshed on an unknown kid. */
export interface JwksSource {
  fetchJwks(uri: string, options?: { kid?: string }): Promise<{ keys: Array<Record<string, unknown>> }>;
}

const imported = new WeakMap<object, KeyObject | null>();

function usable(jwk: Record<string, unknown>): KeyObject | undefined {
  let key = imported.get(jwk);
  if (key === undefined) {
    try {
      key = createPublicKey({ key: jwk, format: 'jwk' });
      if (key.asymmetricKeyType !== 'rsa') key = null;
    } catch {
      key = null;
    }
    imported.set(jwk, key);
  }
  return key ?? undefined;
}

/**
 * The verification key `kid` of a participant, looked up only in its directory JWKS (FAPI-BR 1.0
 * ID3 JWS item 6: "exclusively based on the information obtained from the directory"): RSA,
 * not an encryption key, PS256 or no `alg`. Each JWKS is refreshed once when the kid is unknown
 * (key rotation). Undefined when no published key matches; throws when no JWKS could be read.
 */
export async function findSigningKey(
  source: JwksSource,
  jwksUris: readonly string[],
  kid: string,
): Promise<KeyObject | undefined> {
  const failures: unknown[] = [];
  for (const uri of jwksUris) {
    let jwks;
    try {
      jwks = await source.fetchJwks(uri, { kid });
    } catch (error) {
      failures.push(error);
      continue;
    }
    for (const jwk of jwks.keys) {
      if (jwk.kid !== kid || jwk.use === 'enc' || (jwk.alg !== undefined && jwk.alg !== 'PS256')) continue;
      const key = usable(jwk);
      if (key) return key;
    }
  }
  // The directory could not be read at all: that is our outage, not the client's bad signature.
  if (failures.length > 0 && failures.length === jwksUris.length) throw failures[0];
  return undefined;
}
