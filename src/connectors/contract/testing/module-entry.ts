/**
 * The test file `ponte connector-test` hands to Node's test runner (`run()` from `node:test`, one
 * child process): it imports the connector module named by `--module <file URL>` and declares the
 * contract suites (restricted by `--family a,b`) against it. Not meant to be run by hand.
 */
import { parseArgs } from 'node:util';
import type { CoreBankConnector } from '../connector.ts';
import { runConnectorContractTests } from './index.ts';
import { loadConnectorUnderTest } from './load-module.ts';
import { PIX_FAMILY, suitesFor } from './suites.ts';

const { values } = parseArgs({
  options: { module: { type: 'string' }, label: { type: 'string' }, family: { type: 'string' } },
  strict: false,
});
if (typeof values.module !== 'string') throw new Error('module-entry: --module <file URL> is required');
const label = typeof values.label === 'string' ? values.label : values.module;
const families = typeof values.family === 'string' ? values.family.split(',').filter(Boolean) : [];

const underTest = await loadConnectorUnderTest(values.module, label);
const withPix = underTest.pixRail !== undefined && (families.length === 0 || families.includes(PIX_FAMILY));
let connector: CoreBankConnector | undefined;
runConnectorContractTests(
  async () => (connector = await underTest.connector()),
  async () => underTest.fixtures(connector!),
  {
    suites: suitesFor(families),
    ...(underTest.close && { close: async () => await underTest.close?.() }),
    ...(withPix && {
      pix: {
        rail: () => underTest.pixRail!(),
        fixtures: (rail, built, fixtures) => underTest.pixFixtures!(rail, built, fixtures),
      },
    }),
  },
);
