/**
 * End to end, as an initiator meets the account holder: openid-client (DCR'd software, private_key_jwt,
 * mTLS, PAR, hybrid flow), jose for the signed messages, Chromium for the customer, real TLS with
 * client certificates everywhere, the sample bank settling on pg-boss, webhooks back over mTLS.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createLocalJWKSet, flattenedVerify, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import * as client from 'openid-client';
import type { Browser } from 'playwright-core';
import { fetch } from 'undici';
import { pushAuthorization } from '../authz/testing/authorization-request.ts';
import { launchBrowser, logIn, openSession } from '../authz/testing/browser.ts';
import { relyingParty } from '../authz/testing/oidc-client.ts';
import {
  createTestSoftware,
  register,
  registrationBody,
  type TestSoftware,
} from '../authz/testing/software.ts';
import { createTestDatabase } from '../platform/db/testing.ts';
import { waitFor } from '../platform/jobs/testing.ts';
import { addDays, brasiliaDate } from './domain/dates.ts';
import { buildEndToEndId } from './domain/end-to-end-id.ts';
import { DEMO_PASSWORD, startEcosystem, type Ecosystem } from './testing/ecosystem.ts';
import { payerOf } from './testing/harness.ts';
import { WEBHOOK_SIGNATURE_HEADER } from './webhooks/deliver.ts';

const tdb = await createTestDatabase();
const released = new Set<string>();
const CREDITOR = { ispb: '99999999', issuer: '0001', number: '1234567', accountType: 'CACC' };
const RECEIVER = 'https://receiver.localhost';

describe('Pix payment initiation end to end over mTLS (initiator → holder → sample bank → webhook)', () => {
  let eco: Ecosystem;
  let browser: Browser;
  let software: TestSoftware;
  let config: client.Configuration;
  let brandKeys: ReturnType<typeof createLocalJWKSet>;
  let payer: Awaited<ReturnType<typeof payerOf>>;
  let cpf: string;

  before(async () => {
    [eco, browser] = await Promise.all([
      startEcosystem(tdb, { releaseAt: (date) => (released.has(date) ? new Date(0) : new Date(8.64e15)) }),
      launchBrowser(),
    ]);
    software = await createTestSoftware(eco.authzLike);
    const body = await registrationBody(software, {
      software_statement: await software.ssa({
        software_statement_roles: [{ role: 'PAGTO', authorisation_domain: 'Open Banking', status: 'Active' }],
        software_roles: ['PAGTO'],
        software_api_webhook_uris: [eco.webhookBase],
      }),
    });
    const registration = await register(eco.authzLike, software.agent, body);
    assert.equal(registration.status, 201, JSON.stringify(registration.body));
    config = await relyingParty(eco.authzLike, software, String(registration.body.client_id));
    // The receiver verifies the holder's signatures with the holder's JWKS from the directory.
    const jwks = await (await fetch(eco.brandJwksUri, { dispatcher: software.agent })).json();
    brandKeys = createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]);
    payer = await payerOf(tdb, 'bank-a');
    const [identification] = await eco.connector.customers.getPersonalIdentifications('bank-a', { customerId: payer.customerId, personType: 'PESSOA_NATURAL' }); // prettier-ignore
    cpf = identification!.documents.cpfNumber!;
  });
  after(async () => {
    await browser?.close();
    await eco?.close();
  });

  const sign = (data: unknown) =>
    new SignJWT({
      aud: eco.orgId,
      iss: software.orgId,
      iat: Math.floor(Date.now() / 1000),
      jti: randomUUID(),
      data,
    })
      .setProtectedHeader({ alg: 'PS256', typ: 'JWT', kid: String(software.signingKey.jwk.kid) })
      .sign(software.signingKey.privateKey);

  async function call(method: string, path: string, token: string, data?: unknown) {
    const response = await fetch(`${eco.origin}/open-banking/payments/v4${path}`, {
      method,
      dispatcher: software.agent,
      headers: {
        authorization: `Bearer ${token}`,
        'x-fapi-interaction-id': randomUUID(),
        ...(data === undefined
          ? {}
          : { 'content-type': 'application/jwt', 'x-idempotency-key': randomUUID() }),
      },
      ...(data === undefined ? {} : { body: await sign(data) }),
    });
    const text = await response.text();
    assert.match(
      response.headers.get('content-type') ?? '',
      /^application\/jwt/,
      `${response.status} ${text}`,
    );
    const { payload } = await jwtVerify(text, brandKeys, { issuer: eco.orgId, audience: software.orgId, algorithms: ['PS256'] }); // prettier-ignore
    return { status: response.status, body: payload as JWTPayload & { data: Record<string, unknown> & Array<Record<string, unknown>> } }; // prettier-ignore
  }

  const clientToken = async () =>
    (await client.clientCredentialsGrant(config, { scope: 'payments' })).access_token;

  /** The customer authorises the consent in Chromium; returns the authorization_code token. */
  async function authoriseInBrowser(consentId: string, expectations: RegExp[]): Promise<string> {
    const request = await pushAuthorization(config, software, consentId, {
      scope: `openid payments consent:${consentId}`,
    });
    const session = await openSession(browser, RECEIVER);
    try {
      await session.page.goto(request.url.href);
      await logIn(session.page, cpf, DEMO_PASSWORD);
      await session.page.getByRole('heading', { name: 'Confirmar pagamento Pix' }).waitFor();
      const text = await session.page.locator('main').innerText();
      for (const expected of expectations) assert.match(text, expected);
      await session.page.locator(`input[type=radio][value="ACCOUNT:${payer.accountId}"]`).check();
      await session.page.getByRole('button', { name: 'Confirmar pagamento' }).click();
      const callback = await session.callback;
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: request.codeVerifier,
        expectedNonce: request.nonce,
        expectedState: request.state,
      });
      assert.ok(tokens.scope?.split(' ').includes(`consent:${consentId}`));
      return tokens.access_token;
    } finally {
      await session.close();
    }
  }

  async function pollUntil(paymentId: string, token: string, statuses: string[]) {
    let last = '';
    await waitFor(
      async () => {
        last = String((await call('GET', `/pix/payments/${paymentId}`, token)).body.data.status);
        return statuses.includes(last);
      },
      `payment ${paymentId} reaching ${statuses.join('|')}`,
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    return last;
  }

  const consentRequest = (payment: Record<string, unknown>) => ({
    loggedUser: { document: { identification: cpf, rel: 'CPF' } },
    creditor: { personType: 'PESSOA_JURIDICA', cpfCnpj: '11222333000181', name: 'Loja Exemplo Ltda' },
    payment: {
      type: 'PIX',
      currency: 'BRL',
      details: { localInstrument: 'MANU', creditorAccount: CREDITOR },
      ...payment,
    },
  });

  it('pays immediately: signed consent, authorisation in Chromium, signed payment, ACSC, signed webhook', async () => {
    const token = await clientToken();
    const created = await call(
      'POST',
      '/consents',
      token,
      consentRequest({ date: brasiliaDate(new Date()), amount: '12.34' }),
    );
    assert.equal(created.status, 201);
    const consentId = String(created.body.data.consentId);
    assert.equal(created.body.data.status, 'AWAITING_AUTHORISATION');

    const accessToken = await authoriseInBrowser(consentId, [
      /R\$ 12,34/,
      /Loja Exemplo Ltda/,
      /Pagamento imediato/,
    ]);
    assert.equal((await call('GET', `/consents/${consentId}`, token)).body.data.status, 'AUTHORISED');

    const item = { endToEndId: buildEndToEndId('12345678', new Date()), localInstrument: 'MANU', payment: { amount: '12.34', currency: 'BRL' }, creditorAccount: CREDITOR, cnpjInitiator: '50685362000135' }; // prettier-ignore
    const paid = await call('POST', '/pix/payments', accessToken, [item]);
    assert.equal(paid.status, 201);
    const paymentId = String(paid.body.data[0]!.paymentId);
    assert.equal(paid.body.data[0]!.status, 'RCVD');
    assert.equal(await pollUntil(paymentId, token, ['ACSC', 'RJCT']), 'ACSC');
    assert.equal((await call('GET', `/consents/${consentId}`, token)).body.data.status, 'CONSUMED');

    const path = `/iniciadora/open-banking/webhook/v1/payments/v4/pix/payments/${paymentId}`;
    await waitFor(
      () => eco.webhooks.filter((w) => w.path === path).length >= 3,
      'ACCP, ACPD and ACSC notified',
    );
    for (const hook of eco.webhooks.filter((w) => w.path === path)) {
      assert.match(String(hook.clientSubject), /CN=api\.aurora\.localhost/);
      const [protectedHeader, , signature] = String(hook.headers[WEBHOOK_SIGNATURE_HEADER]).split('.');
      const verified = await flattenedVerify({ protected: protectedHeader!, payload: Buffer.from(hook.body).toString('base64url'), signature: signature! }, brandKeys); // prettier-ignore
      assert.equal(verified.protectedHeader?.aud, software.orgId);
      assert.match(String(hook.headers['x-webhook-interaction-id']), /^[0-9a-f-]{36}$/);
    }
  });

  it('schedules a payment (SCHD) that settles when its day comes', async () => {
    const token = await clientToken();
    const date = addDays(brasiliaDate(new Date()), 1);
    const created = await call(
      'POST',
      '/consents',
      token,
      consentRequest({ schedule: { single: { date } }, amount: '7.00' }),
    );
    const consentId = String(created.body.data.consentId);
    const accessToken = await authoriseInBrowser(consentId, [/R\$ 7,00/, /Agendado para/]);
    const item = { endToEndId: buildEndToEndId('12345678', { scheduledDate: date }), localInstrument: 'MANU', payment: { amount: '7.00', currency: 'BRL' }, creditorAccount: CREDITOR, cnpjInitiator: '50685362000135' }; // prettier-ignore
    const paid = await call('POST', '/pix/payments', accessToken, [item]);
    const paymentId = String(paid.body.data[0]!.paymentId);
    assert.equal(await pollUntil(paymentId, token, ['SCHD']), 'SCHD');
    released.add(date);
    assert.equal(await pollUntil(paymentId, token, ['ACSC', 'RJCT']), 'ACSC');
  });
});
