import { createPrivateKey } from 'node:crypto';
import type { JWK } from 'jose';
import { Registry } from 'prom-client';
import {
  createAuthorizationServer,
  type AuthorizationServer,
  type AuthzConsentView,
  type AuthzDirectory,
} from '../authz/index.ts';
import { createSampleBankConnector } from '../sample-bank/index.ts';
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
import type { OpenDatabase } from '../platform/db/bootstrap.ts';
import type { EventBus } from '../platform/events/index.ts';
import { createHttpApp, type PonteApp } from '../platform/http/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import type { PlatformCrypto } from './crypto.ts';
import { sampleBankCipher } from './demo-data.ts';
import { registerDataApis } from './holder-data.ts';
import type { PaymentsRuntime } from './payments.ts';

/** A holder brand as configuration: identity, theme, keys and where it listens. */
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
  tls: { key: string; cert: string; ca: string };
  host: string;
  /** Browser-facing port (issuer, discovery, authorization endpoint, customer pages): TLS, no client certificate. */
  publicPort: number;
  /** mTLS port (token, PAR, registration, Open Finance APIs): TLS asking for the client certificate. */
  mtlsPort: number;
}

export interface HolderBrand {
  config: HolderBrandConfig;
  issuer: string;
  publicBaseUrl: string;
  mtlsBaseUrl: string;
  authz: AuthorizationServer;
  consents: ConsentModule;
  connector: CoreBankConnector;
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
  simulatorCa?: string;
}): Promise<HolderBrand> {
  const { config, database, clock } = deps;
  const logger = deps.logger.child({ brandId: config.id });
  const publicBaseUrl = `https://${config.host}:${config.publicPort}`;
  const mtlsBaseUrl = `https://${config.host}:${config.mtlsPort}`;
  const issuer = `${publicBaseUrl}/auth`;

  const connector = createSampleBankConnector({ db: database.db, cipher: sampleBankCipher(deps.crypto) });
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
      options: {
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
  await authz.mount(publicApp);
  await authz.mount(mtlsApp);
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
  await mtlsApp.register(consentRoutes, {
    service,
    verifier: authz.verifier,
    brands: singleBrand(
      consentBrand({ id: config.id, urnNamespace: config.urnNamespace, apiBaseUrl: mtlsBaseUrl, connector }),
    ),
    clock,
  });
  const dataApis = await registerDataApis({
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
  });
  await mtlsApp.register(paymentRoutes, {
    payments: deps.payments.payments,
    verifier: authz.verifier,
    brands: () => config.id,
  });
  await publicApp.listen({ host: config.host, port: config.publicPort });
  await mtlsApp.listen({ host: config.host, port: config.mtlsPort });
  logger.info({ issuer, mtlsBaseUrl }, 'holder brand listening');

  return {
    config,
    issuer,
    publicBaseUrl,
    mtlsBaseUrl,
    authz,
    consents,
    connector,
    async close() {
      unsubscribe();
      await publicApp.close();
      await mtlsApp.close();
      await dataApis.close();
      await authz.close();
    },
  };
}
