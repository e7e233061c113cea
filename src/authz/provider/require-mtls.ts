import type { KoaContextWithOIDC, KoaMiddleware, Provider } from 'oidc-provider';
import { parseOpenFinanceSubject } from '../../pki/index.ts';
import { getCertificate } from './client-certificate.ts';

const MANAGEMENT = /^\/register\/([^/]+)$/;

function refuse(ctx: KoaContextWithOIDC, description: string): void {
  ctx.status = 401;
  ctx.set('cache-control', 'no-store');
  ctx.body = { error: 'invalid_client', error_description: description };
}

function uidOf(ctx: KoaContextWithOIDC): string | undefined {
  const certificate = getCertificate(ctx);
  if (certificate === undefined) return undefined;
  try {
    return parseOpenFinanceSubject(certificate).softwareStatementId;
  } catch {
    return undefined;
  }
}

/**
 * Mutual TLS where the profile makes it mandatory and the provider would not ask for it
 * (certificate standard 1 ID2 endpoint table, DIGEST §5.2; DCR 1.0 ID3 §9.3.2, DIGEST §6.3):
 * PAR and token revocation need a verified client certificate, and managing a registration
 * (GET/PUT/DELETE /register/:clientId) needs the certificate of the software registered.
 * (Registration itself is checked in the validator; token and userinfo bind to the certificate.)
 */
export function requireMutualTls(provider: Provider): KoaMiddleware {
  return async (ctx, next) => {
    const management = MANAGEMENT.exec(ctx.path);
    if (management && ['GET', 'PUT', 'DELETE'].includes(ctx.method)) {
      const uid = uidOf(ctx);
      if (uid === undefined)
        return refuse(ctx, 'registration management requires mutual TLS with the software certificate');
      const client = await provider.Client.find(decodeURIComponent(management[1] ?? ''));
      const softwareId = typeof client?.software_id === 'string' ? client.software_id : undefined;
      if (softwareId !== undefined && softwareId.toUpperCase() !== uid.toUpperCase()) {
        return refuse(ctx, 'the client certificate belongs to another software');
      }
    } else if (ctx.method === 'POST' && (ctx.path === '/par' || ctx.path === '/token/revocation')) {
      if (getCertificate(ctx) === undefined)
        return refuse(ctx, 'mutual TLS with a verified client certificate is required');
    }
    await next();
  };
}
