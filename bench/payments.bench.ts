/**
 * Signed Pix payment initiations per second, end to end over mTLS — `POST /pix/payments` with a
 * PS256-signed body, verified against the initiator's directory key, jti recorded, idempotency
 * key claimed, consent consumed, payment stored with its event and job, answer signed PS256 —
 * beside the cost of the PS256 operations each initiation needs, measured in the same run.
 *
 *   ./node_modules/.bin/node bench/payments.bench.ts [initiations] [--concurrency N]
 *
 * The account holder runs in a child process (as in production), on a throw-away embedded
 * PostgreSQL (or DATABASE_URL's server), HTTPS with client certificates. Consents are created and
 * authorised before the clock starts (their journey includes a person), and request bodies are
 * signed before it too, so the figure is the server's. Access tokens are checked by an in-memory
 * verifier: the authorization server's own cost is bench/token.bench.ts's. Per initiation the
 * server performs one PS256 verification (the request) and one PS256 signature (the answer).
 */
import { constants, createPrivateKey, createPublicKey, randomUUID, sign, verify } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compactVerify, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { Pool } from 'undici';

const PS256 = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } as const;

interface Work {
  origin: string;
  serverPid: number;
  caPem: string;
  client: { key: string; cert: string };
  initiator: { orgId: string; jwk: JWK };
  brand: { orgId: string; jwk: JWK };
  requests: Array<{ consentId: string; token: string }>;
}

if (process.argv[2] === '--server') await serve(process.argv[3]!, Number(process.argv[4]));
else await drive();

