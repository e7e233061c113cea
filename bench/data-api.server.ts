/**
 * The server side of bench/data-api.bench.ts, in its own process: a seeded sample bank, an
 * authorised consent, the brand's mTLS app with Ponte's data APIs behind the full resource guard,
 * and a bare Fastify app on the same TLS setup answering the same JSON. Prints one JSON line
 * (`Ready`) and serves until SIGTERM; answers the driver's IPC (CPU time, profiles).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface Ready {
  ponte: string;
  bare: string;
  headers: Record<string, string>;
  bytes: number;
  tls: { ca: string; key: string; cert: string };
}

async function serve(): Promise<void> {
  const pg = (await import('pg')).default;
  const Fastify = (await import('fastify')).default;
  const { Agent, request } = await import('undici');
  const { Registry } = await import('prom-client');
  const { consentBrand, createConsentModule, createConsentResourceAccess } =
    await import('../src/consents/index.ts');
  const { createFakeVerifier } = await import('../src/consents/testing/fake-verifier.ts');
  const { createSampleBankConnector, generateCustomer, seedSampleBank } =
    await import('../src/sample-bank/index.ts');
  const { holderRoutes, createTrafficLimits, createPaginationKeys } = await import('../src/holder/index.ts');
  const { createCertificateAuthority } = await import('../src/pki/index.ts');
  const { systemClock } = await import('../src/platform/clock/index.ts');
  const { createTestCrypto } = await import('../src/platform/crypto/testing.ts');
  const { createDatabase, createPool, runMigrations, startEmbeddedPostgres } =
    await import('../src/platform/db/index.ts');
  const { withDatabase } = await import('../src/platform/db/testing.ts');
  const { createHttpApp } = await import('../src/platform/http/index.ts');
  const { createLogger } = await import('../src/platform/logger/index.ts');

  const BRAND = 'bench-bank';
  const day = (offset: number) =>
    new Date(Date.now() - 3 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const [from, today] = [day(-360), day(0)];

  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-api-bench-'));
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dir: scratch, database: 'postgres' });
  const adminUrl = process.env.DATABASE_URL ?? embedded!.url;
  const database = `ponte_api_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  const pool = createPool(withDatabase(adminUrl, database), 8);
  process.on('SIGTERM', () => {
    void (async () => {
      await pool.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(database)} WITH (FORCE)`);
      await admin.end();
      await embedded?.stop();
      await fs.rm(scratch, { recursive: true, force: true });
      process.exit(0);
    })();
  });

  await runMigrations(pool);
  const db = createDatabase(pool);
  const { fieldCipher: cipher } = await createTestCrypto({ hashDomain: 'sample-bank.document' });
  const g = { seed: 7, brandId: BRAND, asOf: today, customers: 40 };
  await seedSampleBank({ pool, cipher, ...g });
  const connector = createSampleBankConnector({ db, cipher });

  // A natural person with an account holding at least two pages of 25 in the window.
  let chosen: { cpf: string; customerId: string; accountId: string } | undefined;
  for (let i = 0; i < g.customers && chosen === undefined; i++) {
    const c = generateCustomer(g, i);
    const ref =
      c.personType === 'PESSOA_NATURAL'
        ? await connector.customers.findCustomer(BRAND, { type: 'CPF', number: c.document })
        : null;
    if (ref === null) continue;
    for (const { accountId } of (
      await connector.accounts.listAccounts(BRAND, ref, { page: { page: 1, pageSize: 10 } })
    ).items) {
      const window = { fromBookingDate: from, toBookingDate: today, paging: { page: 1, pageSize: 50 } };
      if ((await connector.accounts.listTransactions(BRAND, ref, accountId, window)).items.length === 50) {
        chosen = { cpf: c.document, customerId: ref.customerId, accountId };
        break;
      }
    }
  }
  if (chosen === undefined) {
    const counts = await pool.query(
      "SELECT count(*) FROM sample_bank.transactions WHERE transaction_date_time > now() - interval '90 days'",
    );
    throw new Error(
      `no account with two pages of transactions (${JSON.stringify(counts.rows)}, ${from}..${today})`,
    );
  }

  const { fieldCipher: documents } = await createTestCrypto({ hashDomain: 'consents.document' });
  const consents = createConsentModule(
    { db, clock: systemClock, documents },
    { clients: { getClientName: () => Promise.resolve('Bench') } },
  );
  const brand = consentBrand({
    id: BRAND,
    urnNamespace: 'bench',
    apiBaseUrl: 'https://127.0.0.1',
    connector,
  });
  const consent = await consents.service.create(brand, 'bench-client', {
    loggedUser: { document: { identification: chosen.cpf, rel: 'CPF' } },
    permissions: ['ACCOUNTS_READ', 'ACCOUNTS_TRANSACTIONS_READ', 'RESOURCES_READ'],
    expirationDateTime: `${day(180)}T00:00:00Z`,
  });
  await db.transaction((tx) =>
    consents.authorization.authorise(tx, BRAND, consent.consentId, {
      customer: { customerId: chosen.customerId, personType: 'PESSOA_NATURAL' },
      resources: [{ type: 'ACCOUNT', id: chosen.accountId }],
    }),
  );

  const ca = await createCertificateAuthority({ clock: systemClock, label: 'Ponte Bench' });
  const server = await ca.issueServerCertificate({
    commonName: 'localhost',
    organizationName: 'Banco Bench S.A.',
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1'],
  });
  const client = await ca.issueTransportCertificate({
    commonName: 'receiver.localhost', softwareStatementId: randomUUID(), orgId: randomUUID(),
    organizationName: 'Receptor Bench Ltda.', cnpj: '11222333000181', locality: 'São Paulo', state: 'SP',
  }); // prettier-ignore
  const tls = { key: server.privateKeyPem, cert: server.chainPem, ca: ca.trustBundlePem };

  const tokens = createFakeVerifier(systemClock);
  const token = tokens.issue({
    brandId: BRAND, clientId: 'bench-client', certificate: client.certificate, ttlSeconds: 3600,
    scopes: ['openid', 'accounts', 'resources', `consent:${consent.consentId}`],
    grantType: 'authorization_code', consentId: consent.consentId,
  }); // prettier-ignore

  const access = createConsentResourceAccess({ db });
  // Limits are on and counted in PostgreSQL, set above the load so that they measure, not refuse.
  const limits = createTrafficLimits({
    pool,
    clock: systemClock,
    activeConsents: (b, c) => access.countActiveForClient(b, c, new Date()),
    defaults: {
      globalTps: 1e9,
      tpm: { LOW: 1e9, MEDIUM: 1e9, MEDIUM_HIGH: 1e9 },
      operationalOverrides: { 'accounts.transactions': 1e9 },
    },
  });
  // Logs at warn: request lines are a deployment choice (stdout, collector), not the guard's cost.
  const logger = createLogger({ level: 'warn' });
  const app = createHttpApp({
    logger,
    metrics: new Registry(),
    readinessChecks: [],
    clock: systemClock,
    options: { tls, defaultMetrics: false },
  });
  await app.register(
    holderRoutes({
      brand: { id: BRAND, apiBaseUrl: 'https://127.0.0.1' }, connector, consents: access, verifier: tokens.verifier, limits,
      paginationKeys: createPaginationKeys({ secret: randomBytes(32), clock: systemClock }), clock: systemClock,
    }),
  ); // prettier-ignore
  const ponteUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const pathAndQuery = `/open-banking/accounts/v2/accounts/${chosen.accountId}/transactions?fromBookingDate=${from}&toBookingDate=${today}&page-size=25`;
  const headers = { authorization: `Bearer ${token}`, 'x-fapi-interaction-id': randomUUID() };

  // The baseline answers the very JSON Ponte answers for that page.
  const agent = new Agent({ connect: { ca: tls.ca, key: client.privateKeyPem, cert: client.chainPem } });
  const sample = await request(`${ponteUrl}${pathAndQuery}`, { headers, dispatcher: agent });
  const body = await sample.body.text();
  if (sample.statusCode !== 200) throw new Error(`Ponte answered ${sample.statusCode}: ${body}`);
  await agent.close();
  const bare = Fastify({
    https: { ...tls, requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2' },
  });
  bare.get('/open-banking/accounts/v2/accounts/:accountId/transactions', (_req, reply) =>
    reply.header('content-type', 'application/json; charset=utf-8').send(body),
  );
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
  const ready: Ready = {
    ponte: `${ponteUrl}${pathAndQuery}`,
    bare: `${bareUrl}${pathAndQuery}`,
    headers,
    bytes: Buffer.byteLength(body),
    tls: { ca: tls.ca, key: client.privateKeyPem, cert: client.chainPem },
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  await serverProbe();
}

/**
 * The driver asks the server process for its CPU time around each run (so the report can give
 * server CPU per request, whatever the load generator does) and, with BENCH_PROFILE, for a CPU
 * profile of one run only (written to bench/profiles/).
 */
async function serverProbe(): Promise<void> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  process.on('message', (message: { op: string; name?: string }) => {
    void (async () => {
      if (message.op === 'cpu') process.send?.({ cpu: process.cpuUsage() });
      if (message.op === 'profile-start') {
        await session.post('Profiler.start');
        process.send?.({ ok: true });
      }
      if (message.op === 'profile-stop') {
        const { profile } = await session.post('Profiler.stop');
        await fs.mkdir('bench/profiles', { recursive: true });
        const file = `bench/profiles/${message.name ?? 'run'}-${Date.now()}.cpuprofile`;
        await fs.writeFile(file, JSON.stringify(profile));
        process.send?.({ file });
      }
    })();
  });
}

if (process.argv[1]?.endsWith('data-api.server.ts')) await serve();
