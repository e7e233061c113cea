import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/index.ts';
import { PlatformErrors, verifyBearer, type AccessTokenVerifier } from '../../platform/http/index.ts';

export type { AccessTokenVerifier, VerifiedToken } from '../../platform/http/index.ts';

const forbidden = (message: string) => new AppError(PlatformErrors.FORBIDDEN, message);

/**
 * Consents, GET and PATCH of payments: a client_credentials token with scope `payments`
 * (payments.yaml "Controle de acesso"; OAuth2ClientCredentials).
 */
export async function requireClientCredentials(
  request: FastifyRequest,
  verifier: AccessTokenVerifier,
  brandId: string,
) {
  const token = await verifyBearer(request, verifier, brandId);
  if (token.grantType !== 'client_credentials')
    throw forbidden('Este endpoint exige um token obtido via client_credentials.');
  if (!token.scopes.has('payments')) throw forbidden('O token não tem o escopo payments.');
  return token;
}

/**
 * POST /pix/payments: the customer's authorization_code token (or one refreshed from it) with
 * `payments` and the `consent:<consentId>` it was granted for (OAuth2AuthorizationCode).
 */
export async function requireConsentToken(
  request: FastifyRequest,
  verifier: AccessTokenVerifier,
  brandId: string,
) {
  const token = await verifyBearer(request, verifier, brandId);
  if (token.grantType === 'client_credentials')
    throw forbidden('Este endpoint exige um token obtido via authorization_code.');
  if (!token.scopes.has('payments')) throw forbidden('O token não tem o escopo payments.');
  const consentId = token.consentId;
  if (consentId === undefined || !token.scopes.has(`consent:${consentId}`)) {
    throw forbidden('O token não está vinculado a um consentimento de pagamento.');
  }
  return { ...token, consentId };
}
