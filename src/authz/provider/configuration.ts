import type { Configuration, KoaContextWithOIDC, TokenInstance } from 'oidc-provider';
import type { PageBrand } from '../pages/layout.ts';
import type { CoreBankConnector } from '../../connectors/index.ts';
import { AUTHORIZATION_CODE_TTL } from '../policies/lifetimes.ts';
import { SUPPORTED_SCOPES } from '../policies/scopes.ts';
import { ACR_LOA2, ACR_LOA3 } from './acr.ts';
import { getCertificate } from './client-certificate.ts';
import { findAccount } from './find-account.ts';
import { interactionPolicyForConsents, loadExistingGrant } from './interaction-policy.ts';
import { ENABLED_JWA } from './jwa.ts';
import { renderError } from './render-error.ts';

/** What the configuration is assembled from (create-authorization-server.ts wires it). */
export interface ProviderConfigurationInput {
  brandId: string;
  pageBrand: PageBrand;
  connector: CoreBankConnector;
  adapter: unknown;
  jwks: { keys: unknown[] };
  cookieKeys: string[];
  accessTokenTtlSeconds: number;
  interactionTtlSeconds: number;
  sessionTtlSeconds: number;
  indefiniteConsentLifetimeSeconds: number;
  interactionUrl: (uid: string) => string;
  resourceIndicators: Record<string, unknown>;
  extraTokenClaims: (ctx: KoaContextWithOIDC | undefined, token: TokenInstance) => Promise<unknown>;
  clientMetadataValidator: (...args: never[]) => void;
  extraClientMetadata: readonly string[];
  fetch: (url: string | URL, options: Record<string, unknown>) => Promise<Response>;
}

/** Seconds left on the grant a token is issued from: refresh tokens live as long as their consent. */
function remainingGrantSeconds(ctx: KoaContextWithOIDC | undefined, fallback: number): number {
  const grant = ctx?.oidc.entities.Grant as { exp?: number } | undefined;
  if (typeof grant?.exp !== 'number') return fallback;
  return Math.max(1, grant.exp - Math.floor(Date.now() / 1000));
}

/**
 * The oidc-provider configuration of the FAPI-BR profile (DIGEST §6.1; FAPI-BR 1.0 ID3 §5.2.2;
 * DESIGN §6). Every value that departs from the library default says why.
 */
export function providerConfiguration(input: ProviderConfigurationInput): Configuration {
  return {
    adapter: input.adapter,
    jwks: input.jwks,
    // FAPI-BR §5.2.2 items 6–7: loa2 (single factor) and loa3 (MFA); acr always in the id_token.
    acrValues: [ACR_LOA2, ACR_LOA3],
    claims: {
      acr: null,
      auth_time: null,
      iss: null,
      sid: null,
      openid: ['sub'],
      // FAPI-BR §5.2.2.2: the cpf claim, on request through the claims parameter.
      cpf: null,
    },
    // Server-to-server endpoints only: no browser origin is ever allowed (no CORS).
    clientBasedCORS: () => false,
    // DESIGN §6: restricting enabledJWA to PS256 needs the same default or every client fails.
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
      id_token_signed_response_alg: 'PS256',
      response_types: ['code id_token'],
      token_endpoint_auth_method: 'private_key_jwt',
    },
    clientAuthMethods: ['private_key_jwt'],
    enabledJWA: ENABLED_JWA,
    responseTypes: ['code id_token'],
    subjectTypes: ['public'],
    scopes: [...SUPPORTED_SCOPES],
    pkce: { required: () => true },
    routes: {
      authorization: '/auth',
      jwks: '/jwks',
      pushed_authorization_request: '/par',
      registration: '/register',
      revocation: '/token/revocation',
      token: '/token',
      userinfo: '/me',
    },
    cookies: {
      keys: input.cookieKeys,
      long: { httpOnly: true, sameSite: 'lax', secure: true },
      short: { httpOnly: true, sameSite: 'lax', secure: true },
    },
    extraClientMetadata: {
      properties: [...input.extraClientMetadata],
      validator: input.clientMetadataValidator,
    },
    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      claimsParameter: { enabled: true },
      clientCredentials: { enabled: true },
      encryption: { enabled: true },
      fapi: { enabled: true, profile: '1.0 Final' },
      introspection: { enabled: false },
      jwtResponseModes: { enabled: false },
      mTLS: {
        enabled: true,
        certificateBoundAccessTokens: true,
        selfSignedTlsClientAuth: false,
        tlsClientAuth: false,
        getCertificate,
      },
      pushedAuthorizationRequests: {
        enabled: true,
        requirePushedAuthorizationRequests: true,
        allowUnregisteredRedirectUris: false,
      },
      registration: { enabled: true, initialAccessToken: false, issueRegistrationAccessToken: true },
      // DCR v2.1.0 §7.1: the registration_access_token is not rotated (DIGEST §6.3).
      registrationManagement: { enabled: true, rotateRegistrationAccessToken: false },
      requestObjects: { enabled: true, requireSignedRequestObject: true },
      resourceIndicators: input.resourceIndicators,
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx: unknown, client: { clientId: string }, token: { clientId?: string }) =>
          token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
    },
    extraTokenClaims: input.extraTokenClaims,
    // FAPI-BR §5.2.2 item 17 / §7.2.2: refresh tokens are not rotated and survive the browser session.
    rotateRefreshToken: false,
    expiresWithSession: () => false,
    issueRefreshToken: (
      _ctx: unknown,
      client: { grantTypeAllowed(t: string): boolean },
      code: { kind: string },
    ) => code.kind === 'AuthorizationCode' && client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: input.accessTokenTtlSeconds,
      ClientCredentials: input.accessTokenTtlSeconds,
      AuthorizationCode: AUTHORIZATION_CODE_TTL,
      IdToken: input.accessTokenTtlSeconds,
      Interaction: input.interactionTtlSeconds,
      Session: input.sessionTtlSeconds,
      // Grants are created with the consent's lifetime (interactions); this is the fallback.
      Grant: input.interactionTtlSeconds,
      RefreshToken: (ctx: KoaContextWithOIDC | undefined) =>
        remainingGrantSeconds(ctx, input.indefiniteConsentLifetimeSeconds),
    },
    interactions: {
      policy: interactionPolicyForConsents(),
      url: (_ctx: unknown, interaction: { uid: string }) => input.interactionUrl(interaction.uid),
    },
    loadExistingGrant,
    findAccount: findAccount({ brandId: input.brandId, connector: input.connector }),
    renderError: renderError(input.pageBrand),
    fetch: input.fetch,
  };
}
