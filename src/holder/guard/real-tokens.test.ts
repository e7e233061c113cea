import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import type { Browser } from 'playwright-core';
import { Registry } from 'prom-client';
import { request as send, type Agent } from 'undici';
import { pushAuthorization } from '../../authz/testing/authorization-request.ts';
import { launchBrowser, logIn, openSession } from '../../authz/testing/browser.ts';
import { createFakeConnector } from '../../authz/testing/fakes.ts';
import {
  CUSTOMERS,
  DEMO_PASSWORD,
  startAuthzHarness,
  type AuthzHarness,
} from '../../authz/testing/harness.ts';
import { relyingParty } from '../../authz/testing/oidc-client.ts';
import {
  createTestSoftware,
  register,
  registrationBody,
  type TestSoftware,
} from '../../authz/testing/software.ts';
import {
  consentBrand,
  createConsentModule,
  createConsentResourceAccess,
  PRODUCTS,
  type ConsentModule,
} from '../../consents/index.ts';
import { systemClock } from '../../platform/clock/index.ts';
import { createTestCrypto } from '../../platform/crypto/testing.ts';
import { freePort } from '../../platform/db/index.ts';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { createHttpApp, type PonteApp } from '../../platform/http/index.ts';
import { createLogger } from '../../platform/logger/index.ts';
import { holderRoutes } from '../holder-routes.ts';
import { createTrafficLimits } from '../limits/traffic-limits.ts';
import { createPaginationKeys } from '../paging/pagination-key.ts';

// End to end, with real tokens: a receiver registers (DCR), creates a consent, the customer logs
// in and authorises it in a browser, the receiver gets a certificate-bound token from the
// authorization server, and calls the data APIs over mTLS; the guard checks that token through
// authz's verifier (no fake).

