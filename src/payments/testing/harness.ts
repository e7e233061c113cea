import type { X509Certificate } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { after } from 'node:test';
import { compactVerify, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import {
  createSamplePixRail,
  sampleBankQueues,
  seedSampleBank,
  type SamplePixOptions,
  type SamplePixRail,
} from '../../sample-bank/index.ts';
import { createTestCrypto } from '../../platform/crypto/testing.ts';
import { createDatabase, createPool } from '../../platform/db/index.ts';
import type { TestDatabase } from '../../platform/db/testing.ts';
import { createTestHttpApp } from '../../platform/http/testing.ts';
import { allQueues } from '../../app/queues.ts';
import { createJobs, type Jobs, type JobQueues } from '../../platform/jobs/index.ts';
import { createLogger } from '../../platform/logger/index.ts';
import { createCertificateAuthority } from '../../pki/index.ts';
import { systemClock } from '../../platform/clock/index.ts';
import { PAYMENTS_PATH, type PaymentsBrand } from '../brand.ts';
import type { PaymentClient } from '../clients/payment-clients.ts';
import type { PaymentsOptions } from '../context.ts';
import type { JwksSource } from '../jws/directory-keys.ts';
import { paymentsQueues } from '../jobs.ts';
import { createPaymentsModule, type PaymentsModule } from '../module.ts';
import { paymentRoutes } from '../http/routes.ts';
import { createTestInitiator, type TestInitiator } from './initiator.ts';
import type { WebhookSender } from '../webhooks/sender.ts';
import { createFakeTokens, movableClock } from './tokens.ts';

type Hooks = Parameters<typeof createTestHttpApp>[0];
const fileHooks: Hooks = { after };

/** Queues as in production (the installation's and the sample bank's), with retries fast enough for tests. */
export function fastQueues(queues: JobQueues = { ...allQueues, ...sampleBankQueues }): JobQueues {
  return Object.fromEntries(
    Object.entries(queues).map(([name, q]) => [name, { ...q, retryDelaySeconds: q.retryLimit > 0 ? 1 : 0, retryBackoff: false, retryDelayMaxSeconds: undefined }]), // prettier-ignore
  );
}

export interface PayerFixture {
  customerId: string;
  accountId: string;
  available: string;
  /** Available plus the contracted overdraft: what a Pix may take. */
  funds: string;
}

/**
 * A natural person's available account of a seeded brand: the richest (rank 0), the next ones,
 * or from the poorest end (`poorest: true`).
 */
export async function payerOf(
  tdb: TestDatabase,
  brandId: string,
  rank = 0,
  poorest = false,
): Promise<PayerFixture> {
  const { rows } = await tdb.pool.query<PayerFixture>(
    `SELECT a.customer_id AS "customerId", a.id AS "accountId", a.available_amount AS available,
            a.available_amount + COALESCE(a.overdraft_contracted_limit, 0) AS funds
       FROM sample_bank.accounts a JOIN sample_bank.customers c ON c.id = a.customer_id
      WHERE a.brand_id = $1 AND a.status = 'AVAILABLE' AND c.person_type = 'PESSOA_NATURAL'
      ORDER BY a.available_amount ${poorest ? 'ASC' : 'DESC'}, a.id OFFSET $2 LIMIT 1`,
    [brandId, rank],
  );
  const payer = rows[0];
  if (payer === undefined) throw new Error(`no payer of rank ${rank} at ${brandId}`);
  return payer;
}

export async function brandKey(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('PS256', { modulusLength: 2048, extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'PS256', use: 'sig' };
}

/**
 * Test helper: the payments module and its routes on an `inject` test app over a seeded sample
 * bank, real pg-boss, two initiators (A and B) in an in-memory directory, fake access tokens
 * bound to their certificates (forwarded in `x-client-cert`, proxy mode). Start it at the top
 * level of a test file (like `createTestDatabase`): it closes after the file's tests.
 */
export async function startPaymentsHarness(
  tdb: TestDatabase,
  options: {
    payments?: PaymentsOptions;
    pix?: SamplePixOptions;
    workers?: boolean;
    /** Replaces queue settings (e.g. fewer webhook retries). */
    queues?: JobQueues;
    webhookSender?: WebhookSender;
  } = {},
) {
  const clock = movableClock();
  const { fieldCipher: cipher } = await createTestCrypto({ hashDomain: 'payments' });
  const logger = createLogger({ level: 'silent' });
  const pki = await createCertificateAuthority({ clock: systemClock, label: 'Ponte Pagamentos Teste' });
  await seedSampleBank({
    pool: tdb.pool,
    cipher,
    brandId: 'bank-a',
    customers: 12,
    seed: 11,
    asOf: '2025-06-30',
  });
  const brand: PaymentsBrand = {
    id: 'bank-a',
    name: 'Banco A',
    orgId: randomUUID(),
    urnNamespace: 'banka',
    apiBaseUrl: 'https://api.bank-a.test',
    signingKey: await brandKey('bank-a-seal'),
    theme: { primaryColor: '#0b5394' },
  };
  const published = new Map<string, { keys: Array<Record<string, unknown>> }>();
  const keys: JwksSource = {
    fetchJwks: (uri) =>
      published.has(uri) ? Promise.resolve(published.get(uri)!) : Promise.reject(new Error('404')),
  };
  const initiators: Record<'A' | 'B', TestInitiator & { certificate: X509Certificate }> = {} as never;
  const registry = new Map<string, PaymentClient>();
  for (const name of ['A', 'B'] as const) {
    const jwksUri = `https://directory.test/${name}/application.jwks`;
    const initiator = await createTestInitiator({
      name,
      audience: brand.orgId,
      jwksUri,
      now: () => clock.now(),
    });
    published.set(jwksUri, { keys: [initiator.signingKey.jwk] });
    const { certificate } = await pki.issueTransportCertificate({
      commonName: `initiator-${name.toLowerCase()}.localhost`,
      softwareStatementId: randomUUID(),
      orgId: initiator.orgId,
      organizationName: `Iniciadora ${name} Ltda.`,
      cnpj: '50685362000135',
      locality: 'São Paulo',
      state: 'SP',
    });
    initiators[name] = Object.assign(initiator, { certificate });
    registry.set(initiator.clientId, {
      clientId: initiator.clientId,
      orgId: initiator.orgId,
      name: `Iniciador ${name}`,
      jwksUris: [jwksUri],
      webhookUris: [],
    });
  }
  const jobs: Jobs = await createJobs({
    connection: tdb.url,
    logger,
    queues: { ...fastQueues(), ...options.queues },
    pollingIntervalSeconds: 0.5,
  });
  fileHooks.after(() => jobs.stop());
  // The rail tells the module when a transfer ends; the module is built after the rail.
  const late: { payments?: PaymentsModule } = {};
  const pix: SamplePixRail = createSamplePixRail(
    { db: tdb.db, cipher, jobs, clock },
    { settleDelayMs: 100, ...options.pix, onFinished: (b, e) => late.payments?.transferFinished(b, e) },
  );
  const payments = createPaymentsModule(
    {
      db: tdb.db,
      clock,
      cipher,
      jobs,
      pix,
      clients: { find: (_brandId, clientId) => Promise.resolve(registry.get(clientId)) },
      keys,
      logger,
      options: { reconcileDelayMs: 200, reconcileMaxDelayMs: 1_000, ...options.payments },
    },
    { brands: [brand] },
  );
  late.payments = payments;
  const tokens = createFakeTokens(clock);
  const { app } = createTestHttpApp(fileHooks, {
    clock,
    options: {
      clientCertificates: { mode: 'proxy', header: 'x-client-cert', trustedProxies: ['127.0.0.1'] },
    },
  });
  await app.register(paymentRoutes, { payments, verifier: tokens.verifier, brands: () => brand.id });
  if (options.workers !== false) {
    await pix.startWorker();
    fileHooks.after(() => Promise.resolve(pix.stopWorker()));
    const workers = await payments.startWorkers({
      sender: options.webhookSender ?? { post: () => Promise.resolve({ status: 202 }) },
      webhookMaxAttempts:
        (options.queues?.['payments.webhook'] ?? paymentsQueues['payments.webhook']).retryLimit + 1,
    });
    fileHooks.after(() => workers.stop());
  }
  /** Another process of the same installation: its own pool, module and HTTP app, same database. */
  async function startProcess() {
    const pool = createPool(tdb.url, 10);
    fileHooks.after(() => pool.end());
    const other = createPaymentsModule(
      {
        ...payments.context,
        db: createDatabase(pool),
        options: { reconcileDelayMs: 200, ...options.payments },
      },
      { brands: [brand] },
    );
    const second = createTestHttpApp(fileHooks, {
      clock,
      options: {
        clientCertificates: { mode: 'proxy', header: 'x-client-cert', trustedProxies: ['127.0.0.1'] },
      },
    });
    await second.app.register(paymentRoutes, {
      payments: other,
      verifier: tokens.verifier,
      brands: () => brand.id,
    });
    return { app: second.app, payments: other };
  }
  const brandPublic = await importJWK({ ...brand.signingKey, d: undefined, p: undefined, q: undefined, dp: undefined, dq: undefined, qi: undefined }, 'PS256'); // prettier-ignore
  return {
    app,
    brand,
    clock,
    cipher,
    jobs,
    pix,
    payments,
    tokens,
    initiators,
    registry,
    published,
    pki,
    brandPublic,
    startProcess,
  };
}

export type PaymentsHarness = Awaited<ReturnType<typeof startPaymentsHarness>>;

/** Opens a signed answer: checks the content type and the brand's signature, returns the claims. */
export async function opened(h: PaymentsHarness, res: { headers: Record<string, unknown>; body: string }) {
  if (!String(res.headers['content-type']).startsWith('application/jwt')) {
    throw new Error(`not a signed answer (${String(res.headers['content-type'])}): ${res.body}`);
  }
  const { payload, protectedHeader } = await compactVerify(res.body, h.brandPublic);
  if (
    protectedHeader.alg !== 'PS256' ||
    protectedHeader.kid !== 'bank-a-seal' ||
    protectedHeader.typ !== 'JWT'
  ) {
    throw new Error(`unexpected JOSE header ${JSON.stringify(protectedHeader)}`);
  }
  return JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown> & {
    data: Record<string, unknown> & Array<Record<string, unknown>>;
    errors?: Array<{ code: string; title: string; detail: string }>;
  };
}

export function consentsUrl(suffix = ''): string {
  return `${PAYMENTS_PATH}/consents${suffix}`;
}
export function paymentsUrl(suffix = ''): string {
  return `${PAYMENTS_PATH}/pix/payments${suffix}`;
}
