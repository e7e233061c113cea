/**
 * A process for telemetry.test.ts: starts the telemetry first (as `ponte start` does), then loads
 * the platform, serves one request that runs SQL and calls out, and works one job. Run as a child
 * so the instrumentation is registered before pg, fastify and undici are imported.
 *
 * Env: TRACED_DATABASE_URL, TRACED_UPSTREAM_URL, plus the OTEL_* variables under test.
 * Prints one JSON line: { interactionId, jobId, telemetry }.
 */
import { loadConfig } from '../../config/index.ts';
import { startTelemetry } from '../index.ts';

const config = loadConfig();
const telemetry = await startTelemetry(config.telemetry);

const [
  { pino },
  { Registry },
  { systemClock },
  { createPool },
  { createHttpApp },
  { createJobs },
  jobsTesting,
] = await Promise.all([
  import('pino'),
  import('prom-client'),
  import('../../clock/index.ts'),
  import('../../db/pool.ts'),
  import('../../http/index.ts'),
  import('../../jobs/index.ts'),
  import('../../jobs/testing.ts'),
]);

const databaseUrl = process.env.TRACED_DATABASE_URL!;
const upstreamUrl = process.env.TRACED_UPSTREAM_URL!;
const logger = pino({ level: 'silent' });
const pool = createPool(databaseUrl, 2);

const app = createHttpApp({ logger, metrics: new Registry(), readinessChecks: [], clock: systemClock });
app.get('/traced/:id', async (request) => {
  const { rows } = await pool.query<{ answer: number }>('SELECT 41 + 1 AS answer');
  const upstream = await fetch(upstreamUrl);
  return { answer: rows[0]?.answer, upstream: upstream.status, id: (request.params as { id: string }).id };
});
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as { port: number };

const interactionId = '1b8e3a5c-6f0d-4c2a-9d7e-2f4b6a8c0e13';
const response = await fetch(`http://127.0.0.1:${port}/traced/7`, {
  headers: { 'x-fapi-interaction-id': interactionId },
});
if (response.status !== 200) throw new Error(`inbound request answered ${response.status}`);

interface Payloads {
  'traced.job': { n: number };
}
const jobs = await createJobs<Payloads>({
  connection: databaseUrl,
  logger,
  queues: {
    'traced.job': {
      description: 'traced',
      retryLimit: 0,
      retryDelaySeconds: 0,
      retryBackoff: false,
      expireInSeconds: 30,
    },
  },
  pollingIntervalSeconds: 0.5,
  stopTimeoutMs: 5_000,
});
let worked = false;
await jobs.work('traced.job', async ({ n }) => {
  await pool.query('SELECT $1::int AS n', [n]);
  worked = true;
});
const jobId = await jobs.send('traced.job', { n: 1 });
await jobsTesting.waitFor(() => worked, 'the job is worked');

await jobs.stop();
await app.close();
await pool.end();
await telemetry.shutdown();
process.stdout.write(`${JSON.stringify({ interactionId, jobId, telemetry: telemetry.enabled })}\n`);
