import type { CoreBankConnector } from './connector.ts';
import type { ConnectorContractFixtures } from './testing/fixtures.ts';

/**
 * What a module handed to `ponte connector-test --module <path-or-package>` exports (as its
 * default export): how to build the institution's connector, which of its homologation customers
 * the contract tests use, and how to release what was opened. `connector()` runs once, then
 * `fixtures(connector)`, then every contract suite, then `close()`. Do the work inside these
 * functions, not at import time: the CLI imports the module once to check its shape before the
 * test run imports it again.
 *
 * @example
 *   // my-core.connector-test.ts, run with `ponte connector-test --module ./my-core.connector-test.ts`
 *   import type { ConnectorUnderTest } from 'ponte/src/connectors/index.ts';
 *   let core: MyCoreClient | undefined;
 *   export default {
 *     async connector() {
 *       core = await MyCoreClient.connect(process.env.MY_CORE_URL);
 *       return createMyCoreConnector(core);
 *     },
 *     fixtures: () => ({
 *       brandId: 'bank-a',
 *       naturalPerson: { cpf: '52998224725' },
 *       otherCustomer: { type: 'CPF', number: '11144477735' },
 *       transactionWindow: { fromBookingDate: '2025-01-01', toBookingDate: '2025-03-31' },
 *       foreignBrandId: 'no-such-brand',
 *     }),
 *     close: () => core?.end(),
 *   } satisfies ConnectorUnderTest;
 */
export interface ConnectorUnderTest {
  /** Builds the connector under test (open connections here). */
  connector(): CoreBankConnector | Promise<CoreBankConnector>;
  /** The customers of the core under test that the suites use; may ask `connector` to find them. */
  fixtures(connector: CoreBankConnector): ConnectorContractFixtures | Promise<ConnectorContractFixtures>;
  /** Releases what `connector()` opened; runs after the last suite, pass or fail. */
  close?(): void | Promise<void>;
}

/**
 * The `ConnectorUnderTest` a loaded module offers (its default export, else its named
 * `connector`/`fixtures`/`close` exports), or a one-line reason why it offers none.
 */
export function connectorUnderTestOf(
  moduleNamespace: Record<string, unknown>,
): { ok: true; value: ConnectorUnderTest } | { ok: false; problem: string } {
  const candidate: unknown =
    moduleNamespace.default !== undefined && typeof moduleNamespace.connector !== 'function'
      ? moduleNamespace.default
      : moduleNamespace;
  if (typeof candidate !== 'object' || candidate === null) {
    return { ok: false, problem: `its default export is ${describe(candidate)}, not an object` };
  }
  const value = candidate as Record<string, unknown>;
  const missing = (['connector', 'fixtures'] as const).filter((k) => typeof value[k] !== 'function');
  if (missing.length > 0) {
    return {
      ok: false,
      problem: `its default export has no ${missing.map((k) => `${k}()`).join(' and ')} function`,
    };
  }
  if (value.close !== undefined && typeof value.close !== 'function') {
    return { ok: false, problem: `its close is ${describe(value.close)}, not a function` };
  }
  return { ok: true, value: value as unknown as ConnectorUnderTest };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  return `a ${typeof value}`;
}
