import type { SoftwareStatementClaims } from '../../types.ts';
import type { AuthzDirectory } from '../../types.ts';
import { dcrErrorFor } from '../../../directory/index.ts';
import { isAppError } from '../../../platform/errors/index.ts';
import { invalidSoftwareStatement, unapprovedSoftwareStatement } from '../errors.ts';

/** DCR 1.0 ID3 §7.1 item 3 (DIGEST §6.2 item 3): the SSA was issued at most five minutes ago. */
export const SSA_MAX_AGE_SECONDS = 300;
/** Clock skew tolerated for an `iat` slightly in the future (two machines, two clocks). */
const FUTURE_SKEW_SECONDS = 30;

const PS256_HEADER = /^eyJ/;

function headerAlg(jwt: string): string | undefined {
  const [header] = jwt.split('.');
  try {
    const parsed = JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8')) as { alg?: unknown };
    return typeof parsed.alg === 'string' ? parsed.alg : undefined;
  } catch {
    return undefined;
  }
}

/**
 * DCR 1.0 ID3 §7.1 items 2–3 (DIGEST §6.2 items 2–3): the software statement is a JWT signed
 * PS256 by the directory (verified synchronously against the directory client's cached
 * keystore: extraClientMetadata.validator cannot wait, DESIGN §6) and at most 5 minutes old.
 */
export function verifySoftwareStatement(
  jwt: unknown,
  directory: AuthzDirectory,
  now: Date,
  maxAgeSeconds = SSA_MAX_AGE_SECONDS,
): SoftwareStatementClaims {
  if (typeof jwt !== 'string' || !PS256_HEADER.test(jwt) || jwt.split('.').length !== 3) {
    throw invalidSoftwareStatement('software_statement must be a signed JWT');
  }
  if (headerAlg(jwt) !== 'PS256') {
    throw invalidSoftwareStatement('software_statement must be signed with PS256');
  }
  let claims: SoftwareStatementClaims;
  try {
    claims = directory.verifySoftwareStatementSync(jwt);
  } catch (error) {
    // The directory client says why (SoftwareStatementErrors → RFC 7591 error, src/directory).
    const dcrError = isAppError(error) ? dcrErrorFor(error.code) : undefined;
    if (dcrError === 'unapproved_software_statement' && isAppError(error)) {
      throw unapprovedSoftwareStatement(error.message);
    }
    throw invalidSoftwareStatement(
      isAppError(error) && dcrError !== undefined
        ? error.message
        : 'software_statement signature is not from the directory of participants',
    );
  }
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (typeof claims.iat !== 'number') throw invalidSoftwareStatement('software_statement has no iat');
  if (nowSeconds - claims.iat > maxAgeSeconds) {
    throw invalidSoftwareStatement(`software_statement was issued more than ${maxAgeSeconds} seconds ago`);
  }
  if (claims.iat - nowSeconds > FUTURE_SKEW_SECONDS) {
    throw invalidSoftwareStatement('software_statement iat is in the future');
  }
  for (const claim of ['software_id', 'org_id', 'software_jwks_uri'] as const) {
    if (typeof claims[claim] !== 'string' || claims[claim].length === 0) {
      throw invalidSoftwareStatement(`software_statement has no ${claim}`);
    }
  }
  if (!Array.isArray(claims.software_redirect_uris)) {
    throw invalidSoftwareStatement('software_statement has no software_redirect_uris');
  }
  return claims;
}
