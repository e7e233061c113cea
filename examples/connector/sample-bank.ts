/**
 * A ready connector module for `ponte connector-test`: Ponte's sample core bank, checked the way
 * an institution checks its own connector. Run it with
 *
 *   npm run ponte -- connector-test --sample
 *   npm run ponte -- connector-test --module examples/connector/sample-bank.ts   (the same)
 *
 * It opens Ponte's database (DATABASE_URL, else the embedded PostgreSQL under PONTE_HOME), seeds
 * two small brands of its own (`contract-check` with 40 customers and `contract-check-other`
 * with 5; a second run finds them seeded and skips the work), and hands the suites a natural
 * person, a legal person and another customer found in that data. It offers the sample Pix rail
 * too (`pixRail()`, `pixFixtures()`), settled by pg-boss jobs in the test process. Copy this file
 * as the start of your own module: build your connector in `connector()`, name your homologation
 * customers in `fixtures()`, release connections in `close()`; add `pixRail()` and `pixFixtures()`
 * when you offer payments.
 */
import { openCrypto } from '../../src/app/crypto.ts';
import { sampleBankCipher } from '../../src/sample-bank/index.ts';
import type { ConnectorUnderTest } from '../../src/connectors/index.ts';
import {
  createSampleBankConnector,
  createSamplePixRail,
  sampleBankQueues,
  seedSampleBank,
  type SamplePixRail,
} from '../../src/sample-bank/index.ts';
import { sampleBankFixtures, samplePixFixtures } from '../../src/sample-bank/test-support.ts';
import type { FieldCipher } from '../../src/platform/crypto/index.ts';
import { createJobs, type Jobs } from '../../src/platform/jobs/index.ts';
import { createLogger } from '../../src/platform/logger/index.ts';
import { loadConfig } from '../../src/platform/config/index.ts';
import { openDatabase, type OpenDatabase } from '../../src/platform/db/bootstrap.ts';

/** Fixed generation parameters: the same data on every machine, so the fixtures are stable. */
const GENERATION = { seed: 7, brandId: 'contract-check', asOf: '2025-06-30', customers: 40 };
const FOREIGN_BRAND = 'contract-check-other';

let database: OpenDatabase | undefined;
let cipher: FieldCipher | undefined;
let jobs: Jobs | undefined;
let rail: SamplePixRail | undefined;

const sampleBank: ConnectorUnderTest = {
  async connector() {
    const config = loadConfig();
    database = await openDatabase(config.database, config.home);
    cipher = sampleBankCipher(await openCrypto(config, database.db));
    await seedSampleBank({ pool: database.pool, cipher, ...GENERATION });
    await seedSampleBank({
      pool: database.pool,
      cipher,
      brandId: FOREIGN_BRAND,
      customers: 5,
      seed: GENERATION.seed,
      asOf: GENERATION.asOf,
    });
    return createSampleBankConnector({ db: database.db, cipher });
  },

  fixtures: (connector) =>
    sampleBankFixtures(connector, GENERATION, {
      foreignBrandId: FOREIGN_BRAND,
      window: { fromBookingDate: '2025-04-01', toBookingDate: '2025-06-30' },
    }),

  async pixRail() {
    if (!database || !cipher) throw new Error('pixRail() runs after connector()');
    jobs = await createJobs({
      connection: database.url,
      logger: createLogger({ level: 'silent' }),
      queues: sampleBankQueues,
    });
    rail = createSamplePixRail(
      { db: database.db, cipher, jobs },
      // Under the limit: the insufficient-funds fixture must reach the balance check.
      { settleDelayMs: 50, pspTimeoutMs: 200, perTransferLimit: '99999999999.00' },
    );
    await rail.startWorker();
    return rail;
  },

  pixFixtures: (_rail, connector, fixtures) =>
    samplePixFixtures(connector, rail!, fixtures, { insufficientAmount: '9999999999.00' }),

  async close() {
    rail?.stopWorker();
    await jobs?.stop();
    await database?.close();
    database = undefined;
  },
};

export default sampleBank;
