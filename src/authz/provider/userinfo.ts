import type { KoaContextWithOIDC, KoaMiddleware, Provider } from 'oidc-provider';
import { certificateThumbprint } from '../verifier/access-token-verifier.ts';
import { getCertificate } from './client-certificate.ts';

const BEARER = /^Bearer ([\x21-\x7e]{1,2048})$/i;

function refuse(ctx: KoaContextWithOIDC, status: 401 | 403, error: string, description: string): void {
  ctx.status = status;
  ctx.set('cache-control', 'no-store');
  ctx.set('www-authenticate', `Bearer error="${error}", error_description="${description}"`);
  ctx.body = { error, error_description: description };
}

/**
 * The userinfo endpoint (FAPI-BR 1.0 ID3 §5.2.2 item 8, OIDC Core §5.3) for the access tokens
 * this server issues. The provider's own userinfo refuses any token with an audience, and every
 * Open Finance token has one (the brand's APIs, through resource indicators: DESIGN §6), so the
 * endpoint is answered here: a certificate-bound (RFC 8705 §3), unexpired access token with the
 * `openid` scope gets the subject, and the `cpf` claim when the grant holds it.
 */
export function userinfoEndpoint(
  provider: Provider,
  claimsOf: (sub: string, wanted: readonly string[]) => Promise<Record<string, unknown>>,
): KoaMiddleware {
  return async (ctx, next) => {
    if (ctx.path !== '/me' || (ctx.method !== 'GET' && ctx.method !== 'POST')) return next();
    const token = BEARER.exec(ctx.get('authorization'))?.[1];
    if (token === undefined) return refuse(ctx, 401, 'invalid_token', 'no access token provided');
    const accessToken = await provider.AccessToken.find(token);
    if (accessToken === undefined || accessToken.isExpired || accessToken.accountId === undefined) {
      return refuse(ctx, 401, 'invalid_token', 'invalid token provided');
    }
    const certificate = getCertificate(ctx);
    if (!certificate || certificateThumbprint(certificate) !== accessToken['x5t#S256']) {
      return refuse(ctx, 401, 'invalid_token', 'failed x5t#S256 verification');
    }
    if (!accessToken.scopes.has('openid')) {
      return refuse(ctx, 403, 'insufficient_scope', 'access token missing openid scope');
    }
    const grant =
      accessToken.grantId === undefined ? undefined : await provider.Grant.find(accessToken.grantId);
    if (grant === undefined) return refuse(ctx, 401, 'invalid_token', 'invalid token provided');
    const openid = (grant as { openid?: { claims?: unknown } }).openid;
    const wanted = Array.isArray(openid?.claims) ? openid.claims.map(String) : [];
    ctx.status = 200;
    ctx.set('cache-control', 'no-store');
    ctx.body = await claimsOf(accessToken.accountId, wanted);
  };
}
