import { createHash, randomBytes, type X509Certificate } from 'node:crypto';
import type { Clock } from '../../platform/clock/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { PlatformErrors } from '../../platform/http/index.ts';
import type { AccessTokenVerifier, VerifiedToken } from '../http/access.ts';

/** RFC 8705 §3.1 `x5t#S256`: base64url SHA-256 of the certificate's DER. */
export function thumbprint(certificate: X509Certificate): string {
  return createHash('sha256').update(certificate.raw).digest('base64url');
}

interface IssuedToken extends VerifiedToken {
  brandId: string;
  /** `cnf.x5t#S256` the token is bound to. */
  boundTo: string;
}

/**
 * An in-memory AccessTokenVerifier for the consents tests only (authz provides the real one).
 * It makes the same checks the seam promises: known, unexpired, this brand's, and bound to the
 * presented certificate; each failure is a 401.
 */
export function createFakeVerifier(clock: Clock) {
  const issued = new Map<string, IssuedToken>();
  const verifier: AccessTokenVerifier = {
    verify({ brandId, token, certificate }) {
      const found = issued.get(token);
      const fail = (why: string) => Promise.reject(new AppError(PlatformErrors.UNAUTHORIZED, why));
      if (found === undefined || found.brandId !== brandId) return fail('Token inválido.');
      if (found.expiresAt.getTime() <= clock.now().getTime()) return fail('Token expirado.');
      if (certificate === undefined || thumbprint(certificate) !== found.boundTo) {
        return fail('Token não vinculado ao certificado apresentado.');
      }
      const { brandId: _brand, boundTo: _bound, ...token_ } = found;
      return Promise.resolve(token_);
    },
  };
  return {
    verifier,
    /** Issues a token bound to `certificate`; returns the bearer value. */
    issue(input: {
      brandId: string;
      clientId: string;
      certificate: X509Certificate;
      scopes: readonly string[];
      grantType?: VerifiedToken['grantType'];
      consentId?: string;
      ttlSeconds?: number;
    }): string {
      const token = randomBytes(24).toString('base64url');
      issued.set(token, {
        brandId: input.brandId,
        clientId: input.clientId,
        scopes: new Set(input.scopes),
        grantType: input.grantType ?? 'client_credentials',
        ...(input.consentId === undefined ? {} : { consentId: input.consentId }),
        expiresAt: new Date(clock.now().getTime() + (input.ttlSeconds ?? 900) * 1000),
        boundTo: thumbprint(input.certificate),
      });
      return token;
    },
  };
}
