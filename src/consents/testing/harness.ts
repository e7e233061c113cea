import { randomUUID, X509Certificate } from 'node:crypto';
import { fixedClock } from '../../platform/clock/index.ts';
import { createTestCrypto } from '../../platform/crypto/testing.ts';
import type { Database } from '../../platform/db/index.ts';
import { createTestHttpApp } from '../../platform/http/testing.ts';
import { consentBrand, type ConsentBrand } from '../domain/brand.ts';
import { PRODUCTS } from '../domain/permissions.ts';
import { consentRoutes, singleBrand } from '../http/routes.ts';
import { apiKeyAuthenticator } from '../internal/auth.ts';
import { internalConsentRoutes } from '../internal/routes.ts';
import { createConsentModule, type ConsentModule } from '../service/index.ts';
import type { ClientDirectory } from '../service/management.ts';
import { RECEIVER_A_CERT, RECEIVER_B_CERT } from './certificates.ts';
import { createFakeVerifier } from './fake-verifier.ts';

export const NOW = '2025-05-21T08:30:00Z';
export const CPF = '76109277673';
export const OTHER_CPF = '52998224725';
export const CNPJ = '11222333000181';

/** A brand that shares every product. */
export const BRAND: ConsentBrand = consentBrand({
  id: 'banco-a',
  urnNamespace: 'bancoa',
  apiBaseUrl: 'https://api.banco-a.test',
  supportedProducts: PRODUCTS,
});

export const CERT_A = new X509Certificate(RECEIVER_A_CERT);
export const CERT_B = new X509Certificate(RECEIVER_B_CERT);
export const CLIENT_A = 'client-a';
export const CLIENT_B = 'client-b';
export const API_KEY = 'k'.repeat(40);

export const clientDirectory: ClientDirectory = {
  getClientName: (_brandId, clientId) => Promise.resolve(clientId === CLIENT_A ? 'Receptora A' : undefined),
};

/** The module over a test database, a fixed clock and an in-memory envelope. */
export async function createTestModule(db: Database, start = NOW) {
  const clock = fixedClock(start);
  const { fieldCipher } = await createTestCrypto({ hashDomain: 'consents.document' });
  const module: ConsentModule = createConsentModule(
    { db, clock, documents: fieldCipher },
    { clients: clientDirectory },
  );
  return { clock, module, cipher: fieldCipher };
}

type Hooks = Parameters<typeof createTestHttpApp>[0];

/**
 * The consents and internal routes on a test HTTP app. Client certificates are taken from the
 * `x-client-cert` header (proxy mode, trusted from loopback), as a gateway would forward them.
 */
export async function createTestApp(t: Hooks, db: Database, brand: ConsentBrand = BRAND) {
  const { clock, module } = await createTestModule(db);
  const tokens = createFakeVerifier(clock);
  const { app } = createTestHttpApp(t, {
    clock,
    options: {
      clientCertificates: { mode: 'proxy', header: 'x-client-cert', trustedProxies: ['127.0.0.1'] },
    },
  });
  await app.register(consentRoutes, {
    service: module.service,
    verifier: tokens.verifier,
    brands: singleBrand(brand),
    clock,
  });
  await app.register(internalConsentRoutes, {
    management: module.management,
    authenticator: apiKeyAuthenticator([{ id: 'app', brandId: brand.id, key: API_KEY }]),
  });
  const certFor = (clientId: string) => (clientId === CLIENT_B ? CERT_B : CERT_A);
  /** Headers of a receiver's request with a client_credentials token (scope `consents`). */
  const receiverHeaders = (
    clientId = CLIENT_A,
    extra: { scopes?: string[]; certificate?: X509Certificate } = {},
  ) => {
    const certificate = extra.certificate ?? certFor(clientId);
    const token = tokens.issue({
      brandId: brand.id,
      clientId,
      certificate: certFor(clientId),
      scopes: extra.scopes ?? ['consents'],
    });
    return fapiHeaders(token, certificate);
  };
  /** Headers with an authorization_code token for `consent:<id>` (extends). */
  const consentHeaders = (consentId: string, clientId = CLIENT_A) => {
    const token = tokens.issue({
      brandId: brand.id,
      clientId,
      certificate: certFor(clientId),
      scopes: ['openid', `consent:${consentId}`],
      grantType: 'authorization_code',
      consentId,
    });
    return {
      ...fapiHeaders(token, certFor(clientId)),
      'x-fapi-customer-ip-address': '172.217.22.14',
      'x-customer-user-agent': 'Mozilla/5.0 (test)',
    };
  };
  return { app, clock, module, tokens, receiverHeaders, consentHeaders };
}

export function fapiHeaders(token: string, certificate: X509Certificate): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    'x-fapi-interaction-id': randomUUID(),
    'x-client-cert': encodeURIComponent(certificate.toString()),
  };
}

/** A valid POST /consents body: PF, accounts (balances) plus personal registration. */
export function createBody(overrides: Record<string, unknown> = {}): { data: Record<string, unknown> } {
  return {
    data: {
      loggedUser: { document: { identification: CPF, rel: 'CPF' } },
      permissions: ['ACCOUNTS_READ', 'ACCOUNTS_BALANCES_READ', 'RESOURCES_READ'],
      expirationDateTime: '2025-08-21T08:30:00Z',
      ...overrides,
    },
  };
}
