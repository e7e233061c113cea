import type pg from 'pg';
import type { CoreBankConnector } from '../connectors/index.ts';
import {
  CONSENT_ENDED_EVENTS,
  createConsentResourceAccess,
  type AccessTokenVerifier,
} from '../consents/index.ts';
import {
  createPaginationKeys,
  createTrafficLimits,
  holderRoutes,
  type TrafficLimitsOverrides,
} from '../holder/index.ts';
import { openDataRoutes, sampleOpenDataCatalogue } from '../opendata/index.ts';
import type { Clock } from '../platform/clock/index.ts';
import type { Database } from '../platform/db/index.ts';
import type { EventBus } from '../platform/events/index.ts';
import type { PonteApp } from '../platform/http/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import type { PlatformCrypto } from './crypto.ts';

/**
 * A brand's Phase-2 data APIs on its mTLS app and the Phase-1 open data on its public app
 * (src/holder/README.md, "Composition"), sharing one set of traffic limits. Returns what the
 * brand must close on shutdown.
 */
export async function registerDataApis(deps: {
  brand: { id: string; name: string; cnpj: string; publicBaseUrl: string; mtlsBaseUrl: string };
  mtlsApp: PonteApp;
  publicApp: PonteApp;
  db: Database;
  pool: pg.Pool;
  connector: CoreBankConnector;
  verifier: AccessTokenVerifier;
  crypto: PlatformCrypto;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  /** The brand's traffic limits above the regulatory minimums (installation file). */
  limits: TrafficLimitsOverrides;
}): Promise<{ close(): Promise<void> }> {
  const { brand, clock } = deps;
  const access = createConsentResourceAccess({ db: deps.db });
  const limits = createTrafficLimits({
    pool: deps.pool,
    clock,
    logger: deps.logger,
    brands: { [brand.id]: deps.limits },
    activeConsents: (brandId, clientId) => access.countActiveForClient(brandId, clientId, clock.now()),
  });
  const data = holderRoutes({
    brand: { id: brand.id, apiBaseUrl: brand.mtlsBaseUrl },
    connector: deps.connector,
    consents: access,
    verifier: deps.verifier,
    limits,
    clock,
    // Derived from the master key, so every process of the installation computes the same secret
    // and a key issued by one process is honoured by the others (DIGEST §3: pagination-key).
    paginationKeys: createPaginationKeys({
      secret: deps.crypto.hasher.keyedHash(brand.id, 'holder.pagination-key'),
      clock,
    }),
  });
  await deps.mtlsApp.register(data);
  const unsubscribe = CONSENT_ENDED_EVENTS.map((type) =>
    deps.events.subscribe(type, `holder.forget.${brand.id}`, (event) => {
      data.guard.forgetConsent(event.payload.consentId);
    }),
  );
  await deps.publicApp.register(
    openDataRoutes({
      brand: { id: brand.id, apiBaseUrl: brand.publicBaseUrl },
      catalogue: sampleOpenDataCatalogue({
        brandName: brand.name,
        companyName: brand.name,
        cnpj: brand.cnpj,
        website: brand.publicBaseUrl,
      }),
      limits,
    }),
  );
  return {
    async close() {
      for (const stop of unsubscribe) stop();
      await limits.close();
    },
  };
}
