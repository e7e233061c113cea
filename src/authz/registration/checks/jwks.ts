import { invalidClientMetadata } from '../errors.ts';
import type { RegistrationCheck } from '../registration-context.ts';

/**
 * DCR 1.0 ID3 §7.1 items 4–5 (DIGEST §6.2 item 4): keys only by reference, and the reference is
 * the directory's keystore for this software (`software_jwks_uri`), which applies when absent.
 * That the set holds a `use: enc` key is checked once it can be fetched (client-admission.ts).
 */
export const checkJwksUri: RegistrationCheck = ({ metadata, ssa }) => {
  if (metadata.jwks !== undefined) {
    throw invalidClientMetadata('jwks by value is not allowed; register jwks_uri (the software_jwks_uri)');
  }
  if (metadata.jwks_uri === undefined) {
    metadata.jwks_uri = ssa.software_jwks_uri;
    return;
  }
  if (metadata.jwks_uri !== ssa.software_jwks_uri) {
    throw invalidClientMetadata('jwks_uri must equal software_jwks_uri of the software statement');
  }
};
