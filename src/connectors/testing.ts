/** The connector contract test suite (`runConnectorContractTests`), for implementations and `ponte connector-test`. */
export * from './contract/testing/index.ts';