/** The account holder: database, sample bank, payments routes on HTTPS; writes `work.json`. */
async function serve(dir: string, count: number): Promise<void> {
  const { startEmbeddedPostgres, runMigrations, createPool, freePort } =
    await import('../src/platform/db/index.ts');
  const { seedSampleBank } = await import('../src/sample-bank/index.ts');
  const { createCertificateAuthority } = await import('../src/pki/index.ts');
  const { systemClock } = await import('../src/platform/clock/index.ts');
  const { createHttpApp } = await import('../src/platform/http/index.ts');
  const { createLogger } = await import('../src/platform/logger/index.ts');
  const { Registry } = await import('prom-client');
  const { paymentRoutes } = await import('../src/payments/index.ts');
  const { startPaymentsNode } = await import('../src/payments/testing/node.ts');
  const { createFakeTokens } = await import('../src/payments/testing/tokens.ts');
  const { brandKey } = await import('../src/payments/testing/harness.ts');
  const { randomBytes } = await import('node:crypto');

  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), database: 'postgres' }); // prettier-ignore
  const adminUrl = process.env.DATABASE_URL ?? embedded!.url;
  const name = `ponte_bench_${Date.now().toString(36)}`;
  const admin = createPool(adminUrl, 1);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const migrations = createPool(url.toString(), 2);
  await runMigrations(migrations);
  await migrations.end();

  const ca = await createCertificateAuthority({ clock: systemClock, label: 'Bench' });
  const server = await ca.issueServerCertificate({ commonName: 'localhost', organizationName: 'Banco Bench S.A.', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] }); // prettier-ignore
  const initiatorOrg = randomUUID();
  const clientCert = await ca.issueTransportCertificate({ commonName: 'iniciadora.localhost', softwareStatementId: randomUUID(), orgId: initiatorOrg, organizationName: 'Iniciadora Bench Ltda.', cnpj: '50685362000135', locality: 'São Paulo', state: 'SP' }); // prettier-ignore
  const { privateKey, publicKey } = await generateKeyPair('PS256', { extractable: true });
  const initiatorJwk = { ...(await exportJWK(publicKey)), kid: 'bench-initiator', use: 'sig', alg: 'PS256' };
  const brand = { id: 'bank-a', name: 'Banco Bench', orgId: randomUUID(), urnNamespace: 'bench', apiBaseUrl: 'https://127.0.0.1', signingKey: await brandKey('bench-brseal'), theme: { primaryColor: '#0b5394' } }; // prettier-ignore
  const node = await startPaymentsNode(
    { databaseUrl: url.toString(), masterKeyHex: randomBytes(32).toString('hex'), brand, workers: false },
    {
      clients: { find: (_b, clientId) => Promise.resolve(clientId === 'bench-client' ? { clientId, orgId: initiatorOrg, name: 'Bench', jwksUris: ['mem:jwks'], webhookUris: [] } : undefined) }, // prettier-ignore
      keys: { fetchJwks: () => Promise.resolve({ keys: [initiatorJwk as Record<string, unknown>] }) },
    },
  );
  await seedSampleBank({ pool: node.db.$client, cipher: node.sampleBankCipher, brandId: 'bank-a', customers: 20, seed: 3, asOf: '2025-06-30' }); // prettier-ignore
  const { rows } = await node.db.$client.query<{ id: string; customer_id: string }>(
    "SELECT a.id, a.customer_id FROM sample_bank.accounts a JOIN sample_bank.customers c ON c.id = a.customer_id WHERE a.brand_id = 'bank-a' AND a.status = 'AVAILABLE' AND c.person_type = 'PESSOA_NATURAL' ORDER BY a.available_amount DESC LIMIT 1",
  );
  const payer = rows[0]!;
  const tokens = createFakeTokens(systemClock);
  const today = new Date(Date.now() - 3 * 3_600_000).toISOString().slice(0, 10);
  const requests: Work['requests'] = [];
  for (let i = 0; i < count; i++) {
    const data = { loggedUser: { document: { identification: '76109277673', rel: 'CPF' } }, creditor: { personType: 'PESSOA_JURIDICA' as const, cpfCnpj: '11222333000181', name: 'Loja' }, payment: { type: 'PIX', date: today, currency: 'BRL', amount: '1.00', details: { localInstrument: 'MANU' as const, creditorAccount: { ispb: '99999999', issuer: '0001', number: '1234567', accountType: 'CACC' as const } } } }; // prettier-ignore
    const created = await node.payments.api.createConsent('bank-a', 'bench-client', data, randomUUID());
    const consentId = (created.body as { data: { consentId: string } }).data.consentId;
    await node.db.transaction((tx) => node.payments.authorization.authorise(tx, 'bank-a', consentId, { customer: { customerId: payer.customer_id, personType: 'PESSOA_NATURAL' }, resources: [{ type: 'ACCOUNT', id: payer.id }] })); // prettier-ignore
    const token = tokens.issue({ brandId: 'bank-a', clientId: 'bench-client', certificate: clientCert.certificate, scopes: ['openid', 'payments', `consent:${consentId}`], grantType: 'authorization_code', consentId }); // prettier-ignore
    requests.push({ consentId, token });
  }
  const app = createHttpApp({
    logger: createLogger({ level: 'warn' }),
    metrics: new Registry(),
    readinessChecks: [],
    clock: systemClock,
    options: {
      defaultMetrics: false,
      tls: { key: server.privateKeyPem, cert: server.chainPem, ca: ca.trustBundlePem },
    },
  });
  await app.register(paymentRoutes, {
    payments: node.payments,
    verifier: tokens.verifier,
    brands: () => 'bank-a',
  });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...brandPublic } = brand.signingKey;
  const work: Work = {
    origin: `https://127.0.0.1:${port}`,
    serverPid: process.pid,
    caPem: ca.trustBundlePem,
    client: { key: clientCert.privateKeyPem, cert: clientCert.chainPem },
    initiator: { orgId: initiatorOrg, jwk: { ...(await exportJWK(privateKey)), kid: 'bench-initiator' } },
    brand: { orgId: brand.orgId, jwk: brandPublic },
    requests,
  };
  await fs.writeFile(path.join(dir, 'work.json'), JSON.stringify(work));
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => node.stop())
      .then(() => embedded?.stop())
      .then(() => process.exit(0));
  });
}

/** CPU seconds (user + system) a process has used so far (Linux /proc). */
async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await fs.readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

function rate(name: string, op: () => unknown, iterations: number): number {
  for (let i = 0; i < 200; i++) op();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) op();
  const perSecond = iterations / (Number(process.hrtime.bigint() - start) / 1e9);
  console.log(
    `${name.padEnd(52)} ${Math.round(perSecond).toLocaleString('en-US').padStart(8)} /s (one core)`,
  );
  return perSecond;
}

