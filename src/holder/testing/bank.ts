import type { CoreBankConnector, CoreResource, CustomerRef } from '../../connectors/index.ts';
import { createSampleBankConnector, generateCustomer, seedSampleBank } from '../../sample-bank/index.ts';
import { createTestCrypto } from '../../platform/crypto/testing.ts';
import type { TestDatabase } from '../../platform/db/testing.ts';

/**
 * Test helper: a sample core bank seeded for `bank-a` (and a few customers of `bank-b`), and the
 * customers the data API tests need: a natural person holding accounts, cards and contracts, and
 * a company. Found by regenerating the deterministic population and asking the connector.
 */
export const BRAND_ID = 'bank-a';
export const OTHER_BRAND_ID = 'bank-b';
export const AS_OF = '2025-06-30';

export interface SampleHolder {
  document: string;
  ref: CustomerRef;
  resources: readonly CoreResource[];
}

export interface TestBank {
  connector: CoreBankConnector;
  person: SampleHolder;
  /** Another natural person (for "another customer's id" tests). */
  otherPerson: SampleHolder;
  company: SampleHolder;
}

export async function seedTestBank(tdb: TestDatabase, customers = 40): Promise<TestBank> {
  const { fieldCipher: cipher } = await createTestCrypto({ hashDomain: 'sample-bank.document' });
  const g = { seed: 11, brandId: BRAND_ID, asOf: AS_OF, customers };
  await seedSampleBank({ pool: tdb.pool, cipher, ...g });
  await seedSampleBank({ pool: tdb.pool, cipher, ...g, brandId: OTHER_BRAND_ID, customers: 4 });
  const connector = createSampleBankConnector({ db: tdb.db, cipher });

  const holders: Array<SampleHolder & { personType: string }> = [];
  for (let i = 0; i < customers; i++) {
    const c = generateCustomer(g, i);
    const type = c.personType === 'PESSOA_NATURAL' ? 'CPF' : 'CNPJ';
    const ref = await connector.customers.findCustomer(BRAND_ID, { type, number: c.document });
    if (ref === null) continue;
    const resources = await connector.resources.listResources(BRAND_ID, ref);
    holders.push({ document: c.document, ref, resources, personType: c.personType });
  }
  const kinds = (h: SampleHolder) => new Set(h.resources.map((r) => r.type)).size;
  const byRichness = (a: SampleHolder, b: SampleHolder) => kinds(b) - kinds(a);
  const people = holders.filter((h) => h.personType === 'PESSOA_NATURAL').sort(byRichness);
  const companies = holders.filter((h) => h.personType === 'PESSOA_JURIDICA').sort(byRichness);
  const [person, otherPerson] = people;
  const [company] = companies;
  if (!person || !otherPerson || !company) throw new Error('the seeded bank lacks the test customers');
  return { connector, person, otherPerson, company };
}
