import { after, describe } from 'node:test';
import type { CoreBankConnector } from '../connector.ts';
import type { PixConnector } from '../pix.ts';
import type { ConnectorContractFixtures, ContractSuite } from './fixtures.ts';
import { registerPixSuite, type PixRailContractFixtures } from './pix-suite.ts';
import { CONTRACT_SUITES, PIX_FAMILY } from './suites.ts';

export type { ConnectorContractFixtures, ContractContext, ContractSuite } from './fixtures.ts';
export { ConnectorModuleError, resolveConnectorModule } from '../../load.ts';
export { loadConnectorUnderTest } from './load-module.ts';
export { runContractCheck, type ContractCheckOptions } from './run-check.ts';
export { CONTRACT_FAMILIES, CONTRACT_SUITES, PIX_FAMILY, familyOf, suitesFor } from './suites.ts';
export { formatContractReport, type ContractReport, type FamilyReport, type FailedTest } from './report.ts';
export {
  SPEC,
  assertAmount,
  assertCnpj,
  assertCpf,
  assertDate,
  assertDateTime,
  assertRejectsWithCode,
  brasiliaDate,
} from './spec-formats.ts';

export interface ContractTestOptions {
  /** Suites to run instead of `CONTRACT_SUITES` (for example to add an institution's own checks). */
  readonly suites?: readonly ContractSuite[];
  /** Called after the suites, to release what `makeConnector` opened. */
  readonly close?: () => Promise<void>;
  /**
   * Also run the Pix rail suite (family `pix`, after the others): the rail and its fixtures are
   * built once the connector and its fixtures are, so they can be found through the connector.
   */
  readonly pix?: {
    rail(): PixConnector | Promise<PixConnector>;
    fixtures(
      rail: PixConnector,
      connector: CoreBankConnector,
      fixtures: ConnectorContractFixtures,
    ): PixRailContractFixtures | Promise<PixRailContractFixtures>;
  };
}

/**
 * Declares the connector contract tests with `node:test`. Call it at the top level of a test file
 * (or from `ponte connector-test`); it builds the connector once, then every suite checks its part
 * of the contract against the fixtures: spec formats, paging, filters, and that one customer
 * never sees another's data.
 *
 * @example
 *   // my-core.contract.test.ts
 *   runConnectorContractTests(() => createMyCoreConnector(config), {
 *     brandId: 'bank-a',
 *     naturalPerson: { cpf: '52998224725' },
 *     otherCustomer: { type: 'CPF', number: '11144477735' },
 *     transactionWindow: { fromBookingDate: '2025-01-01', toBookingDate: '2025-03-31' },
 *     foreignBrandId: 'no-such-brand',
 *   });
 */
export function runConnectorContractTests(
  makeConnector: () => CoreBankConnector | Promise<CoreBankConnector>,
  fixtures: ConnectorContractFixtures | (() => Promise<ConnectorContractFixtures>),
  options: ContractTestOptions = {},
): void {
  void describe('connector contract', async () => {
    const connector = await makeConnector();
    const resolved = typeof fixtures === 'function' ? await fixtures() : fixtures;
    for (const suite of options.suites ?? CONTRACT_SUITES) {
      void describe(suite.name, () => suite.register({ connector, fixtures: resolved }));
    }
    if (options.pix) {
      const rail = await options.pix.rail();
      const pixFixtures = await options.pix.fixtures(rail, connector, resolved);
      void describe(PIX_FAMILY, () => registerPixSuite(rail, pixFixtures));
    }
    if (options.close) after(options.close);
  });
}
export {
  registerPixSuite,
  runPixRailContractTests,
  type PixRailContractFixtures,
  type PixRailContractOptions,
} from './pix-suite.ts';
