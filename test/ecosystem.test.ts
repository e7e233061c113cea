import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import * as client from 'openid-client';
import type { Browser } from 'playwright-core';
import type { SimulatedServer } from '../src/sim/ecosystem.ts';
import { launchBrowser, logIn, openSession } from '../src/authz/testing/browser.ts';
import { createTestDatabase } from '../src/platform/db/testing.ts';
import { startSimulator } from './support/sim.ts';
import type { SimManifest } from '../src/sim/manifest.ts';
import {
  callApi,
  participantFrom,
  registerAt,
  relyingPartyAt,
  softwareStatement,
  type Participant,
} from './support/participant.ts';

/**
 * Issue 3's end-to-end journey against the whole simulated ecosystem, acting only from the
 * manifest as an outside receiver would, with openid-client 6 over real mTLS on loopback:
 * directory token → SSA → DCR → client_credentials → consent → PAR → login and consent in
 * Chromium → code + encrypted id_token → token → refresh → revocation → refresh refused.
 */
const tdb = await createTestDatabase();

describe('simulated ecosystem, end to end as an outside receiver', () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let server: SimulatedServer;
  let home: string;
  let manifest: SimManifest;
  let browser: Browser;
  let alfa: Participant;
  let beta: Participant;
  let brand: SimManifest['brands'][number];
  let REDIRECT: string;
  const consentsUrl = () => `${brand.apiBaseUrl}/open-banking/consents/v3/consents`;
  const accountsUrl = (path = '') => `${brand.apiBaseUrl}/open-banking/accounts/v2/accounts${path}`;

  before(async () => {
    [sim, browser] = await Promise.all([startSimulator(tdb, 'ponte-eco'), launchBrowser()]);
    ({ server, home } = sim);
    manifest = server.ecosystem.manifest;
    brand = manifest.brands[0]!;
    REDIRECT = manifest.softwares[0]!.redirectUris[0]!;
    const simDir = path.join(home, 'sim');
    [alfa, beta] = await Promise.all([
      participantFrom(simDir, manifest, 0),
      participantFrom(simDir, manifest, 1),
    ]);
  });
  after(async () => {
    await browser?.close();
    await Promise.all([alfa?.agent.close(), beta?.agent.close()]);
    await sim?.close();
  });

  async function registered(p: Participant) {
    const registration = await registerAt(p, brand, await softwareStatement(p, manifest), REDIRECT);
    assert.equal(registration.status, 201, JSON.stringify(registration.body));
    const clientId = String(registration.body.client_id);
    const config = await relyingPartyAt(p, brand, clientId);
    const { access_token } = await client.clientCredentialsGrant(config, { scope: 'consents' });
    return { clientId, config, registration: registration.body, consentsToken: access_token };
  }

  it('registers, lodges a consent, authorises it in Chromium, refreshes, and loses access on revocation', async () => {
    const customer = brand.customers.find((c) => c.type === 'PF')!;
    const receiver = await registered(alfa);
    assert.ok(receiver.registration.registration_access_token, 'DCM token returned');

    // A second registration of the same software statement is refused (DIGEST §6.2 item 9).
    const again = await registerAt(alfa, brand, await softwareStatement(alfa, manifest), REDIRECT);
    assert.equal(again.status, 400);

    const created = await callApi(alfa, consentsUrl(), receiver.consentsToken, {
      method: 'POST',
      body: {
        data: {
          loggedUser: { document: { identification: customer.cpf, rel: 'CPF' } },
          permissions: [
            'ACCOUNTS_READ',
            'ACCOUNTS_BALANCES_READ',
            'ACCOUNTS_TRANSACTIONS_READ',
            'RESOURCES_READ',
          ],
          expirationDateTime: new Date(Date.now() + 90 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        },
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const consentId = String((created.body!.data as { consentId: string }).consentId);

    // Another organisation's client cannot read it.
    const intruder = await registered(beta);
    const peek = await callApi(
      beta,
      `${consentsUrl()}/${encodeURIComponent(consentId)}`,
      intruder.consentsToken,
    );
    assert.equal(peek.status, 403);

    // PAR with a PS256 request object, then the customer's journey in the browser.
    const codeVerifier = client.randomPKCECodeVerifier();
    const nonce = client.randomNonce();
    const state = client.randomState();
    const { searchParams } = await client.buildAuthorizationUrlWithJAR(
      receiver.config,
      {
        redirect_uri: REDIRECT,
        scope: `openid accounts resources consent:${consentId}`,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        nonce,
        state,
        claims: JSON.stringify({
          id_token: { acr: { essential: true, values: ['urn:brasil:openbanking:loa2'] } },
        }),
      },
      { key: alfa.signingKey, kid: alfa.software.signing.kid },
    );
    const authorizationUrl = await client.buildAuthorizationUrlWithPAR(receiver.config, searchParams);
    const session = await openSession(browser, new URL(REDIRECT).origin);
    try {
      await session.page.goto(authorizationUrl.href);
      await logIn(session.page, customer.cpf, customer.password);
      await session.page.getByRole('heading', { name: 'Confirmar compartilhamento de dados' }).waitFor();
      assert.match(await session.page.locator('main').innerText(), new RegExp(alfa.software.clientName));
      await session.page.getByRole('button', { name: 'Confirmar compartilhamento' }).click();
      const callback = await session.callback;
      const idToken = new URLSearchParams(callback.hash.slice(1)).get('id_token') ?? '';
      assert.equal(idToken.split('.').length, 5, 'front-channel id_token is encrypted (JWE)');

      const tokens = await client.authorizationCodeGrant(receiver.config, callback, {
        pkceCodeVerifier: codeVerifier,
        expectedNonce: nonce,
        expectedState: state,
      });
      assert.equal(tokens.claims()?.acr, 'urn:brasil:openbanking:loa2');
      assert.ok(tokens.refresh_token);

      const status = await callApi(
        alfa,
        `${consentsUrl()}/${encodeURIComponent(consentId)}`,
        receiver.consentsToken,
      );
      assert.equal((status.body!.data as { status: string }).status, 'AUTHORISED');

      const refreshed = await client.refreshTokenGrant(receiver.config, tokens.refresh_token);
      assert.equal(refreshed.refresh_token, tokens.refresh_token, 'refresh tokens are not rotated');

      // The data APIs of the brand serve the consented accounts to the bound token only.
      const accounts = await callApi(alfa, accountsUrl(), refreshed.access_token);
      assert.equal(accounts.status, 200, JSON.stringify(accounts.body));
      const list = accounts.body!.data as Array<{ accountId: string }>;
      assert.ok(list.length > 0, 'the customer has accounts at the brand');
      const transactions = await callApi(
        alfa,
        accountsUrl(`/${list[0]!.accountId}/transactions`),
        refreshed.access_token,
      );
      assert.equal(transactions.status, 200, JSON.stringify(transactions.body));
      assert.ok(Array.isArray(transactions.body!.data));
      const notGranted = await callApi(alfa, accountsUrl(`/${list[0]!.accountId}/transactions`), receiver.consentsToken); // prettier-ignore
      assert.equal(notGranted.status, 403, 'a client_credentials token is not a data token');

      // The institution's own channel sees it through the internal consent API on the operator
      // listener, with its API key from the manifest; another brand's key does not (least privilege).
      const internal = brand.internalConsentsApi!;
      const channel = (key: string, route: string, body?: unknown) =>
        fetch(`${internal.url}${route}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: {
            [internal.apiKeyHeader]: key,
            ...(body !== undefined && { 'content-type': 'application/json' }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
      const search = await channel(internal.apiKey, '/search', {
        customer: { type: 'CPF', identification: customer.cpf },
      });
      assert.equal(search.status, 200);
      const found = ((await search.json()) as { data: Array<{ consentId: string; status: string; active: boolean; clientName?: string }> }).data.find((c) => c.consentId === consentId); // prettier-ignore
      assert.equal(found?.status, 'AUTHORISED');
      assert.equal(found?.active, true);
      assert.equal(found?.clientName, alfa.software.clientName);
      const otherBrandKey = manifest.brands[1]!.internalConsentsApi!.apiKey;
      assert.equal((await channel(otherBrandKey, `/${encodeURIComponent(consentId)}`)).status, 404);
      assert.equal((await channel('x'.repeat(43), `/${encodeURIComponent(consentId)}`)).status, 401);

      // The receiver revokes the consent; the refresh token dies with it.
      const revoked = await callApi(
        alfa,
        `${consentsUrl()}/${encodeURIComponent(consentId)}`,
        receiver.consentsToken,
        {
          method: 'DELETE',
        },
      );
      assert.equal(revoked.status, 204);
      await assert.rejects(
        client.refreshTokenGrant(receiver.config, tokens.refresh_token),
        (error: unknown) => (error as { error?: string }).error === 'invalid_grant',
      );
      const after = await callApi(
        alfa,
        `${consentsUrl()}/${encodeURIComponent(consentId)}`,
        receiver.consentsToken,
      );
      const data = after.body!.data as { status: string; rejection: { reason: { code: string } } };
      assert.equal(data.status, 'REJECTED');
      assert.equal(data.rejection.reason.code, 'CUSTOMER_MANUALLY_REVOKED');
      const refused = await callApi(alfa, accountsUrl(), refreshed.access_token);
      assert.equal(refused.status, 401, 'the data APIs stop at once when the consent is revoked');
    } finally {
      await session.close();
    }
  });
});
