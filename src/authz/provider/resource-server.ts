import { errors } from 'oidc-provider';
import type { ClientInstance, GrantInstance, KoaContextWithOIDC } from 'oidc-provider';
import { consentIdsInScope, consentScope } from '../policies/consent-scope.ts';
import { API_SCOPES, CLIENT_CREDENTIALS_SCOPES } from '../policies/scopes.ts';

/**
 * The one resource server behind this issuer: the brand's Open Finance APIs, identified by the
 * brand's `apiBaseUrl`. Consent scopes are dynamic, and `dynamicScopes` no longer exists in
 * oidc-provider 9 (DESIGN §6): the `consent:<urn>` scope reaches an access token only because
 * this resource server declares it, and only for the consent of the request or of the grant.
 */
export interface ResourceServerOptions {
  resource: string;
  accessTokenTtlSeconds: number;
  /** Extra check at the pushed authorization request (the consent must be awaiting this client). */
  checkPushedRequest?: (ctx: KoaContextWithOIDC) => Promise<void>;
}

function clientAllows(client: ClientInstance | undefined): (scope: string) => boolean {
  const registered = client?.scope === undefined ? undefined : new Set(client.scope.split(' '));
  return (scope) => registered === undefined || registered.has(scope);
}

/** The consent ids the request (authorization, PAR, refresh) or its grant carries. */
function consentIdsOf(ctx: KoaContextWithOIDC, resource: string): string[] {
  const grant = ctx.oidc.entities.Grant as GrantInstance | undefined;
  const fromGrant = grant === undefined ? [] : consentIdsInScope(grant.getResourceScope(resource));
  const requested = typeof ctx.oidc.params?.scope === 'string' ? ctx.oidc.params.scope : undefined;
  // At the token endpoint the grant is the authority; elsewhere, the request.
  if (ctx.oidc.route === 'token') return fromGrant;
  return [...new Set([...fromGrant, ...consentIdsInScope(requested)])];
}

export function resourceIndicators(options: ResourceServerOptions) {
  return {
    enabled: true,
    defaultResource: (_ctx: KoaContextWithOIDC, _client: unknown, oneOf?: string[]) =>
      oneOf?.[0] ?? options.resource,
    // The token endpoint always issues for the resource the grant was authorised for.
    useGrantedResource: () => true,
    async getResourceServerInfo(ctx: KoaContextWithOIDC, resource: string, client: ClientInstance) {
      if (resource !== options.resource) throw new errors.InvalidTarget();
      const allows = clientAllows(client);
      const clientCredentials =
        ctx.oidc.route === 'token' && ctx.oidc.params?.grant_type === 'client_credentials';
      if (ctx.oidc.route === 'pushed_authorization_request' && options.checkPushedRequest) {
        await options.checkPushedRequest(ctx);
      }
      // `openid` rides along on authorization-code tokens so that they also open userinfo.
      const scopes = clientCredentials
        ? API_SCOPES.filter((s) => CLIENT_CREDENTIALS_SCOPES.has(s) && allows(s))
        : ['openid', ...API_SCOPES.filter(allows), ...consentIdsOf(ctx, resource).map(consentScope)];
      return {
        scope: scopes.join(' '),
        audience: resource,
        accessTokenTTL: options.accessTokenTtlSeconds,
        accessTokenFormat: 'opaque',
      };
    },
  };
}
