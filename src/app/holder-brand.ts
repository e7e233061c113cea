import { createPrivateKey } from 'node:crypto';
import type { JWK } from 'jose';
import { Registry } from 'prom-client';
import {
  createAuthorizationServer,
  type AuthorizationServer,
  type AuthzConsentView,
  type AuthzDirectory,
  type CustomerAuthConfig,
} from '../authz/index.ts';
import type { CoreBankConnector } from '../connectors/index.ts';
import {
  consentBrand,
  consentRoutes,
  createConsentModule,
  singleBrand,
  type ConsentModule,
} from '../consents/index.ts';
import { createConsentKindRegistry, paymentRoutes } from '../payments/index.ts';
import { jwkThumbprint } from '../pki/index.ts';
import type { Clock } from '../platform/clock/index.ts';
import { createFieldCipher } from '../platform/crypto/index.ts';
import type { ClientCertificateSource } from '../platform/http/index.ts';
import type { OpenDatabase } from '../platform/db/bootstrap.ts';
import type { EventBus } from '../platform/events/index.ts';
import { createHttpApp, type PonteApp } from '../platform/http/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import type { PlatformCrypto } from './crypto.ts';
import { registerDataApis } from './holder-data.ts';
import type { TrafficLimits } from './installation/limits.ts';
import type { PaymentsRuntime } from './payments.ts';

/** What a process serves on a brand's listeners (`ponte start --roles`). */
export interface BrandRoles {
  authz: boolean;
  holder: boolean;
  payments: boolean;
}

/** A holder brand as the composition root hands it over: identity, theme, keys, listeners. */
export interface HolderBrandConfig {
  id: string;
  name: string;
  orgId: string;
  cnpj: string;
  /** URN namespace of its consent ids (`urn:<namespace>:…`). */
  urnNamespace: string;
  theme: { primaryColor: string; logoSvg?: string };
  /** PKCS#8 PEM of the brand's PS256 signing key (id_tokens, JWKS). */
  signingKeyPem: string;
  /** Server certificate and key of both listeners; `ca`: what client certificates must chain to. */
  tls: { key: string; cert: string; ca: string };
  host: string;
  /** Browser-facing port (issuer, discovery, authorization endpoint, customer pages): TLS, no client certificate. */
  publicPort: number;
  /** mTLS port (token, PAR, registration, Open Finance APIs): TLS asking for the client certificate. */
  mtlsPort: number;
  /** Origins as customers and participants reach them (a gateway may stand in front). */
  publicBaseUrl: string;
  mtlsBaseUrl: string;
  issuer: string;
  limits: TrafficLimits;
  /**
   * `tls`: both listeners terminate TLS here. A gateway: plain HTTP behind it, client certificates
   * from its header, believed only from its addresses.
   */
  gateway?: Extract<ClientCertificateSource, { mode: 'proxy' }>;
}

export interface HolderBrand {
  config: HolderBrandConfig;
  issuer: string;
  publicBaseUrl: string;
  mtlsBaseUrl: string;
  authz: AuthorizationServer;
  consents: ConsentModule;
  connector: CoreBankConnector;
  /** Where the listeners actually bound (ports given as 0 are picked by the system). */
  addresses: { public: string; mtls: string };
  close(): Promise<void>;
}

function signingJwk(pem: string): JWK {
  const jwk = createPrivateKey(pem).export({ format: 'jwk' }) as JWK;
  const { kty, n, e } = jwk as { kty: string; n: string; e: string };
  return { ...jwk, kid: jwkThumbprint({ kty, n, e }), alg: 'PS256', use: 'sig' };
}

/**
 * One account-holder brand: its authorization server (public and mTLS ports, as the ecosystem
 * separates `authorization_endpoint` from the mTLS endpoint aliases), the consents API and the
 * sample core bank behind the connector contract.
 */
