import type { X509Certificate } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/index.ts';
import { PlatformErrors } from './platform-errors.ts';

/**
 * What a verified access token says (docs/trust-core-plan.md, "Access-token verification"). authz
 * provides the verifier; every resource server (consents, holder, payments) consumes it.
 */
export interface VerifiedToken {
  clientId: string;
  scopes: Set<string>;
  consentId?: string;
  grantType: 'client_credentials' | 'authorization_code' | 'refresh_token';
  subject?: string;
  expiresAt: Date;
}

/**
 * Resolves a bearer token or throws an AppError with the spec status: unknown or expired token,
 * another brand's issuer, or a token not bound to the presented certificate (`cnf.x5t#S256`,
 * RFC 8705) → 401. Scope and consent checks are the resource server's.
 */
export interface AccessTokenVerifier {
  verify(input: {
    brandId: string;
    token: string;
    certificate: X509Certificate | undefined;
  }): Promise<VerifiedToken>;
}

const BEARER = /^Bearer ([\x21-\x7e]{1,2048})$/i;

/** The request's `Authorization: Bearer` token, verified against its client certificate. */
export async function verifyBearer(
  request: FastifyRequest,
  verifier: AccessTokenVerifier,
  brandId: string,
): Promise<VerifiedToken> {
  const header = request.headers.authorization;
  const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
  if (token === undefined) {
    throw new AppError(PlatformErrors.UNAUTHORIZED, 'Cabeçalho Authorization ausente ou sem token Bearer.');
  }
  // Only a certificate whose chain was verified can prove possession of a bound token.
  const presented = request.clientCertificate();
  const certificate = presented?.verified === true ? presented.certificate : undefined;
  return verifier.verify({ brandId, token, certificate });
}
