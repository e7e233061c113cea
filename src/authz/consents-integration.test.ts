import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import type { Browser } from 'playwright-core';
import { consentBrand, createConsentModule, PRODUCTS, type ConsentModule } from '../consents/index.ts';
import { systemClock } from '../platform/clock/index.ts';
import { createTestCrypto } from '../platform/crypto/testing.ts';
import { createTestDatabase } from '../platform/db/testing.ts';
import { isAppError } from '../platform/errors/index.ts';
import { createInProcessEventBus, createOutboxRelay } from '../platform/events/index.ts';
import { createLogger } from '../platform/logger/index.ts';
import { pushAuthorization } from './testing/authorization-request.ts';
import { launchBrowser, logIn, openSession } from './testing/browser.ts';
import { CUSTOMERS, DEMO_PASSWORD, startAuthzHarness, type AuthzHarness } from './testing/harness.ts';
import { relyingParty } from './testing/oidc-client.ts';
import { createTestSoftware, register, registrationBody } from './testing/software.ts';

const tdb = await createTestDatabase();
const ANA = CUSTOMERS[0]!;

/** RFC 3339 without fraction, as consents.yaml wants `expirationDateTime`. */
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('with the real consents module: authorisation in one transaction, revocation through the outbox', () => {
  let harness: AuthzHarness;
  let browser: Browser;
  let consents: ConsentModule;

  before(async () => {
    const { fieldCipher } = await createTestCrypto({ hashDomain: 'consents.document' });
    consents = createConsentModule(
      { db: tdb.db, clock: systemClock, documents: fieldCipher },
      {
        clients: {
          getClientName: (brandId, clientId) =>
            harness.primary.server.clients.getClientName(brandId, clientId),
        },
      },
    );
    [harness, browser] = await Promise.all([
      startAuthzHarness(tdb, { consents: consents.authorization }),
      launchBrowser(),
    ]);
  });
  after(async () => {
    await browser.close();
    await harness.close();
  });

  it('authorises the stored consent with Ana’s account, then revokes every token when the receiver deletes it', async () => {
    const software = await createTestSoftware(harness);
    const { body } = await register(harness, software.agent, await registrationBody(software));
    const clientId = String(body.client_id);
    const config = await relyingParty(harness, software, clientId);
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

    const request = await pushAuthorization(config, software, consent.consentId);
    const session = await openSession(browser, 'https://receiver.localhost');
    let tokens: client.TokenEndpointResponse;
    try {
      await session.page.goto(request.url.href);
      await logIn(session.page, ANA.cpf, DEMO_PASSWORD);
      await session.page.getByRole('checkbox', { name: /nº 67890-7/ }).uncheck();
      await session.page.getByRole('button', { name: 'Confirmar compartilhamento' }).click();
      tokens = await client.authorizationCodeGrant(config, await session.callback, {
        pkceCodeVerifier: request.codeVerifier,
        expectedNonce: request.nonce,
        expectedState: request.state,
      });
    } finally {
      await session.close();
    }

    const stored = await consents.service.get(harness.brand.id, consent.consentId, clientId);
    assert.equal(stored.status, 'AUTHORISED');
    const managed = await consents.management.get(harness.brand.id, consent.consentId);
    assert.deepEqual(
      managed.resources.map((r) => r.resourceId),
      ['acc-ana-1'],
    );
    assert.equal(managed.clientName, `Receptor ${software.softwareId.slice(0, 8)}`);

    const bus = createInProcessEventBus({ logger: createLogger({ level: 'silent' }) });
    const unsubscribe = harness.primary.server.consentGrants.subscribe(bus);
    const relay = createOutboxRelay({
      db: tdb.db,
      bus,
      logger: createLogger({ level: 'silent' }),
      listen: false,
    });
    try {
      await relay.drain(); // consent.authorised: nothing to revoke
      const verify = () =>
        harness.primary.server.verifier.verify({
          brandId: harness.brand.id,
          token: tokens.access_token,
          certificate: software.certificate.x509,
        });
      assert.equal((await verify()).consentId, consent.consentId);

      await consents.service.revoke(harness.brand.id, consent.consentId, clientId);
      assert.ok((await relay.drain()) >= 1, 'consent.revoked published');
      await assert.rejects(verify(), (e: unknown) => isAppError(e) && e.code === 'ACCESS_TOKEN_INVALID');
      await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token!), (e: unknown) => {
        return (e as { error?: string }).error === 'invalid_grant';
      });
    } finally {
      unsubscribe();
      await relay.stop();
    }
  });
});
