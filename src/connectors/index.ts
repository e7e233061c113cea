/**
 * connectors: the contract through which Ponte reads an institution's core systems, and the
 * sample core bank that implements it. The contract test suite lives apart, in `./testing.ts`,
 * so production code never loads `node:test`.
 */
export * from './contract/index.ts';
export {
  DATA_FAMILIES,
  createSampleBankConnector,
  rowsFor,
  sampleInstitution,
  seedSampleBank,
  type DataFamily,
  type FamilyConnector,
  type FamilyRows,
  type SampleBankDeps,
  type SeedContext,
  type SeedOptions,
  type SeedProgress,
  type SeedResult,
} from './sample-bank/index.ts';
export {
  createSamplePixRail,
  type SamplePixDeps,
  type SamplePixOptions,
  type SamplePixRail,
} from './sample-bank/pix/index.ts';