async function drive(): Promise<void> {
  const args = process.argv.slice(2);
  const concurrencyFlag = args.indexOf('--concurrency');
  const concurrency = concurrencyFlag >= 0 ? Number(args[concurrencyFlag + 1]) : 16;
  const total = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--concurrency') ?? 1500);
  const warmup = 100;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-payments-bench-'));
  const child = spawn(process.execPath, [new URL(import.meta.url).pathname, '--server', dir, String(total + warmup)], { stdio: 'inherit', env: process.env }); // prettier-ignore
  try {
    const file = path.join(dir, 'work.json');
    for (
      let waited = 0;
      !(await fs.access(file).then(
        () => true,
        () => false,
      ));
      waited += 250
    ) {
      // prettier-ignore
      if (waited > 300_000 || child.exitCode !== null) throw new Error('the bench server did not come up');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const work = JSON.parse(await fs.readFile(file, 'utf8')) as Work;
    const initiatorKey = await importJWK(work.initiator.jwk, 'PS256');
    const brandKey = await importJWK(work.brand.jwk, 'PS256');
    const pool = new Pool(work.origin, { connections: concurrency, pipelining: 1, connect: { ca: work.caPem, key: work.client.key, cert: work.client.cert } }); // prettier-ignore
    const today = new Date().toISOString().slice(0, 16).replace(/[-T:]/g, '');
    const bodies = await Promise.all(
      work.requests.map(async ({ consentId }, i) => {
        const e2e = `E12345678${today}${String(i).padStart(11, '0')}`;
        const data = [{ endToEndId: e2e, localInstrument: 'MANU', payment: { amount: '1.00', currency: 'BRL' }, creditorAccount: { ispb: '99999999', issuer: '0001', number: '1234567', accountType: 'CACC' }, cnpjInitiator: '50685362000135', consentId }]; // prettier-ignore
        return new SignJWT({
          aud: work.brand.orgId,
          iss: work.initiator.orgId,
          iat: Math.floor(Date.now() / 1000),
          jti: randomUUID(),
          data,
        })
          .setProtectedHeader({ alg: 'PS256', typ: 'JWT', kid: 'bench-initiator' })
          .sign(initiatorKey);
      }),
    );
    const post = async (i: number) => {
      const response = await pool.request({
        method: 'POST',
        path: '/open-banking/payments/v4/pix/payments',
        headers: { authorization: `Bearer ${work.requests[i]!.token}`, 'content-type': 'application/jwt', 'x-fapi-interaction-id': randomUUID(), 'x-idempotency-key': randomUUID() }, // prettier-ignore
        body: bodies[i]!,
      });
      const text = await response.body.text();
      if (response.statusCode !== 201) throw new Error(`initiation ${i}: ${response.statusCode} ${text}`);
      return text;
    };
    const run = async (from: number, to: number) => {
      let next = from;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < to) await post(next++);
        }),
      );
    };
    await run(0, warmup);
    const sample = await post(warmup);
    await compactVerify(sample, brandKey); // the answers are really signed by the brand
    const cpuBefore = await cpuSeconds(work.serverPid);
    const started = process.hrtime.bigint();
    await run(warmup + 1, warmup + total);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = (await cpuSeconds(work.serverPid)) - cpuBefore;
    await pool.close();
    const initiations = total - 1;

    // Baseline, same run: the PS256 operations each initiation needs, on one core.
    const signer = createPrivateKey({ key: work.initiator.jwk, format: 'jwk' });
    const verifier = createPublicKey(signer);
    const message = Buffer.from(bodies[0]!.split('.').slice(0, 2).join('.'));
    const signature = sign('sha256', message, { key: signer, ...PS256 });
    console.log(`\n# PS256 baseline (node:crypto, RSA-2048)`);
    const signs = rate('PS256 signatures', () => sign('sha256', message, { key: signer, ...PS256 }), 2_000);
    const verifies = rate('PS256 verifications', () => verify('sha256', message, { key: verifier, ...PS256 }, signature), 20_000); // prettier-ignore
    const cryptoMs = 1000 / signs + 1000 / verifies;
    const bound = 1000 / cryptoMs;
    console.log(`${'1 verification + 1 signature (per initiation)'.padEnd(52)} ${Math.round(bound).toLocaleString('en-US').padStart(8)} /s (one core)`); // prettier-ignore

    const throughput = initiations / seconds;
    const cpuMs = (cpu * 1000) / initiations;
    console.log(`\n# signed payment initiations, end to end over mTLS (concurrency ${concurrency})`);
    console.log(`${'POST /pix/payments → 201 (signed)'.padEnd(52)} ${Math.round(throughput).toLocaleString('en-US').padStart(8)} /s (${initiations} in ${seconds.toFixed(2)} s)`); // prettier-ignore
    console.log(`${'server CPU per initiation'.padEnd(52)} ${cpuMs.toFixed(2).padStart(8)} ms`);
    console.log(`${'of which PS256 (verify + sign)'.padEnd(52)} ${cryptoMs.toFixed(2).padStart(8)} ms (${((100 * cryptoMs) / cpuMs).toFixed(0)}% of the server CPU)`); // prettier-ignore
    console.log(
      `${'throughput / one-core PS256 bound'.padEnd(52)} ${(throughput / bound).toFixed(2).padStart(8)}x`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await fs.rm(dir, { recursive: true, force: true });
  }
}
