import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  createLocalJWKSet,
  flattenedVerify,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';
import * as client from 'openid-client';
import type { Browser } from 'playwright-core';
import type { SimulatedServer } from '../src/sim/ecosystem.ts';
import { launchBrowser, logIn, openSession } from '../src/authz/testing/browser.ts';
import { buildEndToEndId, WEBHOOK_SIGNATURE_HEADER } from '../src/payments/index.ts';
import { createTestDatabase } from '../src/platform/db/testing.ts';
import { payingCustomer, reservePort, startSimulator } from './support/sim.ts';
import { startWebhookReceiver, type Hook } from './support/webhooks.ts';
import { waitFor } from '../src/platform/jobs/testing.ts';
import type { SimManifest } from '../src/sim/manifest.ts';
import {
  participantFrom,
  registerAt,
  relyingPartyAt,
  softwareStatement,
  type Participant,
} from './support/participant.ts';

/**
 * Issue 5's journey against the simulated ecosystem `ponte start` runs, from the manifest only:
 * an initiator registers with its webhook URI, lodges a signed payment consent, the customer
 * authorises it in Chromium, the signed Pix payment settles to ACSC in the sample bank, and the
 * brand's signed webhooks arrive over mTLS at the initiator.
 */
const tdb = await createTestDatabase();
const CREDITOR = { ispb: '99999999', issuer: '0001', number: '1234567', accountType: 'CACC' };

