import { SignJWT } from 'jose';
import type { Clock } from '../platform/clock/index.ts';
import type { DirectorySigningKey } from './keystore.ts';
import type { Organisation, Software } from './registry.ts';
import { softwareStatementClaims } from './ssa-claims.ts';

export interface SoftwareStatementSigner {
  signingKey: DirectorySigningKey;
  clock: Clock;
  /** SSA `iss`: SSA_ISSUERS.sandbox for the simulator. */
  issuer: string;
  /** Base URL of the keystore the SSA's JWKS URIs point to. */
  keystore: () => string;
}

/**
 * The software statement assertion: a JWT signed PS256 by the directory, header `typ: JWT` and
 * the key's `kid`, `iat` now (DCR 1 ID3 "Software Statement Assertion"; DIGEST §5.1).
 */
export async function signSoftwareStatement(
  signer: SoftwareStatementSigner,
  organisation: Organisation,
  software: Software,
): Promise<string> {
  const claims = softwareStatementClaims({
    organisation,
    software,
    issuer: signer.issuer,
    keystore: signer.keystore(),
    issuedAt: Math.floor(signer.clock.now().getTime() / 1000),
  });
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'PS256', typ: 'JWT', kid: signer.signingKey.kid })
    .sign(signer.signingKey.privateKey);
}
