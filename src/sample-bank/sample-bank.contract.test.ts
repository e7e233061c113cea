import { createTestCrypto } from '../platform/crypto/testing.ts';
import { createTestDatabase } from '../platform/db/testing.ts';
import { runConnectorContractTests } from '../connectors/testing.ts';
import { createSampleBankConnector, seedSampleBank } from './index.ts';
import { sampleBankFixtures } from './test-support.ts';

// The reference implementation must pass the same contract suite any institution's connector runs.
const tdb = await createTestDatabase();
const { fieldCipher: cipher } = await createTestCrypto({ hashDomain: 'sample-bank.document' });
const g = { seed: 7, brandId: 'bank-a', asOf: '2025-06-30', customers: 40 };
await seedSampleBank({ pool: tdb.pool, cipher, ...g });
await seedSampleBank({ pool: tdb.pool, cipher, brandId: 'bank-b', customers: 5, seed: 7, asOf: g.asOf });
const connector = createSampleBankConnector({ db: tdb.db, cipher });

runConnectorContractTests(
  () => connector,
  () =>
    sampleBankFixtures(connector, g, {
      foreignBrandId: 'bank-b',
      window: { fromBookingDate: '2025-04-01', toBookingDate: '2025-06-30' },
    }),
);
