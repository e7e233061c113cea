import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import type { Browser } from 'playwright-core';
import { createTestDatabase } from '../platform/db/testing.ts';
import { pushAuthorization } from './testing/authorization-request.ts';
import { launchBrowser, logIn, openSession } from './testing/browser.ts';
import {
  CUSTOMERS,
  DEMO_PASSWORD,
  startAuthzHarness,
  type AuthzHarness,
  type AuthzInstance,
} from './testing/harness.ts';
import { atOtherInstance, relyingParty } from './testing/oidc-client.ts';
import { createTestSoftware, register, registrationBody } from './testing/software.ts';

const tdb = await createTestDatabase();
const ANA = CUSTOMERS[0]!;

describe('two processes of one issuer on one database', () => {
  let harness: AuthzHarness;
  let second: AuthzInstance;
  let browser: Browser;

  before(async () => {
    [harness, browser] = await Promise.all([startAuthzHarness(tdb), launchBrowser()]);
    second = await harness.startInstance();
  });
  after(async () => {
    await browser.close();
    await harness.close();
  });

  it('completes on one process a flow another started: registration, PAR, login, consent, token, refresh', async () => {
    const software = await createTestSoftware(harness);
    // Registered at the second process...
    const registered = await register(
      harness,
      software.agent,
      await registrationBody(software),
      `${second.origin}/auth/register`,
    );
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    const clientId = String(registered.body.client_id);
    const viaFirst = await relyingParty(harness, software, clientId);
    const viaSecond = atOtherInstance(viaFirst, software, second.origin);

    // ...the request pushed to the second, authorised at the first...
    const consent = harness.consents.create({ brandId: harness.brand.id, clientId, cpf: ANA.cpf });
    const request = await pushAuthorization(viaSecond, software, consent.consentId);
    assert.equal(request.url.origin, harness.primary.origin);
    const session = await openSession(browser, 'https://receiver.localhost');
    try {
      await session.page.goto(request.url.href);
      await session.page.getByLabel('CPF').waitFor();
      // ...the login page served by the second process for the first one's interaction...
      const loginAtSecond = new URL(session.page.url());
      assert.equal(loginAtSecond.origin, harness.primary.origin);
      loginAtSecond.host = new URL(second.origin).host;
      await session.page.goto(loginAtSecond.href);
      await logIn(session.page, ANA.cpf, DEMO_PASSWORD);
      await session.page.getByRole('button', { name: 'Confirmar compartilhamento' }).click();
      const callback = await session.callback;

      // ...and the code redeemed and refreshed at the second.
      const tokens = await client.authorizationCodeGrant(viaSecond, callback, {
        pkceCodeVerifier: request.codeVerifier,
        expectedNonce: request.nonce,
        expectedState: request.state,
      });
      assert.equal(tokens.claims()?.sub, ANA.customerId);
      const refreshed = await client.refreshTokenGrant(viaSecond, tokens.refresh_token!);
      const verified = await harness.primary.server.verifier.verify({
        brandId: harness.brand.id,
        token: refreshed.access_token,
        certificate: software.certificate.x509,
      });
      assert.equal(verified.consentId, consent.consentId);

      const uid = loginAtSecond.pathname.split('/')[2];
      for (const expected of [
        'POST /auth/register',
        'POST /auth/par',
        `POST /interaction/${uid}/login`,
        'POST /auth/token',
      ]) {
        assert.ok(second.requests.includes(expected), `second process served ${expected}`);
      }
      assert.ok(
        harness.primary.requests.includes('GET /auth/auth'),
        'first process served the authorization',
      );
      // The consent step is a new interaction (new uid), resumed and shown by the first process.
      assert.ok(
        harness.primary.requests.some((r) => /^POST \/interaction\/[^/]+\/consent$/.test(r)),
        'first process served the consent decision',
      );
    } finally {
      await session.close();
    }
  });
});
