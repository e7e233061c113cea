import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { exportJWK, generateKeyPair } from 'jose';
import { Registry } from 'prom-client';
import { Agent } from 'undici';
import {
  createAuthorizationServer,
  type AuthorizationServer,
  type AuthzConsentView,
} from '../../authz/index.ts';
import { createTestPki, type TestPki } from '../../authz/testing/certificates.ts';
import { createTestDirectory, type TestDirectory } from '../../authz/testing/directory.ts';
import type { AuthzHarness } from '../../authz/testing/harness.ts';
import {
  createSampleBankConnector,
  createSamplePixRail,
  seedSampleBank,
  type SamplePixRail,
} from '../../sample-bank/index.ts';
import { createConsentModule } from '../../consents/index.ts';
import { createDirectoryClient } from '../../directory/index.ts';
import { systemClock } from '../../platform/clock/index.ts';
import { createTestCrypto } from '../../platform/crypto/testing.ts';
import { freePort } from '../../platform/db/index.ts';
import type { TestDatabase } from '../../platform/db/testing.ts';
import { createInProcessEventBus, createOutboxRelay } from '../../platform/events/index.ts';
import { createHttpApp, type PonteApp } from '../../platform/http/index.ts';
import { createJobs, type Jobs } from '../../platform/jobs/index.ts';
import { createLogger } from '../../platform/logger/index.ts';
import { paymentClientsFromProviders } from '../clients/payment-clients.ts';
import { createConsentKindRegistry } from '../consent-kinds/registry.ts';
import { paymentRoutes } from '../http/routes.ts';
import { createPaymentsModule, type PaymentsModule } from '../module.ts';
import { undiciWebhookSender } from '../webhooks/sender.ts';
import { fastQueues } from './harness.ts';

export const DEMO_PASSWORD = 'senha-de-teste';

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  clientSubject: string | undefined;
}

/**
 * Test helper: one holder brand of the simulated ecosystem as the outside world meets it, on
 * real TLS with client certificates: the FAPI-BR authorization server (authz) with the
 * consent-kind registry (payment consents → payments, the rest → consents), the payments API,
 * the sample bank with its Pix rail settling on pg-boss, the outbox relay feeding the webhook
 * dispatcher, the test directory (SSA, JWKS) and an initiator's webhook endpoint (mTLS).
 */
