import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { after, describe, it } from 'node:test';
import { flattenedVerify } from 'jose';
import { Agent } from 'undici';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { createInProcessEventBus, createOutboxRelay } from '../../platform/events/index.ts';
import { paymentsQueues } from '../jobs.ts';
import { waitFor } from '../../platform/jobs/testing.ts';
import { createLogger } from '../../platform/logger/index.ts';
import { payerOf, startPaymentsHarness } from '../testing/harness.ts';
import { paidOnce, waitForStatus } from '../testing/flows.ts';
import { WEBHOOK_SIGNATURE_HEADER } from './deliver.ts';
import { undiciWebhookSender, type WebhookSender } from './sender.ts';

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  clientCertificate: string | undefined;
}

const tdb = await createTestDatabase();
const late: { sender?: WebhookSender } = {};
const h = await startPaymentsHarness(tdb, {
  queues: { 'payments.webhook': { ...paymentsQueues['payments.webhook'], retryLimit: 2, retryDelaySeconds: 1, retryBackoff: false, retryDelayMaxSeconds: undefined } }, // prettier-ignore
  webhookSender: { post: (input) => late.sender!.post(input) },
});
const payer = await payerOf(tdb, 'bank-a');

// The initiator's webhook endpoint: HTTPS that demands a client certificate of the ecosystem.
const serverCert = await h.pki.issueServerCertificate({ commonName: 'localhost', organizationName: 'Iniciadora A', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] }); // prettier-ignore
const received: Received[] = [];
let answer: (path: string) => number = () => 202;
const server: Server = createServer(
  { key: serverCert.privateKeyPem, cert: serverCert.chainPem, ca: h.pki.trustBundlePem, requestCert: true, rejectUnauthorized: true }, // prettier-ignore
  (req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const peer = (req.socket as TLSSocket).getPeerX509Certificate();
      received.push({ path: req.url ?? '', headers: req.headers, body, clientCertificate: peer?.subject });
      res.writeHead(answer(req.url ?? '')).end();
    });
  },
);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}/ponte-hooks`;
h.registry.get(h.initiators.A.clientId)!.webhookUris.push(base);

// The brand presents its transport certificate (Convenção de Webhook: mTLS, BRCAC).
const brandTransport = await h.pki.issueTransportCertificate({ commonName: 'api.bank-a.test', softwareStatementId: 'bank-a-software', orgId: h.brand.orgId, organizationName: 'Banco A S.A.', cnpj: '11222333000181', locality: 'Brasília', state: 'DF' }); // prettier-ignore
const agent = new Agent({
  connect: { ca: h.pki.trustBundlePem, key: brandTransport.privateKeyPem, cert: brandTransport.chainPem },
});
late.sender = undiciWebhookSender(() => agent);

// Status events reach the dispatcher through the outbox relay, as in the running server.
const bus = createInProcessEventBus({ logger: createLogger({ level: 'silent' }) });
h.payments.subscribeWebhooks(bus);
const relay = createOutboxRelay({
  db: tdb.db,
  bus,
  logger: createLogger({ level: 'silent' }),
  pollIntervalMs: 100,
});
await relay.start();

const publicJwk = { ...h.brand.signingKey, d: undefined, p: undefined, q: undefined, dp: undefined, dq: undefined, qi: undefined }; // prettier-ignore

async function verified(hook: Received) {
  const detached = String(hook.headers[WEBHOOK_SIGNATURE_HEADER]);
  const [protectedHeader, empty, signature] = detached.split('.');
  assert.equal(empty, '', 'the payload is detached');
  const { protectedHeader: header } = await flattenedVerify(
    {
      protected: protectedHeader!,
      payload: Buffer.from(hook.body).toString('base64url'),
      signature: signature!,
    },
    publicJwk,
    { algorithms: ['PS256'] },
  );
  return header;
}

describe('webhooks to the initiator (webhook 1.2.0)', () => {
  // Before the file's own cleanup (jobs, database): keep-alive sockets would hold the server open.
  after(async () => {
    await relay.stop();
    await agent.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('notifies every status change, signed by the brand, over mTLS, one interaction id per attempt', async () => {
    const { paymentId, consentId } = await paidOnce(h, payer);
    await waitForStatus(h, paymentId, ['ACSC']);
    const paymentPath = `/ponte-hooks/open-banking/webhook/v1/payments/v4/pix/payments/${paymentId}`;
    await waitFor(
      () => received.filter((r) => r.path === paymentPath).length === 3,
      'ACCP, ACPD and ACSC notified',
    );
    const consentPath = `/ponte-hooks/open-banking/webhook/v1/payments/v4/consents/${consentId}`;
    await waitFor(
      () => received.filter((r) => r.path === consentPath).length === 2,
      'AUTHORISED and CONSUMED notified',
    );
    for (const hook of received) {
      assert.match(String(hook.clientCertificate), /CN=api\.bank-a\.test/);
      assert.equal(hook.headers['content-type'], 'application/json');
      const body = JSON.parse(hook.body) as { data: { timestamp: string } };
      assert.match(body.data.timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const header = await verified(hook);
      assert.equal(header?.kid, 'bank-a-seal');
      assert.equal(header?.iss, h.brand.orgId);
      assert.equal(header?.aud, h.initiators.A.orgId);
    }
    const ids = received.map((r) => r.headers['x-webhook-interaction-id']);
    assert.equal(new Set(ids).size, ids.length);
    const tampered = { ...received[0]!, body: received[0]!.body.replace('Z"', 'Z" ') };
    await assert.rejects(verified(tampered));
  });

  it('retries a failing initiator with a new interaction id each time, and records each attempt', async () => {
    let failures = 2;
    answer = (path) => (path.includes('/pix/payments/') && failures-- > 0 ? 503 : 202);
    received.length = 0;
    const { paymentId } = await paidOnce(h, payer);
    await waitForStatus(h, paymentId, ['ACSC']);
    await waitFor(async () => (await h.payments.webhookAttempts(h.brand.id, paymentId)).filter((a) => a.outcome === 'DELIVERED').length === 3, 'all three delivered'); // prettier-ignore
    const attempts = await h.payments.webhookAttempts(h.brand.id, paymentId);
    assert.deepEqual(attempts.map((a) => a.outcome).filter((o) => o === 'RETRY').length, 2);
    assert.equal(new Set(attempts.map((a) => a.interactionId)).size, attempts.length);
    answer = () => 202;
  });

  it('dead-letters a notification the initiator keeps refusing, visibly', async () => {
    answer = (path) => (path.includes('/pix/payments/') ? 500 : 202);
    const { paymentId } = await paidOnce(h, payer);
    await waitForStatus(h, paymentId, ['ACSC']);
    await waitFor(async () => (await h.payments.deadWebhooks()).some((j) => j.data.resourceId === paymentId), 'dead-lettered', { timeoutMs: 20_000 }); // prettier-ignore
    const attempts = await h.payments.webhookAttempts(h.brand.id, paymentId);
    assert.ok(attempts.some((a) => a.outcome === 'DEAD' && a.statusCode === 500 && a.attempt === 3));
    answer = (path) => (path.includes('/pix/payments/') ? 404 : 202);
    const refused = await paidOnce(h, payer);
    await waitForStatus(h, refused.paymentId, ['ACSC']);
    await waitFor(async () => (await h.payments.webhookAttempts(h.brand.id, refused.paymentId)).some((a) => a.outcome === 'DEAD' && a.attempt === 1), 'a 4xx is final at once'); // prettier-ignore
    answer = () => 202;
  });
});
