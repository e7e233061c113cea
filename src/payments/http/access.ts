import type { X509Certificate } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/index.ts';
import { PlatformErrors } from '../../platform/http/index.ts';

/** What a verified access token says (trust-core seam "Access-token verification", authz provides it). */
export interface VerifiedToken {
  clientId: string;
  scopes: Set<string>;
  consentId?: string;
  grantType: 'client_credentials' | 'authorization_code' | 'refresh_token';
  subject?: string;
  expiresAt: Date;
}

export interface AccessTokenVerifier {
  verify(input: {
    brandId: string;
    token: string;
    certificate: X509Certificate | undefined;
  }): Promise<VerifiedToken>;
}

const BEARER = /^Bearer ([\x21-\x7e]{1,2048})$/i;
const forbidden = (message: string) => new AppError(PlatformErrors.FORBIDDEN, message);

async function bearer(
  request: FastifyRequest,
  verifier: AccessTokenVerifier,
  brandId: string,
): Promise<VerifiedToken> {
  const header = request.headers.authorization;
  const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
  if (token === undefined)
    throw new AppError(PlatformErrors.UNAUTHORIZED, 'Cabeçalho Authorization ausente ou sem token Bearer.');
  // Only a certificate whose chain was verified can prove possession of a bound token.
  const presented = request.clientCertificate();
  return verifier.verify({
    brandId,
    token,
    certificate: presented?.verified === true ? presented.certificate : undefined,
  });
}

/**
 * Consents, GET and PATCH of payments: a client_credentials token with scope `payments`
 * (payments.yaml "Controle de acesso"; OAuth2ClientCredentials).
 */
export async function requireClientCredentials(
  request: FastifyRequest,
  verifier: AccessTokenVerifier,
  brandId: string,
) {
  const token = await bearer(request, verifier, brandId);
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
  const token = await bearer(request, verifier, brandId);
  if (token.grantType === 'client_credentials')
    throw forbidden('Este endpoint exige um token obtido via authorization_code.');
  if (!token.scopes.has('payments')) throw forbidden('O token não tem o escopo payments.');
  const consentId = token.consentId;
  if (consentId === undefined || !token.scopes.has(`consent:${consentId}`)) {
    throw forbidden('O token não está vinculado a um consentimento de pagamento.');
  }
  return { ...token, consentId };
}
