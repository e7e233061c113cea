import { invalidClientMetadata } from '../errors.ts';
import { stringArray, type ClientMetadata, type RegistrationCheck } from '../registration-context.ts';

/** dcr.yaml ClientRegistrationRequest.grant_types enum. */
const GRANT_TYPES = new Set(['authorization_code', 'refresh_token', 'client_credentials', 'implicit']);

/**
 * The FAPI-BR client profile, as server defaults where the request says nothing and as a rule
 * where it says something else (DCR 1.0 ID3 "Applying Server Defaults"; FAPI-BR v2.1.0 §5.1;
 * DIGEST §6.1, §6.2 dcr.yaml fields):
 * private_key_jwt with PS256, hybrid `code id_token` answered in the fragment, PS256-signed
 * request objects through PAR, id_tokens signed PS256 and encrypted RSA-OAEP/A256GCM, tokens
 * bound to the transport certificate, public subjects.
 */
const FIXED: Readonly<Record<string, unknown>> = {
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
};

function sameValue(actual: unknown, expected: unknown): boolean {
  return actual === expected;
}

function applyFixed(metadata: ClientMetadata, requested: Readonly<Record<string, unknown>>): void {
  for (const [field, value] of Object.entries(FIXED)) {
    if (requested[field] !== undefined && !sameValue(requested[field], value)) {
      throw invalidClientMetadata(`${field} must be ${String(value)}`);
    }
    metadata[field] = value;
  }
}

export const checkProfileMetadata: RegistrationCheck = ({ metadata, requested }) => {
  applyFixed(metadata, requested);

  const responseTypes = stringArray(metadata.response_types) ?? ['code id_token'];
  if (responseTypes.some((rt) => rt.split(' ').sort().join(' ') !== 'code id_token')) {
    throw invalidClientMetadata('response_types must be ["code id_token"]');
  }
  metadata.response_types = ['code id_token'];
  metadata.response_modes = ['fragment'];

  const grantTypes = stringArray(metadata.grant_types) ?? [
    'authorization_code',
    'refresh_token',
    'client_credentials',
  ];
  const unknown = grantTypes.filter((g) => !GRANT_TYPES.has(g));
  if (unknown.length > 0) throw invalidClientMetadata(`grant_types not allowed: ${unknown.join(' ')}`);
  metadata.grant_types = grantTypes;

  // Encrypted request objects would need an encryption key of the server's; with PAR mandatory
  // (FAPI-BR v2.1.0 §5.1 item 2) they are optional for the server, so the fields are ignored.
  delete metadata.request_object_encryption_alg;
  delete metadata.request_object_encryption_enc;
};
