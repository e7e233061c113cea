import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Registry } from 'prom-client';
import type { Browser } from 'playwright-core';
import type { SimulatedServer } from '../src/sim/ecosystem.ts';
import { launchBrowser, logIn, openSession } from '../src/authz/testing/browser.ts';
import type { DirectoryClient } from '../src/directory/index.ts';
import { loadOrCreateCertificateAuthority } from '../src/pki/index.ts';
import { systemClock } from '../src/platform/clock/index.ts';
import { createTestDatabase } from '../src/platform/db/testing.ts';
import { receiverFromManifest } from './support/receiver.ts';
import { payingCustomer, reservePort, startSimulator } from './support/sim.ts';
import { createHttpApp, type PonteApp } from '../src/platform/http/index.ts';
import { waitFor } from '../src/platform/jobs/testing.ts';
import { createLogger } from '../src/platform/logger/index.ts';
import { receiverRoutes, type Receiver } from '../src/receiver/index.ts';
import type { SimManifest } from '../src/sim/manifest.ts';

/**
 * Payment initiation in two calls through the receiver, against the simulated ecosystem: the
 * first call lodges the signed consent and answers the authorisation URL, the customer confirms
 * in Chromium, the callback completes it, the second call sends the signed Pix payment, and the
 * holder's signed webhooks reach the receiver's own mTLS origin (the software's webhook URI),
 * which verifies them and asks the holder for the new status.
 */
const tdb = await createTestDatabase();
const CREDITOR_ACCOUNT = { ispb: '99999999', issuer: '0001', number: '1234567', accountType: 'CACC' };
const CREDITOR = { name: 'Loja Exemplo Ltda', document: '11.222.333/0001-81', account: CREDITOR_ACCOUNT };

interface Hook {
  url: string;
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
}

