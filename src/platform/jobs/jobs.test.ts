import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { pino } from 'pino';
import { createTestDatabase } from '../db/testing.ts';
import { createJobs, type Jobs, type JobsOptions, type QueueMap } from './index.ts';
import { gate, waitFor } from './testing.ts';

interface TestPayloads {
  'test.echo': { message: string; amount: number };
  'test.tx': { label: string };
  'test.flaky': { key: string };
  'test.flaky.dead': { key: string };
  'test.final': { key: string };
  'test.slow': { key: string };
}

const fast = { retryDelaySeconds: 0, retryBackoff: false, expireInSeconds: 30 } as const;
const testQueues = {
  'test.echo': { description: 'echo', retryLimit: 0, ...fast },
  'test.tx': { description: 'transactional send', retryLimit: 0, ...fast },
  'test.flaky': { description: 'always fails', retryLimit: 2, deadLetter: 'test.flaky.dead', ...fast },
  'test.flaky.dead': { description: 'dead letters of test.flaky', retryLimit: 0, ...fast },
  'test.final': { description: 'permanent failure', retryLimit: 5, deadLetter: 'test.flaky.dead', ...fast },
  'test.slow': { description: 'held open by the test', retryLimit: 0, ...fast },
} satisfies QueueMap<TestPayloads>;

const tdb = await createTestDatabase();
const logger = pino({ level: 'silent' });
const running: Jobs<TestPayloads>[] = [];

async function start(options: Partial<JobsOptions<TestPayloads>> = {}): Promise<Jobs<TestPayloads>> {
  const jobs = await createJobs<TestPayloads>({
    connection: tdb.url,
    logger,
    queues: testQueues,
    pollingIntervalSeconds: 0.5,
    stopTimeoutMs: 5_000,
    ...options,
  });
  running.push(jobs);
  return jobs;
}
after(async () => {
  await Promise.all(running.map((jobs) => jobs.stop()));
});

test('works a sent job with its typed payload', async () => {
  const jobs = await start();
  const seen: { payload: TestPayloads['test.echo']; attempt: number; id: string }[] = [];
  await jobs.work('test.echo', (payload, job) => {
    seen.push({ payload, attempt: job.attempt, id: job.id });
    return 'completed';
  });

  const id = await jobs.send('test.echo', { message: 'olá', amount: 12.5 });

  await waitFor(() => seen.length === 1, 'the job is worked');
  assert.deepEqual(seen[0], { payload: { message: 'olá', amount: 12.5 }, attempt: 1, id });
  await waitFor(
    async () => (await jobs.find('test.echo', { id: id! }))[0]?.state === 'completed',
    'completed',
  );
  await jobs.stop();
});

test('retries a failing handler up to the retry limit, then moves the payload to the dead-letter queue', async () => {
  const jobs = await start();
  const attempts: number[] = [];
  await jobs.work('test.flaky', (_payload, job) => {
    attempts.push(job.attempt);
    throw new Error('core bank unavailable');
  });

  const id = await jobs.send('test.flaky', { key: 'flaky-1' });

  await waitFor(async () => (await jobs.find('test.flaky.dead')).length === 1, 'the job is dead-lettered');
  assert.deepEqual(attempts, [1, 2, 3]);
  const [dead] = await jobs.find('test.flaky.dead');
  assert.deepEqual(dead?.data, { key: 'flaky-1' });
  assert.equal(dead?.sourceId, id);
  const [source] = await jobs.find('test.flaky', { id: id! });
  assert.equal(source?.state, 'failed');
  assert.deepEqual(source?.output, {
    status: 'retry',
    error: { name: 'Error', message: 'core bank unavailable' },
  });
  await jobs.stop();
});

test('a handler returning deadletter skips the remaining retries', async () => {
  const jobs = await start();
  let calls = 0;
  await jobs.work('test.final', () => {
    calls += 1;
    return 'deadletter';
  });

  await jobs.send('test.final', { key: 'final-1' });

  await waitFor(
    async () => (await jobs.find('test.flaky.dead', { data: { key: 'final-1' } })).length === 1,
    'the job is dead-lettered at once',
  );
  assert.equal(calls, 1);
  await jobs.stop();
});

