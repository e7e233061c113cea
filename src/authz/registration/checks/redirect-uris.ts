import { invalidRedirectUri } from '../errors.ts';
import { stringArray, type RegistrationCheck } from '../registration-context.ts';

/**
 * DCR 1.0 ID3 §7.1 item 6 (DIGEST §6.2 item 5): `redirect_uris` is required and every entry is
 * one of the SSA's `software_redirect_uris` (exact string match, RFC 6749 §3.1.2).
 */
export const checkRedirectUris: RegistrationCheck = ({ metadata, ssa }) => {
  const requested = stringArray(metadata.redirect_uris);
  if (requested === undefined || requested.length === 0) {
    throw invalidRedirectUri('redirect_uris is required');
  }
  const allowed = new Set(ssa.software_redirect_uris);
  const outside = requested.filter((uri) => !allowed.has(uri));
  if (outside.length > 0) {
    throw invalidRedirectUri(
      'redirect_uris must be a subset of software_redirect_uris of the software statement',
    );
  }
};
