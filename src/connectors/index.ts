/**
 * connectors: the contract through which Ponte reads an institution's core systems. The contract
 * test suite lives apart, in `./testing.ts`, so production code never loads `node:test`. The
 * sample core bank that implements it is a demo wing of its own, `src/sample-bank`.
 */
export * from './contract/index.ts';
export {
  ConnectorModuleError,
  buildConnector,
  buildPixRail,
  loadConnectorModule,
  resolveConnectorModule,
  type LoadConnectorOptions,
  type LoadedConnectorModule,
} from './load.ts';
