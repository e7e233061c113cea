import { createHash, randomBytes, type X509Certificate } from 'node:crypto';
import type { Clock } from '../../platform/clock/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { PlatformErrors } from '../../platform/http/index.ts';
import type { AccessTokenVerifier, VerifiedToken } from '../http/access.ts';

/**
 * Test helper: an in-memory AccessTokenVerifier (authz provides the real one) with the seam's
 * checks: known, unexpired, this brand's, bound to the presented certificate; else 401.
 */
export function createFakeTokens(clock: Clock) {
  const issued = new Map<string, VerifiedToken & { brandId: string; boundTo: string }>();
  const thumbprint = (c: X509Certificate) => createHash('sha256').update(c.raw).digest('base64url');
  const verifier: AccessTokenVerifier = {
    verify({ brandId, token, certificate }) {
      const found = issued.get(token);
      const fail = (why: string) => Promise.reject(new AppError(PlatformErrors.UNAUTHORIZED, why));
      if (found === undefined || found.brandId !== brandId) return fail('Token inválido.');
      if (found.expiresAt.getTime() <= clock.now().getTime()) return fail('Token expirado.');
      if (certificate === undefined || thumbprint(certificate) !== found.boundTo) return fail('Certificado.');
      const { brandId: _b, boundTo: _t, ...rest } = found;
      return Promise.resolve(rest);
    },
  };
  return {
    verifier,
    issue(input: {
      brandId: string;
      clientId: string;
      certificate: X509Certificate;
      scopes: readonly string[];
      grantType?: VerifiedToken['grantType'];
      consentId?: string;
    }): string {
      const token = randomBytes(24).toString('base64url');
      issued.set(token, {
        brandId: input.brandId,
        clientId: input.clientId,
        scopes: new Set(input.scopes),
        grantType: input.grantType ?? 'client_credentials',
        ...(input.consentId === undefined ? {} : { consentId: input.consentId }),
        expiresAt: new Date(clock.now().getTime() + 900_000),
        boundTo: thumbprint(input.certificate),
      });
      return token;
    },
  };
}

/** A clock that follows real time (signatures carry real `iat`s) and can be moved forward. */
export function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms: number) {
      offset += ms;
    },
  };
}
