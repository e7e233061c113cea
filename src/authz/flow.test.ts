import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import type { Browser } from 'playwright-core';
import { createTestDatabase } from '../platform/db/testing.ts';
import { isAppError } from '../platform/errors/index.ts';
import { pushAuthorization } from './testing/authorization-request.ts';
import { launchBrowser, logIn, openSession } from './testing/browser.ts';
import { CUSTOMERS, DEMO_PASSWORD, startAuthzHarness, type AuthzHarness } from './testing/harness.ts';
import { relyingParty } from './testing/oidc-client.ts';
import { createTestSoftware, register, registrationBody, type TestSoftware } from './testing/software.ts';

const tdb = await createTestDatabase();
const ANA = CUSTOMERS[0]!;
const BRUNO = CUSTOMERS[1]!;
const RECEIVER = 'https://receiver.localhost';

describe('authorization code flow: PAR + private_key_jwt + mTLS + hybrid + encrypted id_token, in Chromium', () => {
  let harness: AuthzHarness;
  let browser: Browser;
  let software: TestSoftware;
  let clientId: string;
  let config: client.Configuration;

  before(async () => {
    [harness, browser] = await Promise.all([startAuthzHarness(tdb), launchBrowser()]);
    software = await createTestSoftware(harness);
    const { body } = await register(harness, software.agent, await registrationBody(software));
    clientId = String(body.client_id);
    config = await relyingParty(harness, software, clientId);
  });
  after(async () => {
    await browser.close();
    await harness.close();
  });

  const newConsent = (cpf = ANA.cpf) => harness.consents.create({ brandId: harness.brand.id, clientId, cpf });

  it('logs Ana in, shows the consent, issues cert-bound tokens for the consent, refreshes, and stops after revocation', async () => {
    const consent = newConsent();
    const request = await pushAuthorization(config, software, consent.consentId);
    const session = await openSession(browser, RECEIVER);
    try {
      const { page } = session;
      await page.goto(request.url.href);
      assert.equal(await page.locator('html').getAttribute('lang'), 'pt-BR');
      await logIn(page, ANA.cpf, DEMO_PASSWORD);

      // The consent page: the receiver, the data in Portuguese, the expiry, Ana's accounts.
      await page.getByRole('heading', { name: 'Confirmar compartilhamento de dados' }).waitFor();
      const text = await page.locator('main').innerText();
      assert.match(text, new RegExp(`Receptor ${software.softwareId.slice(0, 8)}`));
      assert.match(text, /Contas: Saldos/);
      assert.match(text, /O compartilhamento vale até \d{2}\/\d{2}\/\d{4}/);
      const first = page.getByRole('checkbox', { name: /nº 12345-7/ });
      const second = page.getByRole('checkbox', { name: /nº 67890-7/ });
      assert.ok(await first.isChecked());
      await second.uncheck();
      await page.getByRole('button', { name: 'Confirmar compartilhamento' }).click();

      const callback = await session.callback;
      assert.ok(callback.hash.includes('code='), callback.href);
      const idTokenInFragment = new URLSearchParams(callback.hash.slice(1)).get('id_token') ?? '';
      assert.equal(idTokenInFragment.split('.').length, 5, 'the id_token of the front channel is a JWE');

      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: request.codeVerifier,
        expectedNonce: request.nonce,
        expectedState: request.state,
      });
      assert.equal(tokens.id_token?.split('.').length, 5, 'the token endpoint id_token is a JWE too');
      const claims = tokens.claims();
      assert.equal(claims?.sub, ANA.customerId);
      assert.equal(claims?.acr, 'urn:brasil:openbanking:loa2');
      assert.equal(tokens.expires_in, 900);
      assert.ok(tokens.refresh_token);
      assert.ok(tokens.scope?.split(' ').includes(`consent:${consent.consentId}`), tokens.scope);

      // The consent was authorised by Ana with the one account she kept.
      const stored = harness.consents.get(consent.consentId);
      assert.equal(stored?.status, 'AUTHORISED');
      assert.deepEqual(stored?.resources, [{ type: 'ACCOUNT', id: 'acc-ana-1' }]);
      assert.deepEqual(stored?.customer, { customerId: ANA.customerId, personType: 'PESSOA_NATURAL' });

      // The grant and its refresh token live exactly as long as the consent (FAPI-BR §7.2.2 item 12).
      const { rows } = await tdb.pool.query<{ model: string; exp: string }>(
        `SELECT p.model, p.payload->>'exp' AS exp FROM oidc_payloads p
         JOIN authz_consent_grants g ON g.brand_id = p.brand_id
          AND (p.grant_id = g.grant_id OR (p.model = 'Grant' AND p.id = g.grant_id))
         WHERE g.consent_id = $1 AND p.model IN ('Grant', 'RefreshToken')`,
        [consent.consentId],
      );
      const consentEnd = Math.floor(consent.expirationDateTime!.getTime() / 1000);
      assert.deepEqual(rows.map((r) => r.model).sort(), ['Grant', 'RefreshToken']);
      for (const row of rows) assert.ok(Math.abs(Number(row.exp) - consentEnd) <= 2, `${row.model} exp`);

      const verify = (token: string) =>
        harness.primary.server.verifier.verify({
          brandId: harness.brand.id,
          token,
          certificate: software.certificate.x509,
        });
      const verified = await verify(tokens.access_token);
      assert.equal(verified.consentId, consent.consentId);
      assert.equal(verified.grantType, 'authorization_code');
      assert.equal(verified.subject, ANA.customerId);
      assert.ok(verified.scopes.has('accounts'));

      // Userinfo: the same token opens it, with x-fapi-interaction-id and the bound certificate.
      const userinfo = new URL(`${harness.issuer}/me`);
      const interactionId = randomUUID();
      const answer = await client.fetchProtectedResource(
        config,
        tokens.access_token,
        userinfo,
        'GET',
        undefined,
        new Headers({ 'x-fapi-interaction-id': interactionId }),
      );
      assert.equal(answer.status, 200);
      assert.deepEqual(await answer.json(), { sub: ANA.customerId });
      assert.equal(answer.headers.get('x-fapi-interaction-id'), interactionId);
      const withoutId = await client.fetchProtectedResource(config, tokens.access_token, userinfo, 'GET');
      assert.equal(withoutId.status, 400);

      // Refresh: a new access token, the same refresh token (no rotation).
      const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
      assert.notEqual(refreshed.access_token, tokens.access_token);
      assert.equal(refreshed.refresh_token, tokens.refresh_token);
      assert.equal((await verify(refreshed.access_token)).grantType, 'refresh_token');

      // The customer revokes the consent: refresh ends in invalid_grant at once...
      harness.consents.revoke(consent.consentId);
      await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token), (error: unknown) => {
        return (error as { error?: string }).error === 'invalid_grant';
      });
      // ...and the revocation removes every token of the consent.
      const removed = await harness.primary.server.consentGrants.revokeConsent(consent.consentId);
      assert.ok(removed >= 3, `grant, refresh and access tokens removed (${removed})`);
      await assert.rejects(
        verify(refreshed.access_token),
        (e: unknown) => isAppError(e) && e.code === 'ACCESS_TOKEN_INVALID',
      );
    } finally {
      await session.close();
    }
  });

  it('denies access when the customer who logs in is not the consent loggedUser', async () => {
    const consent = newConsent(ANA.cpf);
    const request = await pushAuthorization(config, software, consent.consentId);
    const session = await openSession(browser, RECEIVER);
    try {
      await session.page.goto(request.url.href);
      await logIn(session.page, BRUNO.cpf, DEMO_PASSWORD);
      const callback = await session.callback;
      const params = new URLSearchParams(callback.hash.slice(1));
      assert.equal(params.get('error'), 'access_denied');
      assert.equal(params.get('state'), request.state);
      assert.equal(harness.consents.get(consent.consentId)?.status, 'AWAITING_AUTHORISATION');
    } finally {
      await session.close();
    }
  });

  it('shows an error for a wrong password, keeps the customer on the login page, and gives up after five', async () => {
    const consent = newConsent();
    const request = await pushAuthorization(config, software, consent.consentId);
    const session = await openSession(browser, RECEIVER);
    try {
      await session.page.goto(request.url.href);
      await logIn(session.page, ANA.cpf, 'senha-errada');
      await session.page.getByRole('alert').waitFor();
      assert.equal(await session.page.getByRole('alert').innerText(), 'CPF ou senha incorretos.');
      assert.equal(await session.page.getByLabel('CPF').inputValue(), ANA.cpf);
      // The fifth failure ends the request: the client gets access_denied.
      for (let attempt = 2; attempt <= 5; attempt++) await logIn(session.page, ANA.cpf, 'senha-errada');
      const params = new URLSearchParams((await session.callback).hash.slice(1));
      assert.equal(params.get('error'), 'access_denied');
    } finally {
      await session.close();
    }
  });

  it('rejects the consent (USER, CUSTOMER_MANUALLY_REJECTED) when the customer refuses', async () => {
    const consent = newConsent();
    const request = await pushAuthorization(config, software, consent.consentId);
    const session = await openSession(browser, RECEIVER);
    try {
      await session.page.goto(request.url.href);
      await logIn(session.page, ANA.cpf, DEMO_PASSWORD);
      await session.page.getByRole('button', { name: 'Recusar' }).click();
      const params = new URLSearchParams((await session.callback).hash.slice(1));
      assert.equal(params.get('error'), 'access_denied');
      const stored = harness.consents.get(consent.consentId);
      assert.equal(stored?.status, 'REJECTED');
      assert.deepEqual(stored?.rejection, { rejectedBy: 'USER', reason: 'CUSTOMER_MANUALLY_REJECTED' });
    } finally {
      await session.close();
    }
  });
});
