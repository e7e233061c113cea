import { decodeJwt } from 'jose';
import type { ReceiverIdentity } from '../types.ts';

/** The SSA claims the registration request repeats (DIGEST §6.2 items 4, 5, 10). */
export interface SsaUris {
  jwksUri: string;
  redirectUris: string[];
  webhookUris: string[];
}

/**
 * Reads the URIs of our own freshly fetched SSA. Not a verification: the holder verifies the
 * SSA's signature; we only repeat its values so that the request matches it.
 */
export function ssaUris(ssa: string): SsaUris {
  const claims = decodeJwt(ssa) as {
    software_jwks_uri?: string;
    software_redirect_uris?: string[];
    software_api_webhook_uris?: string[];
  };
  return {
    jwksUri: claims.software_jwks_uri ?? '',
    redirectUris: claims.software_redirect_uris ?? [],
    webhookUris: claims.software_api_webhook_uris ?? [],
  };
}

/**
 * RFC 7591 request as FAPI-BR DCR asks it (DIGEST §6.2 "DCR request fields"): private_key_jwt,
 * certificate-bound tokens, PS256, `code id_token`, id_token encrypted RSA-OAEP / A256GCM,
 * `jwks_uri` (never `jwks`), redirect URIs within the SSA's and webhook URIs equal to the SSA's.
 */
export function registrationRequest(identity: ReceiverIdentity, ssa: string): Record<string, unknown> {
  const uris = ssaUris(ssa);
  const redirectUris = identity.redirectUris ?? uris.redirectUris;
  return {
    software_statement: ssa,
    redirect_uris: redirectUris,
    jwks_uri: uris.jwksUri,
    grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
    response_types: ['code id_token'],
    token_endpoint_auth_method: 'private_key_jwt',
    token_endpoint_auth_signing_alg: 'PS256',
    id_token_signed_response_alg: 'PS256',
    id_token_encrypted_response_alg: 'RSA-OAEP',
    id_token_encrypted_response_enc: 'A256GCM',
    request_object_signing_alg: 'PS256',
    require_signed_request_object: true,
    require_pushed_authorization_requests: true,
    tls_client_certificate_bound_access_tokens: true,
    subject_type: 'public',
    ...(uris.webhookUris.length > 0 && { webhook_uris: uris.webhookUris }),
  };
}