describe('receiver: Pix payment initiation in two calls against the simulated ecosystem', () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let server: SimulatedServer;
  let manifest: SimManifest;
  let browser: Browser;
  let receiver: Receiver;
  let app: PonteApp;
  let directory: DirectoryClient;
  let redirectOrigin: string;
  const hooks: Hook[] = [];

  const rows = async (sql: string, params: unknown[] = []) =>
    (await tdb.pool.query<Record<string, unknown>>(sql, params)).rows;
  const paymentRowCounts = async () => ({
    consents: (await rows(`SELECT id FROM receiver_consents WHERE kind = 'PAYMENT'`)).length,
    details: (await rows('SELECT id FROM receiver_payment_consents')).length,
    payments: (await rows('SELECT id FROM receiver_payments')).length,
  });

  before(async () => {
    // The receiver's origin (the software's redirect and webhook URIs) is a port this test holds.
    const origin = await reservePort();
    [sim, browser] = await Promise.all([
      startSimulator(tdb, 'ponte-receiver-pay', { PONTE_SIM_CLIENT_ORIGIN: origin.origin }),
      launchBrowser(),
    ]);
    ({ server } = sim);
    manifest = server.ecosystem.manifest;
    const simDir = sim.simDir;
    const built = await receiverFromManifest({
      server,
      simDir,
      logger: createLogger({ level: 'warn' }),
      returnUrl: 'https://app.example/payments/done',
      // Only a webhook can bring a newer status during this test: reads never ask the holder.
      receiver: { paymentStaleAfterMs: 10 * 60_000 },
    });
    ({ receiver, directory } = built);
    const software = built.software;
    redirectOrigin = new URL(software.redirectUris[0]!).origin;
    // The receiver's own origin over mTLS, on the port of the software's webhook URI.
    const ca = await loadOrCreateCertificateAuthority({ dir: path.join(simDir, 'ca'), clock: systemClock });
    const tls = await ca.issueServerCertificate({
      commonName: 'localhost',
      organizationName: 'Fintech Alfa',
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1'],
    });
    app = createHttpApp({
      logger: server.logger,
      metrics: new Registry(),
      clock: systemClock,
      readinessChecks: [],
      options: {
        defaultMetrics: false,
        tls: { key: tls.privateKeyPem, cert: tls.chainPem, ca: ca.trustBundlePem },
      },
    });
    app.addHook('onResponse', async (request, reply) => {
      if (!request.url.startsWith('/open-banking/webhook/')) return;
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      hooks.push({ url: request.url, status: reply.statusCode, headers: { ...request.headers }, body });
    });
    await app.register(receiverRoutes, { receiver, clock: systemClock });
    const webhookUri = new URL(software.webhookUris[0]!);
    assert.equal(Number(webhookUri.port), origin.port);
    await origin.release();
    await app.listen({ host: webhookUri.hostname, port: Number(webhookUri.port) });
    const registered = await receiver.registerEverywhere();
    assert.ok(registered.every((r) => r.status === 'REGISTERED'));
  });
  after(async () => {
    await app?.close();
    await receiver?.close();
    await directory?.close();
    await browser?.close();
    await sim?.close();
  });

  const firstCall = (body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/receiver/v1/payments/consents', payload: body });
  const secondCall = (id: string) =>
    app.inject({ method: 'POST', url: `/receiver/v1/payments/consents/${id}/pix` });
  const codeOf = (response: { json: <T>() => T }) =>
    response.json<{ errors: Array<{ code: string }> }>().errors[0]!.code;

  it('refuses bad payment requests with clear errors and writes nothing', async () => {
    const brand = manifest.brands[1]!;
    const customer = brand.customers.find((c) => c.type === 'PF')!;
    const good = { document: customer.cpf, holder: brand.orgId, amount: '7.89', creditor: CREDITOR };
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...good, holder: 'no-such-bank' }, 404, 'RECEIVER_UNKNOWN_HOLDER'],
      [{ ...good, document: '123.456.789-00' }, 422, 'RECEIVER_INVALID_DOCUMENT'],
      [{ ...good, amount: '-5.00' }, 422, 'RECEIVER_INVALID_AMOUNT'],
      [{ ...good, amount: '7,8,9' }, 422, 'RECEIVER_INVALID_AMOUNT'],
      [{ ...good, amount: '0.00' }, 422, 'RECEIVER_INVALID_AMOUNT'],
      [{ ...good, amount: '1.234' }, 422, 'RECEIVER_INVALID_AMOUNT'],
      [
        { ...good, creditor: { ...CREDITOR, document: '11.222.333/0001-00' } },
        422,
        'RECEIVER_INVALID_CREDITOR',
      ],
      [
        { ...good, creditor: { ...CREDITOR, account: { ...CREDITOR_ACCOUNT, issuer: undefined } } },
        422,
        'RECEIVER_INVALID_CREDITOR',
      ],
      [{ ...good, date: '2020-01-01' }, 422, 'RECEIVER_INVALID_PAYMENT_DATE'],
      [{ ...good, date: '2031-02-30' }, 422, 'RECEIVER_INVALID_PAYMENT_DATE'],
      [
        { ...good, creditor: { ...CREDITOR, account: { ...CREDITOR_ACCOUNT, ispb: '123' } } },
        400,
        'PARAMETRO_INVALIDO',
      ],
    ];
    for (const [body, status, code] of cases) {
      const response = await firstCall(body);
      assert.equal(response.statusCode, status, `${JSON.stringify(body)}: ${response.body}`);
      assert.equal(codeOf(response), code, response.body);
    }
    const unknown = await secondCall('00000000-0000-4000-8000-000000000000');
    assert.equal(unknown.statusCode, 404, unknown.body);
    assert.deepEqual(await paymentRowCounts(), { consents: 0, details: 0, payments: 0 });
  });

  it('pays in two calls to ACSC, with the holder’s signed webhook verified and the status recorded', async () => {
    const brand = manifest.brands[1]!;
    const customer = await payingCustomer(server, 1);
    const created = await firstCall({
      document: customer.cpf,
      holder: brand.orgId,
      amount: '7,89',
      creditor: CREDITOR,
      remittanceInformation: 'Pedido 42',
    });
    assert.equal(created.statusCode, 201, created.body);
    const consent = created.json<{
      data: {
        id: string;
        consentId: string;
        status: string;
        holderStatus: string;
        kind: string;
        authorisationUrl: string;
      };
    }>().data;
    assert.equal(consent.status, 'AWAITING_AUTHORISATION');
    assert.equal(consent.holderStatus, 'AWAITING_AUTHORISATION');
    assert.equal(consent.kind, 'PAYMENT');
    assert.match(consent.consentId, /^urn:/);

    // The customer has not authorised yet: the second call is refused and writes nothing.
    const early = await secondCall(consent.id);
    assert.equal(early.statusCode, 409, early.body);
    assert.equal(codeOf(early), 'RECEIVER_CONSENT_NOT_ACTIVE');
    assert.equal((await paymentRowCounts()).payments, 0);

    // Personal data of the order is encrypted at rest.
    const [stored] = await rows('SELECT request_encrypted FROM receiver_payment_consents WHERE id = $1', [
      consent.id,
    ]);
    const ciphertext = (stored!.request_encrypted as Buffer).toString('latin1');
    assert.doesNotMatch(ciphertext, /7\.89|11222333000181|Loja Exemplo/);

    const session = await openSession(browser, redirectOrigin);
    let params: URLSearchParams;
    try {
      await session.page.goto(consent.authorisationUrl);
      await logIn(session.page, customer.cpf, customer.password);
      await session.page.getByRole('heading', { name: 'Confirmar pagamento Pix' }).waitFor();
      assert.match(await session.page.locator('main').innerText(), /R\$ 7,89/);
      await session.page.locator('input[type=radio]').first().check();
      await session.page.getByRole('button', { name: 'Confirmar pagamento' }).click();
      params = new URLSearchParams((await session.callback).hash.slice(1));
    } finally {
      await session.close();
    }
    const callback = await app.inject({ method: 'GET', url: `/receiver/v1/callback?${params.toString()}` });
    assert.equal(callback.statusCode, 303, callback.body);
    assert.match(String(callback.headers.location), /status=AUTHORISED/);

    const paid = await secondCall(consent.id);
    assert.equal(paid.statusCode, 201, paid.body);
    const payment = paid.json<{
      data: { id: string; paymentId: string; status: string; endToEndId: string };
    }>().data;
    assert.ok(payment.paymentId);
    assert.match(
      payment.endToEndId,
      /^E44455566\d{12}[a-zA-Z0-9]{11}$/,
      'our ISPB (the CNPJ root) and the UTC minute',
    );
    assert.notEqual(payment.status, 'PENDING');

    // A retry of the second call is the same payment, with the same idempotency key.
    const retry = await secondCall(consent.id);
    assert.equal(retry.statusCode, 200, retry.body);
    assert.equal(retry.json<{ data: { paymentId: string } }>().data.paymentId, payment.paymentId);
    assert.equal((await paymentRowCounts()).payments, 1);
    const [consentRow] = await rows('SELECT status, access_token FROM receiver_consents WHERE id = $1', [
      consent.id,
    ]);
    assert.equal(consentRow!.status, 'CONSUMED');
    assert.equal(consentRow!.access_token, null);

    // The holder's webhooks arrive over mTLS, are verified and acknowledged with 202, and the
    // status the receiver then asks for reaches ACSC (reads never ask the holder in this test).
    const paymentHook = `/open-banking/webhook/v1/payments/v4/pix/payments/${payment.paymentId}`;
    let status = '';
    await waitFor(
      async () => {
        const read = await app.inject({ method: 'GET', url: `/receiver/v1/payments/${payment.id}` });
        status = read.json<{ data: { status: string } }>().data.status;
        return status === 'ACSC' || status === 'RJCT';
      },
      'the payment settling through webhooks',
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    assert.equal(status, 'ACSC');
    const received = hooks.filter((h) => h.url === paymentHook);
    assert.ok(received.length > 0, 'a payment webhook was received');
    assert.ok(received.every((h) => h.status === 202));
    assert.ok(
      hooks.some((h) => h.url.includes('/consents/') && h.status === 202),
      'a consent webhook too',
    );
    const events = await rows(
      `SELECT payload FROM outbox_events WHERE type = 'receiver-payment.status-changed' AND aggregate_id = $1 ORDER BY seq`,
      [payment.id],
    );
    assert.deepEqual(events.map((e) => (e.payload as { status: string }).status).at(-1), 'ACSC');
    const consentView = await app.inject({
      method: 'GET',
      url: `/receiver/v1/payments/consents/${consent.id}`,
    });
    assert.equal(consentView.statusCode, 200, consentView.body);
    assert.equal(consentView.json<{ data: { payment: { status: string } } }>().data.payment.status, 'ACSC');

    // Forgeries of that webhook are refused; the genuine one is accepted again (202).
    const genuine = received[0]!;
    const signature = String(genuine.headers['x-jws-signature']);
    const post = (body: string | Buffer, headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: paymentHook,
        payload: body,
        headers: { 'content-type': 'application/json', 'x-webhook-interaction-id': 'abc-123', ...headers },
      });
    const again = await post(genuine.body, { 'x-jws-signature': signature });
    assert.equal(again.statusCode, 202, again.body);
    assert.equal(again.headers['x-webhook-interaction-id'], 'abc-123');
    const tamperedBody = await post(genuine.body.toString().replace(/"timestamp":"\d/, '"timestamp":"1'), {
      'x-jws-signature': signature,
    });
    assert.equal(tamperedBody.statusCode, 401, tamperedBody.body);
    assert.equal(codeOf(tamperedBody), 'RECEIVER_WEBHOOK_SIGNATURE_INVALID');
    const [header, , sig] = signature.split('.');
    const flipped = `${header}..${(sig![0] === 'A' ? 'B' : 'A') + sig!.slice(1)}`;
    const tamperedSignature = await post(genuine.body, { 'x-jws-signature': flipped });
    assert.equal(tamperedSignature.statusCode, 401, tamperedSignature.body);
    const unsigned = await post(genuine.body, {});
    assert.equal(unsigned.statusCode, 400, unsigned.body);
    assert.equal(codeOf(unsigned), 'RECEIVER_WEBHOOK_SIGNATURE_MISSING');
    const garbage = await post(genuine.body, { 'x-jws-signature': 'not-a-jws' });
    assert.equal(garbage.statusCode, 400, garbage.body);
  });
});
