import type { KoaContextWithOIDC, KoaMiddleware } from 'oidc-provider';
import { MANDATORY_DISCOVERY_SCOPES } from '../policies/scopes.ts';

/** Endpoints a client reaches with its certificate (DCR 1.0 ID3 §5.1 items 5–6, RFC 8705 §5). */
const MTLS_ROUTES: Readonly<Record<string, string>> = {
  token_endpoint: 'token',
  pushed_authorization_request_endpoint: 'pushed_authorization_request',
  registration_endpoint: 'registration',
  userinfo_endpoint: 'userinfo',
  revocation_endpoint: 'revocation',
};

export interface DiscoveryOptions {
  /**
   * Origin of the mTLS endpoints when they differ from the issuer's (a separate mTLS host at a
   * gateway); by default the same URLs, as Ponte asks for the certificate on the same port.
   */
  mtlsOrigin?: string;
}

function withOrigin(url: string, origin: string | undefined): string {
  if (origin === undefined) return url;
  const parsed = new URL(url);
  const target = new URL(origin);
  parsed.protocol = target.protocol;
  parsed.host = target.host;
  return parsed.href;
}

/**
 * Completes the provider's `.well-known/openid-configuration` for the profile:
 * `mtls_endpoint_aliases` (DCR 1.0 ID3 §5.1 items 5–6), only the certified response mode
 * `fragment` (FAPI-BR v2.1.0 §5.1 items 3 and 8), the mandatory scopes whatever the products
 * (item 11), and no empty lists (an algorithm list the server cannot honour is left out).
 */
export function discoveryCompletion(options: DiscoveryOptions): KoaMiddleware {
  return async (ctx: KoaContextWithOIDC, next) => {
    await next();
    if (ctx.oidc?.route !== 'discovery' || typeof ctx.body !== 'object' || ctx.body === null) return;
    const body = ctx.body as Record<string, unknown>;
    const aliases: Record<string, string> = {};
    for (const [field, route] of Object.entries(MTLS_ROUTES)) {
      if (typeof body[field] === 'string')
        aliases[field] = withOrigin(ctx.oidc.urlFor(route), options.mtlsOrigin);
    }
    body.mtls_endpoint_aliases = aliases;
    body.response_modes_supported = ['fragment'];
    const scopes = Array.isArray(body.scopes_supported) ? (body.scopes_supported as string[]) : [];
    body.scopes_supported = [...new Set([...scopes, ...MANDATORY_DISCOVERY_SCOPES])];
    for (const [key, value] of Object.entries(body)) {
      if (Array.isArray(value) && value.length === 0) delete body[key];
    }
  };
}
