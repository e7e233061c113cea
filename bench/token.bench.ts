/**
 * FAPI-BR token issuance per second — client_credentials with private_key_jwt (PS256 client
 * assertion) over mTLS, certificate-bound access token — beside the cost of the PS256 operation
 * the server must do for each token (verifying the assertion), measured in the same run.
 *
 *   ./node_modules/.bin/node bench/token.bench.ts [requests] [--concurrency N]
 *
 * `ponte start` runs in a child process on a throw-away embedded PostgreSQL (or DATABASE_URL's
 * server). Assertions are signed before the clock starts, so the figure is the server's, not the
 * load generator's. Per token the ecosystem needs one PS256 signature (the client's assertion)
 * and one PS256 verification (the server's); both bounds are printed.
 */
import { createPrivateKey, createPublicKey, randomUUID, sign, verify, constants } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, importPKCS8 } from 'jose';
import { Pool } from 'undici';
import { spawnCli } from '../test/support/cli.ts';
import type { SimManifest } from '../src/sim/manifest.ts';
import { participantFrom, registerAt, softwareStatement } from '../test/support/participant.ts';

const args = process.argv.slice(2);
const concurrencyFlag = args.indexOf('--concurrency');
const concurrency = concurrencyFlag >= 0 ? Number(args[concurrencyFlag + 1]) : 16;
const total = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--concurrency') ?? 2000);

const home = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-token-bench-'));
// The server runs in its own process (as in production), so the load generator here does not
// share its event loop.
const server = spawnCli(['start'], {
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  PONTE_HOME: home,
  PONTE_HTTP_PORT: '0',
  PONTE_SIM_PORT: '0',
  PONTE_SEED_CUSTOMERS: '4',
  // Request logs off: synchronous log writes to the pipe cost ~15% of the server's time here
  // (profile: writev), which measures the log pipe rather than the authorization server.
  PONTE_LOG_LEVEL: process.env.PONTE_LOG_LEVEL ?? 'warn',
});
try {
  // Quiet logs: readiness is the manifest appearing (written once every brand listens).
  const manifestFile = path.join(home, 'sim', 'manifest.json');
  for (
    let waited = 0;
    !(await fs.access(manifestFile).then(
      () => true,
      () => false,
    ));
    waited += 250
  ) {
    if (waited > 180_000 || server.exitCode !== null) throw new Error('ponte start did not come up');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const manifest = JSON.parse(
    await fs.readFile(path.join(home, 'sim', 'manifest.json'), 'utf8'),
  ) as SimManifest;
  const simDir = path.join(home, 'sim');
  const brand = manifest.brands[0]!;
  const alfa = await participantFrom(simDir, manifest, 0);
  const registration = await registerAt(
    alfa,
    brand,
    await softwareStatement(alfa, manifest),
    manifest.softwares[0]!.redirectUris[0]!,
  );
  if (registration.status !== 201)
    throw new Error(`registration failed: ${JSON.stringify(registration.body)}`);
  const clientId = String(registration.body.client_id);
  const discovery = (await (await alfa.fetch(brand.discoveryUrl)).json()) as {
    token_endpoint: string;
    mtls_endpoint_aliases: { token_endpoint: string };
  };
  const tokenEndpoint = new URL(discovery.mtls_endpoint_aliases.token_endpoint);
  const signingPem = await fs.readFile(path.join(simDir, alfa.software.signing.keyFile), 'utf8');
  const joseKey = await importPKCS8(signingPem, 'PS256');

  // Baseline, same run: PS256 verifications per second on this machine (one core), the
  // operation the token endpoint cannot avoid per token.
  const privateKey = createPrivateKey(signingPem);
  const publicKey = createPublicKey(privateKey);
  const pss = { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
  const message = Buffer.from('x'.repeat(600));
  const signature = sign('sha256', message, pss);
  const n = 3000;
  let t0 = performance.now();
  for (let i = 0; i < n; i++) verify('sha256', message, { ...pss, key: publicKey }, signature);
  const verifyPerSecond = n / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  for (let i = 0; i < 300; i++) sign('sha256', message, pss);
  const signPerSecond = 300 / ((performance.now() - t0) / 1000);

  const assertions = await Promise.all(
    Array.from({ length: total + 100 }, () =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'PS256', kid: alfa.software.signing.kid })
        .setIssuer(clientId)
        .setSubject(clientId)
        .setAudience(brand.issuer)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(joseKey),
    ),
  );
  const mtlsPool = new Pool(tokenEndpoint.origin, {
    connections: concurrency,
    connect: {
      ca: await fs.readFile(path.join(simDir, manifest.caCertificateFile)),
      cert: await fs.readFile(path.join(simDir, alfa.software.transport.certificateFile)),
      key: await fs.readFile(path.join(simDir, alfa.software.transport.keyFile)),
    },
  });
  let next = 0;
  const latencies: number[] = [];
  let failures = 0;
  const issue = async (assertion: string) => {
    const started = performance.now();
    const response = await mtlsPool.request({
      path: tokenEndpoint.pathname,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'consents',
        client_id: clientId,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      }).toString(),
    });
    const body = (await response.body.json()) as { access_token?: string };
    if (response.statusCode !== 200 || !body.access_token) failures++;
    latencies.push(performance.now() - started);
  };
  // Warm-up: connections, JIT, caches.
  for (let i = 0; i < 100; i++) await issue(assertions[next++]!);
  latencies.length = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < assertions.length) await issue(assertions[next++]!);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await mtlsPool.close();
  await alfa.agent.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(1);
  const tokensPerSecond = latencies.length / seconds;
  const cores = os.availableParallelism();
  console.log(
    `PS256 verify (1 core)            ${Math.round(verifyPerSecond).toLocaleString('en-US')} ops/s`,
  );
  console.log(`PS256 sign (1 core)              ${Math.round(signPerSecond).toLocaleString('en-US')} ops/s`);
  console.log(
    `token issuance (${concurrency} conns)      ${tokensPerSecond.toFixed(0)} tokens/s  p50 ${pct(0.5)} ms  p99 ${pct(0.99)} ms  failures ${failures}`,
  );
  // Crypto bound of one token, one core: one signature (client) + one verification (server).
  const perTokenBound = 1 / (1 / signPerSecond + 1 / verifyPerSecond);
  console.log(
    `crypto bound (sign + verify)     ${Math.round(perTokenBound).toLocaleString('en-US')} tokens/s per core`,
  );
  console.log(
    `ratio tokens/s ÷ bound           ${(tokensPerSecond / perTokenBound).toFixed(2)} (sign+verify, 1 core); ` +
      `${(tokensPerSecond / verifyPerSecond).toFixed(3)} of the server-side verify bound (1 core), ${cores} cores here`,
  );
} finally {
  server.kill('SIGINT');
  await new Promise((resolve) => server.once('close', resolve));
  const cluster = await fs.realpath(path.join(home, 'pg')).catch(() => undefined);
  if (cluster) await fs.rm(cluster, { recursive: true, force: true });
  await fs.rm(home, { recursive: true, force: true });
}
