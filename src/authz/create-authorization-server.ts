import Provider from 'oidc-provider';
import type { CoreBankConnector } from '../connectors/index.ts';
import type { Clock } from '../platform/clock/index.ts';
import type { Database } from '../platform/db/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import type { PonteApp } from '../platform/http/index.ts';
import { createPostgresAdapter } from './adapter/postgres-adapter.ts';
import {
  checkAccessTokenTtl,
  ACCESS_TOKEN_TTL_DEFAULT,
  INDEFINITE_CONSENT_LIFETIME_DEFAULT,
} from './policies/lifetimes.ts';
import { getCertificate } from './provider/client-certificate.ts';
import { consentBinding } from './provider/consent-binding.ts';
import { discoveryCompletion } from './provider/discovery.ts';
import { warmDirectoryBeforeRegistration } from './provider/directory-warmup.ts';
import { accountClaims } from './provider/find-account.ts';
import { userinfoEndpoint } from './provider/userinfo.ts';
import { requireMutualTls } from './provider/require-mtls.ts';
import { interactionIdHandling } from './provider/interaction-id.ts';
import { cookieKeys, providerJwks } from './provider/keys.ts';
import { createOutboundFetch } from './provider/outbound-fetch.ts';
import { providerConfiguration } from './provider/configuration.ts';
import { resourceIndicators } from './provider/resource-server.ts';
import { checkPushedConsent } from './provider/pushed-consent.ts';
import { mountProvider } from './mount.ts';
import { beforeClientUpsert, fetchJwksWith, onClientConflict } from './registration/client-admission.ts';
import { createClientMetadataValidator, EXTRA_CLIENT_METADATA } from './registration/validator.ts';
import { createAccessTokenVerifier } from './verifier/access-token-verifier.ts';
import { createConsentGrants, type ConsentGrants } from './consent-grants/consent-grants.ts';
import { registerInteractionRoutes } from './interactions/routes.ts';
import type { CustomerAuthenticator } from './customer-auth/authenticator.ts';
import {
  createCustomerAuthenticator,
  type CustomerAuthConfig,
} from './customer-auth/create-customer-authenticator.ts';
import { DEFAULT_ACR_POLICY, type AcrPolicy } from './policies/acr-requirements.ts';
import type { AccessTokenVerifier, AuthzBrand, AuthzConsents, AuthzDirectory } from './types.ts';

export interface AuthorizationServerDeps {
  brand: AuthzBrand;
  db: Database;
  directory: AuthzDirectory;
  consents: AuthzConsents;
  connector: CoreBankConnector;
  clock: Clock;
  logger: Logger;
  /** Access token lifetime, 300..900 s (FAPI-BR §5.2.2 item 13); 900 by default. */
  accessTokenTtlSeconds?: number;
  /** Simulator mode: outbound fetches trust this CA and may reach loopback (DESIGN §6). */
  simulatorCa?: string | Buffer | Array<string | Buffer>;
  /** A TLS terminator in front of Ponte: the provider trusts X-Forwarded-* (Koa `proxy`). */
  behindProxy?: boolean;
  /** Origin of the mTLS endpoint aliases when a gateway serves them on another host. */
  mtlsOrigin?: string;
  /** Where the customer's pages live (outside the issuer path); `/interaction` by default. */
  interactionsPath?: string;
  /**
   * How the brand's customers authenticate (README "Customer authentication"): the institution's
   * login API or identity provider, or the simulator's demo password. Give the config, or an
   * authenticator built elsewhere (`customerAuthenticator`), not both. Neither: the demo
   * authenticator with `demoPassword`.
   */
  customerAuth?: CustomerAuthConfig;
  customerAuthenticator?: CustomerAuthenticator;
  /** Password of every synthetic customer with the default demo authenticator; see README. */
  demoPassword?: string;
  /** The brand's acr rules beyond the client's essential request; loa2 everywhere by default. */
  acrPolicy?: Partial<AcrPolicy>;
  /** Lifetime given to grants of indefinite-term consents; ten years by default. */
  indefiniteConsentLifetimeSeconds?: number;
  /** Lifetime of a login/consent interaction; 15 minutes by default. */
  interactionTtlSeconds?: number;
}

export interface AuthorizationServer {
  readonly issuer: string;
  readonly provider: Provider;
  /** Bearer-token checks for this brand's resource servers. */
  readonly verifier: AccessTokenVerifier;
  /** Revokes (also on the consent.* events) or extends every grant and token of a consent. */
  readonly consentGrants: ConsentGrants;
  /** Registered clients' names, for the consents module (its `ClientDirectory`). */
  readonly clients: { getClientName(brandId: string, clientId: string): Promise<string | undefined> };
  /** Mounts the provider under the issuer path and the customer's pages on the brand's app. */
  mount(app: PonteApp): Promise<void>;
  close(): Promise<void>;
}

/** Paths of the provider's own protected resources that require x-fapi-interaction-id. */
const PROTECTED_PATHS = ['/me'];

/**
 * One FAPI-BR authorization server (oidc-provider 9) for one brand: issuer = the brand's issuer,
 * state in PostgreSQL, DCR/DCM with software statements, PAR, mTLS-bound tokens, consent-scoped
 * grants and the customer's login and consent pages.
 *
 * @example
 *   const authz = createAuthorizationServer({ brand, db, directory, consents, connector, clock, logger });
 *   await authz.mount(brandApp);
 *   const token = await authz.verifier.verify({ brandId: brand.id, token, certificate });
 */
