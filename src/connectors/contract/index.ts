/**
 * The connector contract: Ponte's typed boundary to an institution's core systems (public
 * extension point). Start at `CoreBankConnector`; check an implementation with
 * `runConnectorContractTests` from `./testing/index.ts`, or from the command line with
 * `ponte connector-test --module <module exporting a ConnectorUnderTest>`.
 */
export type { CoreBankConnector } from './connector.ts';
export * from './common.ts';
export * from './customer-contacts.ts';
export * from './customers-personal.ts';
export * from './customers-business.ts';
export type { CustomersConnector } from './customers.ts';
export * from './accounts.ts';
export type { ResourcesConnector } from './resources.ts';
export * from './credit-cards.ts';
export * from './credit-operations.ts';
export { ConnectorErrorCode, customerNotFound, invalidQuery, resourceNotFound } from './errors.ts';
export {
  assertPageRequest,
  assertPageSize,
  assertTransactionQuery,
  isIsoDate,
  totalPages,
} from './validation.ts';
export * from './pix.ts';
export { connectorUnderTestOf, type ConnectorUnderTest } from './under-test.ts';
export type { ConnectorContractFixtures } from './testing/fixtures.ts';
export type { ConnectorDeps, ConnectorModule, PixRail, PixRailDeps } from './module.ts';
export { connectorShapeProblems, pixRailShapeProblems } from './shape.ts';
