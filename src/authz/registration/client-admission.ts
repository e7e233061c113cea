import type { JWK } from 'jose';
import type { AdapterPayload } from 'oidc-provider';
import { invalidClientMetadata } from './errors.ts';

/**
 * The registration checks that cannot run in the synchronous validator: they run as the client
 * record is stored (POST and PUT), before the response is written.
 *
 * - DCR 1.0 ID3 §7.1 item 4 / DIGEST §6.2 item 4: the JWKS at `jwks_uri` holds an RSA key with
 *   `use: enc`, the one id_tokens are encrypted to (FAPI-BR §5.2.2.1 item 4).
 * - DCR 1.0 ID3 §9.3.1 item 5 / DIGEST §6.2 item 9: one registration per software statement,
 *   enforced by a unique index (two processes cannot both accept it); the second attempt gets
 *   the RFC 7591 §3.2.2 error `invalid_client_metadata`, as other ecosystems answer duplicate
 *   software registrations.
 */
export type FetchJwks = (uri: string) => Promise<{ keys: ReadonlyArray<Record<string, unknown>> }>;

export function hasEncryptionKey(jwks: { keys?: unknown }): boolean {
  if (!Array.isArray(jwks.keys)) return false;
  return (jwks.keys as Array<{ kty?: unknown; use?: unknown }>).some(
    (key) => key.kty === 'RSA' && key.use === 'enc',
  );
}

export function beforeClientUpsert(fetchJwks: FetchJwks) {
  return async (_clientId: string, payload: AdapterPayload): Promise<void> => {
    const uri = payload.jwks_uri;
    if (typeof uri !== 'string') throw invalidClientMetadata('jwks_uri is required');
    let jwks: { keys: ReadonlyArray<Record<string, unknown>> };
    try {
      jwks = await fetchJwks(uri);
    } catch {
      throw invalidClientMetadata('jwks_uri could not be fetched');
    }
    if (!hasEncryptionKey(jwks)) {
      throw invalidClientMetadata(
        'the JWKS at jwks_uri has no RSA key with use "enc" for id_token encryption',
      );
    }
  };
}

export function onClientConflict(error: unknown): unknown {
  const pg = error as { code?: unknown; constraint?: unknown };
  if (pg.code === '23505' && pg.constraint === 'oidc_payloads_client_software_uq') {
    return invalidClientMetadata('a client is already registered for this software statement (software_id)');
  }
  return error;
}

/** A JWKS fetch through the given fetch function (the provider's outbound fetch). */
export function fetchJwksWith(
  fetchFn: (url: string, init: Record<string, unknown>) => Promise<Response>,
): FetchJwks {
  return async (uri) => {
    const response = await fetchFn(uri, {
      method: 'GET',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(5_000),
    });
    if (response.status !== 200) throw new Error(`jwks_uri answered ${response.status}`);
    const body = (await response.json()) as { keys?: unknown };
    if (!Array.isArray(body.keys)) throw new Error('jwks_uri did not return a JWK set');
    return body as { keys: JWK[] };
  };
}
