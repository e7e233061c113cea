import assert from 'node:assert/strict';
import { it } from 'node:test';
import { pino } from 'pino';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { createJobs } from '../../platform/jobs/index.ts';
import { consentsQueues } from '../jobs.ts';
import { waitFor } from '../../platform/jobs/testing.ts';
import { AUTHORISATION_TIMEOUT_MS } from '../domain/status-policy.ts';
import { BRAND, CLIENT_A, CPF, createTestModule } from '../testing/harness.ts';
import { startExpirySweeps } from './expiry-sweep.ts';

const tdb = await createTestDatabase();

it('the consents.expire-sweep job rejects overdue consents without any read, and queues its next run', async (t) => {
  const { module, clock } = await createTestModule(tdb.db);
  const jobs = await createJobs({
    connection: tdb.url,
    logger: pino({ level: 'silent' }),
    pollingIntervalSeconds: 0.5,
    queues: consentsQueues,
  });
  t.after(() => jobs.stop());
  const consent = await module.service.create(BRAND, CLIENT_A, {
    loggedUser: { document: { identification: CPF, rel: 'CPF' } },
    permissions: ['ACCOUNTS_READ', 'ACCOUNTS_BALANCES_READ', 'RESOURCES_READ'],
  });
  clock.advance(AUTHORISATION_TIMEOUT_MS);

  await startExpirySweeps(jobs, (limit) => module.service.expireDue(limit), {
    intervalSeconds: 3600,
    batchSize: 10,
  });

  const status = async () =>
    (
      await tdb.pool.query<{ status: string }>('SELECT status FROM consents WHERE consent_id = $1', [
        consent.consentId,
      ])
    ).rows[0]?.status;
  await waitFor(async () => (await status()) === 'REJECTED', 'the sweep rejected the consent');
  const { rows } = await tdb.pool.query<{ type: string }>(
    'SELECT type FROM outbox_events WHERE aggregate_id = $1',
    [consent.consentId],
  );
  assert.deepEqual(
    rows.map((r) => r.type),
    ['consent.expired'],
  );
  const queued = await jobs.find('consents.expire-sweep');
  assert.ok(
    queued.some((job) => job.state === 'created' && job.startAfter.getTime() > Date.now() + 3000 * 1000),
    'the next sweep is queued an interval ahead',
  );
});
