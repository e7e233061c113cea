import { randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import {
  PERMISSIONS,
  consentBrand,
  createConsentModule,
  createConsentResourceAccess,
  type ConsentModule,
  type Permission,
} from '../../consents/index.ts';
import { createFakeVerifier } from '../../consents/testing/fake-verifier.ts';
import { RECEIVER_A_CERT, RECEIVER_B_CERT } from '../../consents/testing/certificates.ts';
import type { CoreResource } from '../../connectors/index.ts';
import { fixedClock } from '../../platform/clock/index.ts';
import { createTestCrypto } from '../../platform/crypto/testing.ts';
import { createTestDatabase, type TestDatabase } from '../../platform/db/testing.ts';
import { createTestHttpApp } from '../../platform/http/testing.ts';
import { holderRoutes } from '../holder-routes.ts';
import { createTrafficLimits, type TrafficLimits } from '../limits/traffic-limits.ts';
import type { TrafficLimitsOverrides } from '../limits/policy.ts';
import { createPaginationKeys } from '../paging/pagination-key.ts';
import { HOLDER_API_NAMES } from '../policy/apis.ts';
import { BRAND_ID, seedTestBank, type SampleHolder, type TestBank } from './bank.ts';

/**
 * Test helper: the data APIs of `bank-a` on an inject-able app, over a seeded sample bank, the
 * real consents module and an in-memory token verifier (certificate-bound tokens). Client
 * certificates travel in `x-client-cert` (proxy mode, trusted from loopback).
 */
export const NOW = '2025-06-30T15:00:00Z';
export const CLIENT_A = 'client-a';
export const CLIENT_B = 'client-b';
export const CERT_A = new X509Certificate(RECEIVER_A_CERT);
export const CERT_B = new X509Certificate(RECEIVER_B_CERT);
export const API_BASE = 'https://api.bank-a.test';

/** Every permission of the data APIs the sample bank serves, for one person type. */
export function permissionsFor(kind: 'PF' | 'PJ'): Permission[] {
  const other = kind === 'PF' ? 'CUSTOMERS_BUSINESS_' : 'CUSTOMERS_PERSONAL_';
  const unsupported = /^(BANK_FIXED|CREDIT_FIXED|FUNDS|VARIABLE|TREASURE|EXCHANGES)/;
  return PERMISSIONS.filter((p) => !p.startsWith(other) && !unsupported.test(p));
}

export interface HolderHarness {
  tdb: TestDatabase;
  bank: TestBank;
  clock: ReturnType<typeof fixedClock>;
  consents: ConsentModule;
  limits: TrafficLimits;
  app: ReturnType<typeof createTestHttpApp>['app'];
  logLines: () => Array<Record<string, unknown>>;
  /** Creates and (unless told otherwise) authorises a consent; returns its id. */
  consent(options?: {
    holder?: SampleHolder;
    kind?: 'PF' | 'PJ';
    permissions?: Permission[];
    resources?: readonly CoreResource[];
    clientId?: string;
    authorise?: boolean;
    expirationDateTime?: string;
  }): Promise<string>;
  /** Request headers with a token for the consent (all data API scopes unless given). */
  headers(
    consentId: string,
    options?: {
      clientId?: string;
      scopes?: string[];
      certificate?: X509Certificate;
      ttlSeconds?: number;
      /** The brand the token was issued for (another brand's token). */
      brandId?: string;
      /** null: a token that names no consent. */
      consentId?: string | null;
    },
  ): Record<string, string>;
  get(url: string, headers: Record<string, string>): Promise<LightMyRequestResponse>;
}

type Hooks = Parameters<typeof createTestHttpApp>[0];

export async function startHolderHarness(
  t: Hooks,
  options: {
    limits?: TrafficLimitsOverrides;
    cacheTtlMs?: number;
    readCacheTtlMs?: number;
    tdb?: TestDatabase;
    bank?: TestBank;
    /** Start of the fixed clock (NOW by default); tests sharing a database use distinct minutes. */
    start?: string;
  } = {},
): Promise<HolderHarness> {
  // Own database: dropped after the limits' last flush (hooks run in registration order).
  const drops: Array<() => Promise<void>> = [];
  const tdb = options.tdb ?? (await createTestDatabase({ after: (fn) => drops.push(fn) }));
  const bank = options.bank ?? (await seedTestBank(tdb));
  const clock = fixedClock(options.start ?? NOW);
  const { fieldCipher } = await createTestCrypto({ hashDomain: 'consents.document' });
  const consents = createConsentModule(
    { db: tdb.db, clock, documents: fieldCipher },
    { clients: { getClientName: () => Promise.resolve('Receptora') } },
  );
  const access = createConsentResourceAccess({ db: tdb.db });
  const limits = createTrafficLimits({
    pool: tdb.pool,
    clock,
    activeConsents: (brandId, clientId) => access.countActiveForClient(brandId, clientId, clock.now()),
    defaults: options.limits ?? {},
  });
  t.after(async () => {
    await limits.close();
    for (const drop of drops) await drop();
  });
  const tokens = createFakeVerifier(clock);
  const { app, logLines } = createTestHttpApp(t, {
    clock,
    options: {
      clientCertificates: { mode: 'proxy', header: 'x-client-cert', trustedProxies: ['127.0.0.1'] },
    },
  });
  await app.register(
    holderRoutes({
      brand: { id: BRAND_ID, apiBaseUrl: API_BASE },
      connector: bank.connector,
      consents: access,
      verifier: tokens.verifier,
      limits,
      paginationKeys: createPaginationKeys({ secret: randomBytes(32), clock }),
      clock,
      cacheTtlMs: options.cacheTtlMs ?? 0,
      readCacheTtlMs: options.readCacheTtlMs ?? 0,
    }),
  );
  const brand = consentBrand({
    id: BRAND_ID,
    urnNamespace: 'banka',
    apiBaseUrl: API_BASE,
    connector: bank.connector,
  });

  return {
    tdb,
    bank,
    clock,
    consents,
    limits,
    app,
    logLines,
    async consent(o = {}) {
      const kind = o.kind ?? 'PF';
      const holder = o.holder ?? (kind === 'PF' ? bank.person : bank.company);
      const created = await consents.service.create(brand, o.clientId ?? CLIENT_A, {
        loggedUser: {
          document: { identification: kind === 'PF' ? holder.document : '76109277673', rel: 'CPF' },
        },
        ...(kind === 'PJ'
          ? { businessEntity: { document: { identification: holder.document, rel: 'CNPJ' } } }
          : {}),
        permissions: o.permissions ?? permissionsFor(kind),
        expirationDateTime: o.expirationDateTime ?? '2026-06-30T00:00:00Z',
      });
      if (o.authorise !== false) {
        await tdb.db.transaction((tx) =>
          consents.authorization.authorise(tx, BRAND_ID, created.consentId, {
            customer: holder.ref,
            resources: (o.resources ?? holder.resources).map((r) => ({ type: r.type, id: r.resourceId })),
          }),
        );
      }
      return created.consentId;
    },
    headers(consentId, o = {}) {
      const clientId = o.clientId ?? CLIENT_A;
      const certificate = clientId === CLIENT_B ? CERT_B : CERT_A;
      const token = tokens.issue({
        brandId: o.brandId ?? BRAND_ID,
        clientId,
        certificate,
        scopes: o.scopes ?? ['openid', ...HOLDER_API_NAMES, `consent:${consentId}`],
        grantType: 'authorization_code',
        ...(o.consentId === null ? {} : { consentId: o.consentId ?? consentId }),
        ...(o.ttlSeconds === undefined ? {} : { ttlSeconds: o.ttlSeconds }),
      });
      return {
        authorization: `Bearer ${token}`,
        'x-fapi-interaction-id': randomUUID(),
        'x-client-cert': encodeURIComponent((o.certificate ?? certificate).toString()),
      };
    },
    get: (url, headers) => app.inject({ method: 'GET', url, headers }),
  };
}
