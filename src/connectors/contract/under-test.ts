import type { CoreBankConnector } from './connector.ts';
import type { PixConnector } from './pix.ts';
import type { ConnectorContractFixtures } from './testing/fixtures.ts';
import type { PixRailContractFixtures } from './testing/pix-suite.ts';

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
 *   import type { ConnectorUnderTest } from 'ponte/connectors';
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
  /** Builds the Pix rail under test, when the institution offers payments (family `pix`). */
  pixRail?(): PixConnector | Promise<PixConnector>;
  /** The Pix rail suite's accounts; required with `pixRail`. Runs after `fixtures`. */
  pixFixtures?(
    rail: PixConnector,
    connector: CoreBankConnector,
    fixtures: ConnectorContractFixtures,
  ): PixRailContractFixtures | Promise<PixRailContractFixtures>;
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
  for (const optional of ['close', 'pixRail', 'pixFixtures'] as const) {
    if (value[optional] !== undefined && typeof value[optional] !== 'function') {
      return { ok: false, problem: `its ${optional} is ${describe(value[optional])}, not a function` };
    }
  }
  if ((value.pixRail === undefined) !== (value.pixFixtures === undefined)) {
    return { ok: false, problem: 'it has one of pixRail() and pixFixtures() without the other' };
  }
  return { ok: true, value: value as unknown as ConnectorUnderTest };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  return `a ${typeof value}`;
}
