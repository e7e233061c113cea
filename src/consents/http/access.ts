import type { X509Certificate } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/index.ts';
import { PlatformErrors } from '../../platform/http/index.ts';

/** What a verified access token says (trust-core seam "Access-token verification"). */
export interface VerifiedToken {
  clientId: string;
  scopes: Set<string>;
  consentId?: string;
  grantType: 'client_credentials' | 'authorization_code' | 'refresh_token';
  subject?: string;
  expiresAt: Date;
}

/**
 * Access-token verification for resource servers (authz provides the real one). Resolves the
 * bearer token or throws an AppError with the spec status: unknown or expired token, another
 * brand's issuer, or a token not bound to the presented certificate (`cnf.x5t#S256`) → 401.
 * Scope and consent checks are the caller's (below).
 */
export interface AccessTokenVerifier {
  verify(input: {
    brandId: string;
    token: string;
    certificate: X509Certificate | undefined;
  }): Promise<VerifiedToken>;
}

const BEARER = /^Bearer ([\x21-\x7e]{1,2048})$/i;

function unauthorized(message: string): AppError {
  return new AppError(PlatformErrors.UNAUTHORIZED, message);
}

function forbidden(message: string): AppError {
  return new AppError(PlatformErrors.FORBIDDEN, message);
}

async function verifiedToken(
  request: FastifyRequest,
  verifier: AccessTokenVerifier,
  brandId: string,
): Promise<VerifiedToken> {
  const header = request.headers.authorization;
  const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
  if (token === undefined) throw unauthorized('Cabeçalho Authorization ausente ou sem token Bearer.');
  // Only a certificate whose chain was verified can prove possession of a bound token.
  const presented = request.clientCertificate();
  const certificate = presented?.verified === true ? presented.certificate : undefined;
  return verifier.verify({ brandId, token, certificate });
}

/**
 * POST/GET/DELETE /consents and GET /extensions: a client_credentials token with scope
 * `consents` (DIGEST §2.1). A token of another grant or without the scope is a 403.
 */
export async function requireClientCredentials(
  request: FastifyRequest,
  verifier: AccessTokenVerifier,
  brandId: string,
): Promise<VerifiedToken> {
  const token = await verifiedToken(request, verifier, brandId);
  if (token.grantType !== 'client_credentials') {
    throw forbidden('Este endpoint exige um token obtido via client_credentials.');
  }
  if (!token.scopes.has('consents')) throw forbidden('O token não tem o escopo consents.');
  return token;
}

/**
 * POST /consents/{id}/extends: a token from the customer's authorisation (authorization_code,
 * or refreshed from one) carrying `consent:<id>` for this very consent (DIGEST §2.1).
 */
export async function requireConsentToken(
  request: FastifyRequest,
  verifier: AccessTokenVerifier,
  brandId: string,
  consentId: string,
): Promise<VerifiedToken> {
  const token = await verifiedToken(request, verifier, brandId);
  if (token.grantType === 'client_credentials') {
    throw forbidden('Este endpoint exige um token obtido via authorization_code.');
  }
  const boundConsent = token.consentId === undefined || token.consentId === consentId;
  if (!token.scopes.has(`consent:${consentId}`) || !boundConsent) {
    throw forbidden('O token não dá acesso a este consentimento.');
  }
  return token;
}