test('a job sent inside a transaction that rolls back is never worked', async () => {
  const jobs = await start();
  const seen: string[] = [];
  await jobs.work('test.tx', ({ label }) => {
    seen.push(label);
  });

  let rolledBackId: string | null = null;
  await assert.rejects(
    tdb.db.transaction(async (tx) => {
      await tx.execute('SELECT 1');
      rolledBackId = await jobs.send(tx, 'test.tx', { label: 'rolled back' });
      throw new Error('state change failed');
    }),
    /state change failed/,
  );
  // A committed send through a raw pg client transaction: the marker the worker must reach.
  const client = await tdb.pool.connect();
  try {
    await client.query('BEGIN');
    await jobs.send(client, 'test.tx', { label: 'committed' });
    await client.query('COMMIT');
  } finally {
    client.release();
  }

  await waitFor(() => seen.includes('committed'), 'the committed job is worked');
  assert.deepEqual(seen, ['committed']);
  assert.ok(rolledBackId, 'send inside the transaction returned an id');
  assert.deepEqual(await jobs.find('test.tx', { id: rolledBackId }), []);
  await jobs.stop();
});

test('stop() waits for a running handler to finish and records its completion', async () => {
  const jobs = await start();
  const release = gate();
  const order: string[] = [];
  let entered = false;
  await jobs.work('test.slow', async () => {
    entered = true;
    await release.promise;
    order.push('handler finished');
  });
  const id = await jobs.send('test.slow', { key: 'slow-1' });
  await waitFor(() => entered, 'the handler is running');

  let resolved = false;
  const stopped = jobs.stop().then(() => {
    resolved = true;
    order.push('stopped');
  });
  // Give a stop() that does not wait the time to resolve (it takes a few ms); then release.
  await waitFor(() => resolved, 'stop() returning early', { timeoutMs: 300 }).catch(() => {});
  release.open();
  await stopped;

  assert.deepEqual(order, ['handler finished', 'stopped']);
  const { rows } = await tdb.pool.query<{ state: string }>('SELECT state FROM pgboss.job WHERE id = $1', [
    id,
  ]);
  assert.equal(rows[0]?.state, 'completed');
});

test('in send-only mode (jobs.enabled=false) sends still work but no worker runs', async () => {
  const sendOnly = await start({ enabled: false, connection: tdb.pool });
  let sendOnlyCalls = 0;
  await sendOnly.work('test.echo', () => {
    sendOnlyCalls += 1;
  });
  const id = await sendOnly.send('test.echo', { message: 'from http', amount: 1 });

  const worker = await start();
  const seen: string[] = [];
  await worker.work('test.echo', ({ message }) => {
    seen.push(message);
  });

  await waitFor(() => seen.includes('from http'), 'the worker process works the job');
  assert.equal(sendOnly.enabled, false);
  assert.equal(sendOnlyCalls, 0);
  // The handler has run; pg-boss records the completion just after it returns.
  const state = async () => (await worker.find('test.echo', { id: id! }))[0]?.state;
  await waitFor(async () => (await state()) === 'completed', 'the job is recorded as completed');
});

test('creates exactly the queues given; sending to or working another is a clear error until declared', async () => {
  const schema = 'pgboss_given';
  const jobs = await start({ schema, queues: { 'test.echo': testQueues['test.echo'] } });
  // pg-boss's own internal queues (`__pgboss__*`) aside.
  const names = async () =>
    (
      await tdb.pool.query<{ name: string }>(
        `SELECT name FROM ${schema}.queue WHERE name NOT LIKE '\\_\\_pgboss\\_\\_%' ORDER BY name`,
      )
    ).rows.map((row) => row.name);
  assert.deepEqual(await names(), ['test.echo']);

  const undeclared = (error: unknown) => {
    assert.equal((error as { code?: string }).code, 'JOB_QUEUE_UNDECLARED');
    assert.match((error as Error).message, /test\.tx was not given to createJobs/);
    return true;
  };
  await assert.rejects(jobs.send('test.tx', { label: 'x' }), undeclared);
  await assert.rejects(
    jobs.work('test.tx', () => undefined),
    undeclared,
  );
  await assert.rejects(jobs.find('test.tx'), undeclared);
  // @ts-expect-error a job no one declared does not compile either
  await assert.rejects(jobs.send('test.nobody', {}), /test\.nobody was not given/);

  await jobs.declareQueues({ 'test.tx': testQueues['test.tx'] });
  assert.deepEqual(await names(), ['test.echo', 'test.tx']);
  const seen: string[] = [];
  await jobs.work('test.tx', ({ label }) => {
    seen.push(label);
  });
  await jobs.send('test.tx', { label: 'declared later' });
  await waitFor(() => seen.includes('declared later'), 'the queue declared after start is worked');
});
