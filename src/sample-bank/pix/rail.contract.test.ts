import { after } from 'node:test';
import { pino } from 'pino';
import { runPixRailContractTests } from '../../connectors/testing.ts';
import { createTestCrypto } from '../../platform/crypto/testing.ts';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { createJobs } from '../../platform/jobs/index.ts';
import { sampleBankQueues } from '../jobs.ts';
import { createSampleBankConnector } from '../connector/index.ts';
import { seedSampleBank } from '../seed/pipeline.ts';
import { samplePixFixtures, sampleBankFixtures } from '../test-support.ts';
import { createSamplePixRail } from './index.ts';

// The reference Pix rail against the Pix rail contract suite, settling through real pg-boss jobs.
const tdb = await createTestDatabase();
const { fieldCipher: cipher } = await createTestCrypto({ hashDomain: 'sample-bank.document' });
const g = { seed: 7, brandId: 'bank-a', asOf: '2025-06-30', customers: 20 };
await seedSampleBank({ pool: tdb.pool, cipher, ...g });
await seedSampleBank({ pool: tdb.pool, cipher, brandId: 'bank-b', customers: 5, seed: 7, asOf: g.asOf });
const jobs = await createJobs({
  connection: tdb.url,
  logger: pino({ level: 'silent' }),
  pollingIntervalSeconds: 0.5,
  queues: {
    'sample-bank.pix-settle': { ...sampleBankQueues['sample-bank.pix-settle'], retryDelaySeconds: 0 },
  },
});
after(() => jobs.stop());
const connector = createSampleBankConnector({ db: tdb.db, cipher });
const rail = createSamplePixRail(
  { db: tdb.db, cipher, jobs },
  { settleDelayMs: 50, pspTimeoutMs: 200, perTransferLimit: '99999999999.00' },
);

runPixRailContractTests(
  async () => {
    await rail.startWorker();
    return rail;
  },
  async () =>
    samplePixFixtures(
      connector,
      rail,
      await sampleBankFixtures(connector, g, {
        foreignBrandId: 'bank-b',
        window: { fromBookingDate: '2025-04-01', toBookingDate: '2025-06-30' },
      }),
      { insufficientAmount: '9999999999.00' },
    ),
  { close: () => Promise.resolve(rail.stopWorker()) },
);