describe('simulated ecosystem: Pix payment initiation as an outside initiator', () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let server: SimulatedServer;
  let home: string;
  let manifest: SimManifest;
  let browser: Browser;
  let alfa: Participant;
  let webhooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let hooks: Hook[];

  before(async () => {
    // The initiator's origin (its redirect and webhook URIs) is a port this test holds.
    const origin = await reservePort();
    [sim, browser] = await Promise.all([
      startSimulator(tdb, 'ponte-eco-pay', { PONTE_SIM_CLIENT_ORIGIN: origin.origin }),
      launchBrowser(),
    ]);
    ({ server, home } = sim);
    manifest = server.ecosystem.manifest;
    alfa = await participantFrom(path.join(home, 'sim'), manifest, 0);
    // The initiator's webhook endpoint, on the URI its software statement declares, over mTLS.
    const webhookUri = new URL(alfa.software.webhookUris[0]!);
    assert.equal(Number(webhookUri.port), origin.port);
    await origin.release();
    webhooks = await startWebhookReceiver(path.join(home, 'sim'), webhookUri.href);
    hooks = webhooks.hooks;
  });
  after(async () => {
    await webhooks?.close();
    await browser?.close();
    await alfa?.agent.close();
    await sim?.close();
  });

  it(
    'pays from the customer’s account to ACSC, every message signed, webhooks over mTLS',
    { timeout: 180_000 },
    async () => {
      const brand = manifest.brands[1]!;
      const customer = await payingCustomer(server, 1);
      const redirect = alfa.software.redirectUris[0]!;
      const registration = await registerAt(alfa, brand, await softwareStatement(alfa, manifest), redirect, {
        webhook_uris: alfa.software.webhookUris,
      });
      assert.equal(registration.status, 201, JSON.stringify(registration.body));
      const rp = await relyingPartyAt(alfa, brand, String(registration.body.client_id));
      // The brand's BRSEAL, from its organisation JWKS in the directory.
      const orgJwks = manifest.directory.keystoreJwksUrl.replace(
        /openbanking\.jwks$/,
        `${brand.orgId}/application.jwks`,
      );
      const brandKeys = createLocalJWKSet((await (await alfa.fetch(orgJwks)).json()) as JSONWebKeySet);

      const sign = (data: unknown) =>
        new SignJWT({ aud: brand.orgId, iss: alfa.software.orgId, iat: Math.floor(Date.now() / 1000), jti: randomUUID(), data }) // prettier-ignore
          .setProtectedHeader({ alg: 'PS256', typ: 'JWT', kid: alfa.software.signing.kid })
          .sign(alfa.signingKey);
      async function call(method: string, route: string, token: string, data?: unknown) {
        const response = await alfa.fetch(`${brand.apiBaseUrl}/open-banking/payments/v4${route}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            'x-fapi-interaction-id': randomUUID(),
            ...(data === undefined ? {} : { 'content-type': 'application/jwt', 'x-idempotency-key': randomUUID() }), // prettier-ignore
          },
          ...(data === undefined ? {} : { body: await sign(data) }),
        });
        const text = await response.text();
        assert.match(
          response.headers.get('content-type') ?? '',
          /^application\/jwt/,
          `${response.status} ${text}`,
        );
        const { payload } = await jwtVerify(text, brandKeys, { issuer: brand.orgId, audience: alfa.software.orgId }); // prettier-ignore
        return { status: response.status, data: (payload as JWTPayload & { data: Record<string, unknown> }).data }; // prettier-ignore
      }

      const { access_token: clientToken } = await client.clientCredentialsGrant(rp, { scope: 'payments' });
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(new Date());
      const created = await call('POST', '/consents', clientToken, {
        loggedUser: { document: { identification: customer.cpf, rel: 'CPF' } },
        creditor: { personType: 'PESSOA_JURIDICA', cpfCnpj: '11222333000181', name: 'Loja Exemplo Ltda' },
        payment: { type: 'PIX', date: today, currency: 'BRL', amount: '7.89', details: { localInstrument: 'MANU', creditorAccount: CREDITOR } }, // prettier-ignore
      });
      assert.equal(created.status, 201);
      const consentId = String(created.data.consentId);

      const codeVerifier = client.randomPKCECodeVerifier();
      const nonce = client.randomNonce();
      const state = client.randomState();
      const { searchParams } = await client.buildAuthorizationUrlWithJAR(
        rp,
        {
          redirect_uri: redirect,
          scope: `openid payments consent:${consentId}`,
          code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
          code_challenge_method: 'S256',
          nonce,
          state,
        },
        { key: alfa.signingKey, kid: alfa.software.signing.kid },
      );
      const session = await openSession(browser, new URL(redirect).origin);
      let accessToken: string;
      try {
        await session.page.goto((await client.buildAuthorizationUrlWithPAR(rp, searchParams)).href);
        await logIn(session.page, customer.cpf, customer.password);
        await session.page.getByRole('heading', { name: 'Confirmar pagamento Pix' }).waitFor();
        assert.match(await session.page.locator('main').innerText(), /R\$ 7,89/);
        await session.page.locator('input[type=radio]').first().check();
        await session.page.getByRole('button', { name: 'Confirmar pagamento' }).click();
        const tokens = await client.authorizationCodeGrant(rp, await session.callback, {
          pkceCodeVerifier: codeVerifier,
          expectedNonce: nonce,
          expectedState: state,
        });
        accessToken = tokens.access_token;
      } finally {
        await session.close();
      }

      const item = { endToEndId: buildEndToEndId('12345678', new Date()), localInstrument: 'MANU', payment: { amount: '7.89', currency: 'BRL' }, creditorAccount: CREDITOR, cnpjInitiator: '50685362000135' }; // prettier-ignore
      const paid = await call('POST', '/pix/payments', accessToken, [item]);
      assert.equal(paid.status, 201);
      const [payment] = paid.data as unknown as Array<{ paymentId: string; status: string }>;
      assert.equal(payment!.status, 'RCVD');
      let status = '';
      await waitFor(
        async () => {
          status = String(
            (await call('GET', `/pix/payments/${payment!.paymentId}`, clientToken)).data.status,
          );
          return status === 'ACSC' || status === 'RJCT';
        },
        'the payment settling',
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      assert.equal(status, 'ACSC');

      const paymentHook = `/open-banking/webhook/v1/payments/v4/pix/payments/${payment!.paymentId}`;
      await waitFor(() => hooks.some((h) => h.path.endsWith(paymentHook)), 'the payment webhook', {
        timeoutMs: 15_000,
        intervalMs: 100,
      });
      for (const hook of hooks.filter((h) => h.path.endsWith(paymentHook))) {
        assert.match(String(hook.subject), /O=Banco Aurora/, 'sent with the brand’s own certificate');
        const [protectedHeader, , signature] = String(hook.headers[WEBHOOK_SIGNATURE_HEADER]).split('.');
        const verified = await flattenedVerify({ protected: protectedHeader!, payload: Buffer.from(hook.body).toString('base64url'), signature: signature! }, brandKeys); // prettier-ignore
        assert.equal(verified.protectedHeader?.aud, alfa.software.orgId);
      }
    },
  );
});
