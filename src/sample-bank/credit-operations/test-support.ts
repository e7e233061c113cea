import { createTestCrypto } from '../../platform/crypto/testing.ts';
import { createTestDatabase, type TestDatabase } from '../../platform/db/testing.ts';
import type { CoreBankConnector, CustomerRef } from '../../connectors/index.ts';
import { createSampleBankConnector } from '../connector/index.ts';
import { creditCardsFamily } from '../credit-cards/family.ts';
import { generateCustomer } from '../generator/customers.ts';
import type { SampleCustomer } from '../generator/model.ts';
import { createRandom, type Random } from '../generator/random.ts';
import { accountsFamily } from '../seed/accounts-family.ts';
import { customersFamily } from '../seed/customers-family.ts';
import { seedSampleBank } from '../seed/pipeline.ts';
import { creditOperationsFamily } from './family.ts';

/**
 * A sample bank seeded with the credit families, for the database tests of the credit readers:
 * the families are passed explicitly so these tests do not depend on `DATA_FAMILIES`.
 */
export const CREDIT_FAMILIES = [
  customersFamily,
  accountsFamily,
  creditCardsFamily,
  creditOperationsFamily,
] as const;

export interface CreditBank {
  readonly tdb: TestDatabase;
  readonly connector: CoreBankConnector;
  readonly g: {
    readonly seed: number;
    readonly brandId: string;
    readonly asOf: string;
    readonly customers: number;
  };
  readonly customers: readonly SampleCustomer[];
  refOf(customer: SampleCustomer): Promise<CustomerRef>;
  /** The random stream the pipeline gave a customer's family: regenerate what was seeded. */
  familyRandom(customer: SampleCustomer, family: string): Random;
}

export async function seedCreditBank(customers = 60): Promise<CreditBank> {
  const tdb = await createTestDatabase();
  const { fieldCipher: cipher } = await createTestCrypto({ hashDomain: 'sample-bank.document' });
  const g = { seed: 11, brandId: 'bank-a', asOf: '2025-06-30', customers };
  await seedSampleBank({ pool: tdb.pool, cipher, ...g, families: CREDIT_FAMILIES });
  await seedSampleBank({ pool: tdb.pool, cipher, brandId: 'bank-b', customers: 4, seed: 11, asOf: g.asOf, families: CREDIT_FAMILIES }); // prettier-ignore
  const connector = createSampleBankConnector({ db: tdb.db, cipher }, CREDIT_FAMILIES);
  return {
    tdb,
    connector,
    g,
    customers: Array.from({ length: customers }, (_, i) => generateCustomer(g, i)),
    async refOf(customer) {
      const ref = await connector.customers.findCustomer(g.brandId, {
        type: customer.personType === 'PESSOA_NATURAL' ? 'CPF' : 'CNPJ',
        number: customer.document,
      });
      if (!ref) throw new Error(`customer ${customer.index} was not seeded`);
      return ref;
    },
    familyRandom: (customer, family) =>
      createRandom(g.seed, g.brandId, 'customer', customer.index, 'family', family),
  };
}