export async function startEcosystem(
  tdb: TestDatabase,
  options: { releaseAt?: (date: string) => Date } = {},
) {
  const logger = createLogger({ level: 'silent' });
  const closers: Array<() => Promise<unknown>> = [];
  const pki: TestPki = await createTestPki();
  const directory: TestDirectory = await createTestDirectory(pki);
  closers.push(() => directory.close());
  const { fieldCipher: cipher } = await createTestCrypto({ hashDomain: 'sample-bank.document' });
  await seedSampleBank({
    pool: tdb.pool,
    cipher,
    brandId: 'bank-a',
    customers: 12,
    seed: 21,
    asOf: '2025-06-30',
  });
  const connector = createSampleBankConnector({ db: tdb.db, cipher });

  const port = await freePort();
  const origin = `https://127.0.0.1:${port}`;
  const orgId = randomUUID();
  const sealKey = { ...(await exportJWK((await generateKeyPair('PS256', { extractable: true })).privateKey)), kid: 'bank-a-brseal', alg: 'PS256', use: 'sig' }; // prettier-ignore
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...sealPublic } = sealKey;
  const brandJwksUri = directory.publishJwks(orgId, 'bank-a-software', { keys: [sealPublic] });
  const idTokenKey = { ...(await exportJWK((await generateKeyPair('PS256', { extractable: true })).privateKey)), kid: 'bank-a-as' }; // prettier-ignore

  const jobs: Jobs = await createJobs({
    connection: tdb.url,
    logger,
    queues: fastQueues(),
    pollingIntervalSeconds: 0.5,
  });
  closers.push(() => jobs.stop());
  const keys = createDirectoryClient({ participantsUrl: `${directory.keystoreOrigin}/participants`, keystoreJwksUrl: `${directory.keystoreOrigin}/openbanking.jwks`, ssaIssuer: 'unused', clock: systemClock, ca: pki.caPem }); // prettier-ignore
  closers.push(() => keys.close());
  const late: { payments?: PaymentsModule; authz?: AuthorizationServer } = {};
  const pix: SamplePixRail = createSamplePixRail(
    { db: tdb.db, cipher, jobs },
    { settleDelayMs: 200, onFinished: (b, e) => late.payments?.transferFinished(b, e) },
  );
  const { fieldCipher: paymentsCipher } = await createTestCrypto({ hashDomain: 'payments' });
  const payments = createPaymentsModule(
    {
      db: tdb.db,
      clock: systemClock,
      cipher: paymentsCipher,
      jobs,
      pix,
      clients: paymentClientsFromProviders(() => late.authz?.provider, { clock: systemClock, ttlMs: 0 }),
      keys,
      logger,
      options: { reconcileDelayMs: 300, reconcileMaxDelayMs: 1_000, sweepIntervalSeconds: 1, ...(options.releaseAt ? { releaseAt: options.releaseAt } : {}) }, // prettier-ignore
    },
    {
      brands: [{ id: 'bank-a', name: 'Banco Aurora', orgId, urnNamespace: 'aurora', apiBaseUrl: origin, signingKey: sealKey, theme: { primaryColor: '#7a1fa2' } }], // prettier-ignore
    },
  );
  late.payments = payments;
  const dataConsents = createConsentModule({ db: tdb.db, clock: systemClock, documents: paymentsCipher }, { clients: { getClientName: () => Promise.resolve(undefined) } }); // prettier-ignore
  const consents = createConsentKindRegistry<AuthzConsentView>({
    kinds: [
      {
        name: 'payments',
        owns: (b, c) => payments.authorization.owns(b, c),
        consents: payments.authorization,
      },
    ],
    fallback: dataConsents.authorization,
  });
  const authz = createAuthorizationServer({
    brand: { id: 'bank-a', name: 'Banco Aurora', orgId, cnpj: '11222333000181', issuer: `${origin}/auth`, apiBaseUrl: `${origin}/open-banking`, theme: { primaryColor: '#7a1fa2' }, signingKey: idTokenKey }, // prettier-ignore
    db: tdb.db,
    directory,
    consents,
    connector,
    clock: systemClock,
    logger,
    simulatorCa: pki.caPem,
    demoPassword: DEMO_PASSWORD,
  });
  late.authz = authz;
  const app: PonteApp = createHttpApp({
    logger,
    metrics: new Registry(),
    readinessChecks: [],
    clock: systemClock,
    options: { defaultMetrics: false, tls: { key: pki.server.key, cert: pki.server.cert, ca: pki.caPem } },
  });
  await authz.mount(app);
  await app.register(paymentRoutes, { payments, verifier: authz.verifier, brands: () => 'bank-a' });
  await app.listen({ port, host: '127.0.0.1' });
  closers.push(
    () => authz.close(),
    () => app.close(),
  );

  // Webhooks: events → dispatcher → signed POST over mTLS with the brand's transport certificate.
  const transport = await pki.issueClient({
    softwareId: 'bank-a-software',
    orgId,
    commonName: 'api.aurora.localhost',
  });
  const brandAgent = new Agent({ connect: { ca: pki.caPem, key: transport.key, cert: transport.cert } });
  closers.push(() => brandAgent.close());
  const bus = createInProcessEventBus({ logger });
  payments.subscribeWebhooks(bus);
  const relay = createOutboxRelay({ db: tdb.db, bus, logger, pollIntervalMs: 200 });
  await relay.start();
  closers.push(() => relay.stop());
  await pix.startWorker();
  const workers = await payments.startWorkers({ sender: undiciWebhookSender(() => brandAgent) });
  closers.push(() => workers.stop());

  const webhooks: ReceivedWebhook[] = [];
  const webhookServer: Server = createServer(
    {
      key: pki.server.key,
      cert: pki.server.cert,
      ca: pki.caPem,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const clientSubject = (req.socket as TLSSocket).getPeerX509Certificate()?.subject;
        webhooks.push({ path: req.url ?? '', headers: req.headers, body, clientSubject });
        res
          .writeHead(202, { 'x-webhook-interaction-id': String(req.headers['x-webhook-interaction-id']) })
          .end();
      });
    },
  );
  await new Promise<void>((resolve) => webhookServer.listen(0, '127.0.0.1', resolve));
  const webhookBase = `https://127.0.0.1:${(webhookServer.address() as AddressInfo).port}/iniciadora`;

  const agents: Agent[] = [];
  /** What authz's test helpers (software, relying party) need of a harness. */
  const authzLike = {
    pki,
    directory,
    issuer: authz.issuer,
    agent(certificate?: { key: string; cert: string }) {
      const agent = new Agent({ connect: { ca: pki.caPem, ...(certificate ? { key: certificate.key, cert: certificate.cert } : {}) } }); // prettier-ignore
      agents.push(agent);
      return agent;
    },
  } as unknown as AuthzHarness;

  return {
    origin,
    orgId,
    brandJwksUri,
    pki,
    connector,
    pix,
    payments,
    authz,
    authzLike,
    webhooks,
    webhookBase,
    async close() {
      webhookServer.closeAllConnections();
      await new Promise<void>((resolve) => webhookServer.close(() => resolve()));
      for (const close of closers.reverse()) await close();
      await Promise.all(agents.map((a) => a.close()));
    },
  };
}

export type Ecosystem = Awaited<ReturnType<typeof startEcosystem>>;
