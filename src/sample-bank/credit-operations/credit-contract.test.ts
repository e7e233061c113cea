import { createTestCrypto } from '../../platform/crypto/testing.ts';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { runConnectorContractTests, suitesFor } from '../../connectors/testing.ts';
import { createSampleBankConnector } from '../connector/index.ts';
import { seedSampleBank } from '../seed/pipeline.ts';
import { sampleBankFixtures } from '../test-support.ts';

// The credit families of the reference implementation against the credit contract suites, on
// the same fixtures the base contract test uses (its natural person is one of the showcase
// customers, who hold every product).
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
  { suites: suitesFor(['credit-cards', 'credit-operations']) },
);