export function createAuthorizationServer(deps: AuthorizationServerDeps): AuthorizationServer {
  const { brand } = deps;
  const issuerUrl = new URL(brand.issuer);
  const prefix = issuerUrl.pathname.replace(/\/$/, '');
  const interactionsPath = deps.interactionsPath ?? '/interaction';
  if (interactionsPath === prefix || interactionsPath.startsWith(`${prefix}/`)) {
    throw new Error('interactionsPath must be outside the issuer path, or the provider would shadow it');
  }
  const accessTokenTtlSeconds = checkAccessTokenTtl(deps.accessTokenTtlSeconds ?? ACCESS_TOKEN_TTL_DEFAULT);
  const resource = brand.apiBaseUrl;
  const pool = deps.db.$client;
  const outbound = createOutboundFetch({ simulatorCa: deps.simulatorCa });
  const fetchJwks = deps.directory.fetchJwks?.bind(deps.directory) ?? fetchJwksWith(outbound.guardedFetch);
  const pageBrand = {
    name: brand.name,
    primaryColor: brand.theme.primaryColor,
    logoSvg: brand.theme.logoSvg,
  };

  const adapter = createPostgresAdapter({
    pool,
    brandId: brand.id,
    beforeClientUpsert: beforeClientUpsert(fetchJwks),
    onClientConflict,
  });
  const configuration = providerConfiguration({
    brandId: brand.id,
    pageBrand,
    connector: deps.connector,
    adapter,
    jwks: providerJwks(brand.signingKey),
    cookieKeys: cookieKeys(brand.id, brand.signingKey),
    accessTokenTtlSeconds,
    interactionTtlSeconds: deps.interactionTtlSeconds ?? 900,
    sessionTtlSeconds: deps.interactionTtlSeconds ?? 900,
    indefiniteConsentLifetimeSeconds:
      deps.indefiniteConsentLifetimeSeconds ?? INDEFINITE_CONSENT_LIFETIME_DEFAULT,
    interactionUrl: (uid) => `${interactionsPath}/${uid}`,
    resourceIndicators: resourceIndicators({
      resource,
      accessTokenTtlSeconds,
      checkPushedRequest: checkPushedConsent({ brandId: brand.id, consents: deps.consents }),
    }),
    extraTokenClaims: consentBinding({ brandId: brand.id, resource, consents: deps.consents }),
    clientMetadataValidator: createClientMetadataValidator({
      directory: deps.directory,
      clock: deps.clock,
      getCertificate,
    }),
    extraClientMetadata: EXTRA_CLIENT_METADATA,
    fetch: outbound.fetch,
  });

  const provider = new Provider(brand.issuer, configuration);
  provider.proxy = deps.behindProxy === true;
  const logger = deps.logger.child({ module: 'authz', brandId: brand.id });
  provider.use(interactionIdHandling(PROTECTED_PATHS));
  provider.use(discoveryCompletion({ mtlsOrigin: deps.mtlsOrigin }));
  provider.use(requireMutualTls(provider));
  provider.use(warmDirectoryBeforeRegistration(deps.directory, logger));
  provider.use(userinfoEndpoint(provider, accountClaims({ brandId: brand.id, connector: deps.connector })));
  provider.on('server_error', (_ctx, error) => logger.error({ err: error }, 'authorization server error'));

  const verifier = createAccessTokenVerifier({ brandId: brand.id, provider });
  const indefiniteConsentLifetimeSeconds =
    deps.indefiniteConsentLifetimeSeconds ?? INDEFINITE_CONSENT_LIFETIME_DEFAULT;
  const consentGrants = createConsentGrants({
    brandId: brand.id,
    pool,
    logger,
    indefiniteConsentLifetimeSeconds,
    // Token expiries are the provider's, on the wall clock.
    now: () => new Date(),
  });
  if (deps.customerAuth !== undefined && deps.customerAuthenticator !== undefined) {
    throw new Error('give customerAuth or customerAuthenticator, not both');
  }
  const owned =
    deps.customerAuthenticator === undefined
      ? createCustomerAuthenticator(
          deps.customerAuth ?? { kind: 'demo', password: deps.demoPassword ?? 'ponte-demo' },
          { connector: deps.connector },
        )
      : undefined;
  const authenticator = deps.customerAuthenticator ?? owned!;

  return {
    issuer: brand.issuer,
    provider,
    verifier,
    consentGrants,
    clients: {
      async getClientName(brandId, clientId) {
        if (brandId !== brand.id) return undefined;
        return (await provider.Client.find(clientId))?.clientName;
      },
    },
    async mount(app) {
      await mountProvider(app, provider, prefix);
      await registerInteractionRoutes(app, {
        path: interactionsPath,
        provider,
        brandId: brand.id,
        pageBrand,
        db: deps.db,
        consents: deps.consents,
        connector: deps.connector,
        authenticator,
        acrPolicy: { ...DEFAULT_ACR_POLICY, ...deps.acrPolicy },
        // The identity provider's redirect URI: fixed per brand, on the issuer's origin (where the
        // customer's pages are served), to be registered at the identity provider.
        federationRedirectUri: new URL(`${interactionsPath}/federated/callback`, issuerUrl).href,
        clock: deps.clock,
        resource,
        indefiniteConsentLifetimeSeconds,
        logger,
      });
    },
    async close() {
      await Promise.all([outbound.close(), owned?.close()]);
    },
  };
}
