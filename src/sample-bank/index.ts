/**
 * The sample core bank: Ponte's reference implementation of the connector contract, over its own
 * PostgreSQL tables (schema `sample_bank`) filled by a deterministic synthetic data generator.
 */
export {
  seedSampleBank,
  sampleInstitution,
  type SeedOptions,
  type SeedProgress,
  type SeedResult,
} from './seed/pipeline.ts';
export { sampleBankQueues, type SampleBankJobPayloads } from './jobs.ts';
export { DATA_FAMILIES } from './families.ts';
export {
  rowsFor,
  type DataFamily,
  type FamilyConnector,
  type FamilyRows,
  type SampleBankDeps,
  type SeedContext,
} from './seed/family.ts';
export { createRandom, type Random } from './generator/random.ts';
export { generateCustomer } from './generator/customers.ts';
export { generateAccounts, type SampleAccount } from './generator/accounts.ts';
export type { SampleCustomer, SampleInstitution } from './generator/model.ts';
export { createSampleBankConnector } from './connector/index.ts';
export {
  createSamplePixRail,
  type SamplePixDeps,
  type SamplePixOptions,
  type SamplePixRail,
} from './pix/index.ts';
export { SAMPLE_BANK_HASH_DOMAIN, sampleBankCipher } from './module.ts';