export async function startHolderBrand(deps: {
  config: HolderBrandConfig;
  database: OpenDatabase;
  crypto: PlatformCrypto;
  directory: AuthzDirectory;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  /** Pix payment initiation shared by the installation's brands (src/app/payments.ts). */
  payments: PaymentsRuntime;
  /** The brand's core bank, opened from its connector module. */
  connector: CoreBankConnector;
  /** How the brand's customers log in (installation file): the institution's login API, OIDC, or the demo. */
  customerAuth?: CustomerAuthConfig;
  roles: BrandRoles;
  /** Sandbox on one machine: outbound fetches trust this CA and may reach loopback. */
  simulatorCa?: string;
}): Promise<HolderBrand> {
  const { config, database, clock, connector, roles } = deps;
  const logger = deps.logger.child({ brandId: config.id });
  const { publicBaseUrl, mtlsBaseUrl, issuer } = config;
  const consents = createConsentModule(
    {
      db: database.db,
      clock,
      documents: createFieldCipher({
        envelope: deps.crypto.personalData,
        hasher: deps.crypto.hasher,
        hashDomain: 'consents.document',
      }),
    },
    // The receivers' names come from the authorization server, created just below (it needs the
    // consent service first): the directory resolves it at call time.
    { clients: { getClientName: (brandId, clientId) => authz.clients.getClientName(brandId, clientId) } },
  );
  const authz = createAuthorizationServer({
    brand: {
      id: config.id,
      name: config.name,
      orgId: config.orgId,
      cnpj: config.cnpj,
      issuer,
      apiBaseUrl: mtlsBaseUrl,
      theme: config.theme,
      signingKey: signingJwk(config.signingKeyPem),
    },
    db: database.db,
    directory: deps.directory,
    // One consent port for both kinds: payment consents go to payments, the rest to consents.
    consents: createConsentKindRegistry<AuthzConsentView>({
      kinds: [
        {
          name: 'payments',
          owns: (brandId, consentId) => deps.payments.payments.authorization.owns(brandId, consentId),
          consents: deps.payments.payments.authorization,
        },
      ],
      fallback: consents.authorization,
    }),
    connector,
    clock,
    logger,
    mtlsOrigin: mtlsBaseUrl,
    behindProxy: config.gateway !== undefined,
    ...(deps.customerAuth && { customerAuth: deps.customerAuth }),
    ...(deps.simulatorCa && { simulatorCa: deps.simulatorCa }),
  });
  deps.payments.attachAuthz(config.id, authz);
  const unsubscribe = authz.consentGrants.subscribe(deps.events);

  const app = (withClientCertificates: boolean): PonteApp =>
    createHttpApp({
      logger,
      metrics: new Registry(),
      clock,
      readinessChecks: [
        { name: 'database', check: async () => void (await database.pool.query('SELECT 1')) },
      ],
      options: config.gateway
        ? { defaultMetrics: false, clientCertificates: config.gateway }
        : {
            defaultMetrics: false,
            tls: {
              key: config.tls.key,
              cert: config.tls.cert,
              ...(withClientCertificates && { ca: config.tls.ca }),
            },
          },
    });
  const publicApp = app(false);
  const mtlsApp = app(true);
  if (roles.authz) {
    await authz.mount(publicApp);
    await authz.mount(mtlsApp);
  }
  // A renewal (extends) must lengthen the grants and refresh tokens too: consents has no renewal
  // event, so the composition does it right after the consent is extended.
  const service = {
    ...consents.service,
    async extend(...args: Parameters<typeof consents.service.extend>) {
      const consent = await consents.service.extend(...args);
      await authz.consentGrants.extendConsent(consent.consentId, consent.expirationDateTime);
      return consent;
    },
  };
  let dataApis: { close(): Promise<void> } | undefined;
  if (roles.holder) {
    await mtlsApp.register(consentRoutes, {
      service,
      verifier: authz.verifier,
      brands: singleBrand(
        consentBrand({
          id: config.id,
          urnNamespace: config.urnNamespace,
          apiBaseUrl: mtlsBaseUrl,
          connector,
        }),
      ),
      clock,
    });
    dataApis = await registerDataApis({
      brand: { id: config.id, name: config.name, cnpj: config.cnpj, publicBaseUrl, mtlsBaseUrl },
      mtlsApp,
      publicApp,
      db: database.db,
      pool: database.pool,
      connector,
      verifier: authz.verifier,
      crypto: deps.crypto,
      events: deps.events,
      clock,
      logger,
      limits: config.limits,
    });
  }
  if (roles.payments) {
    await mtlsApp.register(paymentRoutes, {
      payments: deps.payments.payments,
      verifier: authz.verifier,
      brands: () => config.id,
    });
  }
  // A process without any of the brand's listener roles (jobs, operator, receiver only) keeps the
  // brand's modules for its workers and the internal API, and binds no port of the brand.
  const serves = roles.authz || roles.holder || roles.payments;
  const publicAddress = serves ? await publicApp.listen({ host: config.host, port: config.publicPort }) : '';
  const mtlsAddress = serves ? await mtlsApp.listen({ host: config.host, port: config.mtlsPort }) : '';
  logger.info({ issuer, mtlsBaseUrl, publicAddress, mtlsAddress, roles }, 'holder brand listening');

  return {
    config,
    issuer,
    publicBaseUrl,
    mtlsBaseUrl,
    authz,
    consents,
    connector,
    addresses: { public: publicAddress, mtls: mtlsAddress },
    async close() {
      unsubscribe();
      await publicApp.close();
      await mtlsApp.close();
      await dataApis?.close();
      await authz.close();
    },
  };
}
