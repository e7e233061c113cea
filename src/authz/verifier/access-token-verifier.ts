import type { X509Certificate } from 'node:crypto';
import { createHash } from 'node:crypto';
import type { Provider, TokenInstance } from 'oidc-provider';
import { AppError } from '../../platform/errors/index.ts';
import { AuthzErrors } from '../errors.ts';
import type { AccessTokenVerifier, VerifiedAccessToken } from '../types.ts';

/** RFC 8705 §3.1: `x5t#S256` is the base64url SHA-256 of the certificate's DER. */
export function certificateThumbprint(certificate: X509Certificate): string {
  return createHash('sha256').update(certificate.raw).digest('base64url');
}

function invalid(message: string): AppError {
  return new AppError(AuthzErrors.ACCESS_TOKEN_INVALID, message);
}

function grantTypeOf(token: TokenInstance): VerifiedAccessToken['grantType'] {
  if (token.kind === 'ClientCredentials') return 'client_credentials';
  return token.gty?.split(' ').includes('refresh_token') ? 'refresh_token' : 'authorization_code';
}

/**
 * The bearer-token check of every resource server of the brand (docs/trust-core-plan.md): the
 * opaque token exists (authorization-code or client-credentials token), has not expired, was
 * issued by this brand's issuer, and is bound to the certificate presented on this request
 * (RFC 8705 §3; FAPI-BR: every token is certificate-bound). Scope and consent checks are the
 * caller's. Failures are 401 (RFC 6750 §3.1; FAPI-BR 1.0 ID3 §7.2.2 item 3.1).
 */
export function createAccessTokenVerifier(deps: {
  brandId: string;
  provider: Provider;
}): AccessTokenVerifier {
  return {
    async verify({ brandId, token, certificate }) {
      if (brandId !== deps.brandId) throw invalid('O token de acesso não foi emitido por esta instituição.');
      if (token.length === 0 || token.length > 512) throw invalid('Token de acesso ausente ou malformado.');
      const found =
        (await deps.provider.AccessToken.find(token)) ?? (await deps.provider.ClientCredentials.find(token));
      if (found === undefined || found.isExpired || typeof found.exp !== 'number') {
        throw invalid('Token de acesso inválido ou expirado.');
      }
      const bound = found['x5t#S256'];
      if (bound === undefined) throw invalid('Token de acesso sem vínculo a certificado.');
      if (certificate === undefined || certificateThumbprint(certificate) !== bound) {
        throw new AppError(
          AuthzErrors.ACCESS_TOKEN_CERTIFICATE_MISMATCH,
          'O token de acesso está vinculado a outro certificado de cliente.',
        );
      }
      if (found.clientId === undefined) throw invalid('Token de acesso sem cliente.');
      const consentId = typeof found.extra?.consentId === 'string' ? found.extra.consentId : undefined;
      return {
        clientId: found.clientId,
        scopes: new Set((found.scope ?? '').split(' ').filter((s) => s.length > 0)),
        ...(consentId === undefined ? {} : { consentId }),
        grantType: grantTypeOf(found),
        ...(found.accountId === undefined ? {} : { subject: found.accountId }),
        expiresAt: new Date(found.exp * 1000),
      };
    },
  };
}

/**
 * One verifier for several brands (a process serving many): routes by `brandId`; an unknown
 * brand is an invalid token, never an error of ours.
 */
export function combineVerifiers(byBrand: ReadonlyMap<string, AccessTokenVerifier>): AccessTokenVerifier {
  return {
    verify(input) {
      const verifier = byBrand.get(input.brandId);
      if (verifier === undefined) return Promise.reject(invalid('Instituição desconhecida.'));
      return verifier.verify(input);
    },
  };
}
