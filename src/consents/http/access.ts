import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/index.ts';
import {
  PlatformErrors,
  verifyBearer,
  type AccessTokenVerifier,
  type VerifiedToken,
} from '../../platform/http/index.ts';

export type { AccessTokenVerifier, VerifiedToken } from '../../platform/http/index.ts';

function forbidden(message: string): AppError {
  return new AppError(PlatformErrors.FORBIDDEN, message);
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
  const token = await verifyBearer(request, verifier, brandId);
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
  const token = await verifyBearer(request, verifier, brandId);
  if (token.grantType === 'client_credentials') {
    throw forbidden('Este endpoint exige um token obtido via authorization_code.');
  }
  const boundConsent = token.consentId === undefined || token.consentId === consentId;
  if (!token.scopes.has(`consent:${consentId}`) || !boundConsent) {
    throw forbidden('O token não dá acesso a este consentimento.');
  }
  return token;
}