const tdb = await createTestDatabase();
const ANA = CUSTOMERS[0]!;
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('the resource guard with tokens from the authorization server', () => {
  let harness: AuthzHarness;
  let browser: Browser;
  let consents: ConsentModule;
  let holder: PonteApp;
  let origin: string;
  let software: TestSoftware;
  let config: client.Configuration;
  let consentId: string;
  let clientId: string;
  let tokens: client.TokenEndpointResponse;

  before(async () => {
    const { fieldCipher } = await createTestCrypto({ hashDomain: 'consents.document' });
    consents = createConsentModule(
      { db: tdb.db, clock: systemClock, documents: fieldCipher },
      { clients: { getClientName: () => Promise.resolve('Receptor') } },
    );
    [harness, browser] = await Promise.all([
      startAuthzHarness(tdb, { consents: consents.authorization }),
      launchBrowser(),
    ]);
    // The brand's data APIs on their own mTLS listener, trusting the same CA.
    const access = createConsentResourceAccess({ db: tdb.db });
    const limits = createTrafficLimits({
      pool: tdb.pool,
      clock: systemClock,
      activeConsents: (b, c) => access.countActiveForClient(b, c, new Date()),
    });
    holder = createHttpApp({
      logger: createLogger({ level: 'silent' }),
      metrics: new Registry(),
      readinessChecks: [],
      clock: systemClock,
      options: {
        defaultMetrics: false,
        tls: { key: harness.pki.server.key, cert: harness.pki.server.cert, ca: harness.pki.caPem },
      },
    });
    await holder.register(
      holderRoutes({
        brand: { id: harness.brand.id, apiBaseUrl: 'https://127.0.0.1' },
        connector: createFakeConnector(CUSTOMERS),
        consents: access,
        verifier: harness.primary.server.verifier,
        limits,
        paginationKeys: createPaginationKeys({ secret: randomBytes(32), clock: systemClock }),
        clock: systemClock,
        cacheTtlMs: 0,
        apis: ['resources', 'accounts'],
      }),
    );
    origin = `https://127.0.0.1:${await freePort()}`;
    await holder.listen({ host: '127.0.0.1', port: Number(new URL(origin).port) });
    after(() => limits.close());

    software = await createTestSoftware(harness);
    const { body } = await register(harness, software.agent, await registrationBody(software));
    clientId = String(body.client_id);
    config = await relyingParty(harness, software, clientId);
    const brand = consentBrand({
      id: harness.brand.id,
      urnNamespace: 'aurora',
      apiBaseUrl: harness.brand.apiBaseUrl,
      supportedProducts: PRODUCTS,
    });
    const consent = await consents.service.create(brand, clientId, {
      loggedUser: { document: { identification: ANA.cpf, rel: 'CPF' } },
      permissions: ['ACCOUNTS_READ', 'ACCOUNTS_BALANCES_READ', 'RESOURCES_READ'],
      expirationDateTime: inDays(30),
    });
    consentId = consent.consentId;
    const pushed = await pushAuthorization(config, software, consentId);
    const session = await openSession(browser, 'https://receiver.localhost');
    try {
      await session.page.goto(pushed.url.href);
      await logIn(session.page, ANA.cpf, DEMO_PASSWORD);
      await session.page.getByRole('checkbox', { name: /nº 67890-7/ }).uncheck();
      await session.page.getByRole('button', { name: 'Confirmar compartilhamento' }).click();
      tokens = await client.authorizationCodeGrant(config, await session.callback, {
        pkceCodeVerifier: pushed.codeVerifier,
        expectedNonce: pushed.nonce,
        expectedState: pushed.state,
      });
    } finally {
      await session.close();
    }
  });
  after(async () => {
    await holder.close();
    await browser.close();
    await harness.close();
  });

  async function get(path: string, token: string, agent: Agent = software.agent) {
    const response = await send(`${origin}${path}`, {
      dispatcher: agent,
      headers: { authorization: `Bearer ${token}`, 'x-fapi-interaction-id': randomUUID() },
    });
    const body = (await response.body.json()) as { data?: unknown; errors?: Array<{ code: string }> };
    return { status: response.statusCode, body, code: body.errors?.[0]?.code };
  }

  it('serves the consented account with the authorization_code token, over the bound certificate', async () => {
    const accounts = await get('/open-banking/accounts/v2/accounts', tokens.access_token);
    assert.equal(accounts.status, 200, JSON.stringify(accounts.body));
    assert.deepEqual(
      (accounts.body.data as Array<{ accountId: string }>).map((a) => a.accountId),
      ['acc-ana-1'],
    );
    const resources = await get('/open-banking/resources/v3/resources', tokens.access_token);
    assert.equal(resources.status, 200);
  });

  it('refuses the token from another certificate, a client_credentials token, and no certificate', async () => {
    const stranger = await harness.pki.issueClient({ softwareId: randomUUID(), orgId: randomUUID() });
    const other = await get(
      '/open-banking/accounts/v2/accounts',
      tokens.access_token,
      harness.agent(stranger),
    );
    assert.deepEqual([other.status, other.code], [401, 'ACCESS_TOKEN_CERTIFICATE_MISMATCH']);
    const anonymous = await get('/open-banking/accounts/v2/accounts', tokens.access_token, harness.agent());
    assert.deepEqual([anonymous.status, anonymous.code], [401, 'ACCESS_TOKEN_CERTIFICATE_MISMATCH']);
    const { access_token: cc } = await client.clientCredentialsGrant(config, { scope: 'consents' });
    const credentials = await get('/open-banking/accounts/v2/accounts', cc);
    assert.deepEqual([credentials.status, credentials.code], [403, 'INSUFFICIENT_SCOPE']);
  });

  it('refuses an account the customer left out of the consent (403 RESOURCE_FORBIDDEN)', async () => {
    const refused = await get('/open-banking/accounts/v2/accounts/acc-ana-2', tokens.access_token);
    assert.deepEqual([refused.status, refused.code], [403, 'RESOURCE_FORBIDDEN']);
  });

  it('answers 401 once the consent is revoked', async () => {
    // No outbox relay runs here, so authz still honours the token: the guard's own consent check
    // refuses it (with the relay, the verifier refuses it first: ACCESS_TOKEN_INVALID).
    await consents.service.revoke(harness.brand.id, consentId, clientId);
    const revoked = await get('/open-banking/accounts/v2/accounts', tokens.access_token);
    assert.deepEqual([revoked.status, revoked.code], [401, 'CONSENT_REVOKED']);
  });
});
