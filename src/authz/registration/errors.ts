import { errors } from 'oidc-provider';

/**
 * The registration errors of dcr.yaml `ClientRegistrationResponseError` (RFC 7591 §3.2.2 plus
 * Open Finance's `invalid_webhook_uris`), all HTTP 400.
 */
export function invalidClientMetadata(description: string): Error {
  return new errors.InvalidClientMetadata(description);
}

export function invalidRedirectUri(description: string): Error {
  return new errors.CustomOIDCProviderError('invalid_redirect_uri', description);
}

export function invalidSoftwareStatement(description: string): Error {
  return new errors.InvalidSoftwareStatement(description);
}

export function unapprovedSoftwareStatement(description: string): Error {
  return new errors.UnapprovedSoftwareStatement(description);
}

/** DCR v2.1.0 §7.1 item 10 (DIGEST §6.2 item 10): webhook_uris differ from the SSA's. */
export function invalidWebhookUris(description: string): Error {
  return new errors.CustomOIDCProviderError('invalid_webhook_uris', description);
}
