import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTestDatabase } from '../src/platform/db/testing.ts';
import { runCli } from './support/cli.ts';

// `ponte connector-test` as an institution runs it: the real CLI, a connector module on disk, the
// sample core bank on a fresh database (40 customers, seeded by the first run, reused after).
const tdb = await createTestDatabase();
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-connector-test-'));
after(() => fs.rm(scratch, { recursive: true, force: true }));
const env = { DATABASE_URL: tdb.url, PONTE_HOME: path.join(scratch, 'home') };
const sampleModule = pathToFileURL(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../examples/connector/sample-bank.ts'),
).href;

/** Writes a connector module into the scratch folder and returns its path. */
async function writeModule(name: string, source: string): Promise<string> {
  const file = path.join(scratch, name);
  await fs.writeFile(file, source);
  return file;
}

describe('ponte connector-test', () => {
  it('passes the sample core bank and reports every family with its passes', async () => {
    const result = await runCli(['connector-test', '--sample'], env, 120_000);
    assert.equal(result.code, 0, result.stderr);
    for (const family of ['customers', 'accounts', 'resources', 'credit-cards', 'credit-operations', 'pix']) {
      assert.match(result.stdout, new RegExp(`✔ ${family}\\s+\\d+ passed\\s+[\\d.]+ m?s`), family);
    }
    assert.match(result.stdout, /(\d+) tests: \1 passed, 0 failed in /);
    assert.match(result.stdout, /PASS: the connector meets the contract/);
  });

  it('runs a module outside the repository that imports ponte/connectors without ponte installed', async () => {
    // No node_modules in the scratch folder: the CLI resolves \`ponte/...\` to itself.
    const outside = await writeModule(
      'my-connector.ts',
      `import { PIX_CONFLICT, connectorShapeProblems, type ConnectorUnderTest } from 'ponte/connectors';
import type { PixRailContractFixtures } from 'ponte/connectors/testing';
import sample from ${JSON.stringify(sampleModule)};
const checked: PixRailContractFixtures | undefined = undefined;
export default {
  ...sample,
  async connector() {
    const connector = await sample.connector();
    const problems = connectorShapeProblems(connector);
    if (problems.length > 0 || PIX_CONFLICT !== 'CONNECTOR_PIX_CONFLICT' || checked) throw new Error(problems.join());
    return connector;
  },
} satisfies ConnectorUnderTest;
`,
    );
    const result = await runCli(
      ['connector-test', '--module', outside, '--family', 'customers,pix'],
      env,
      120_000,
    );
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /✔ customers\s+\d+ passed/);
    assert.match(result.stdout, /✔ pix\s+\d+ passed/);
    assert.match(result.stdout, /PASS: the connector meets the contract/);
  });

  it('fails a connector that reports a malformed currency, naming the test and the assertion', async () => {
    // The sample bank, except that one account's identification carries a currency that is not ISO 4217.
    const broken = await writeModule(
      'broken-currency.ts',
      `import sample from ${JSON.stringify(sampleModule)};
export default {
  ...sample,
  async connector() {
    const real = await sample.connector();
    const accounts = Object.create(real.accounts);
    accounts.getAccount = async (...args) => ({ ...(await real.accounts.getAccount(...args)), currency: 'REAL' });
    return { ...real, accounts };
  },
};
`,
    );
    const result = await runCli(
      ['connector-test', '--module', broken, '--family', 'customers,accounts'],
      env,
      120_000,
    );
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /✔ customers\s+\d+ passed/);
    assert.match(result.stdout, /✖ accounts\s+\d+ passed, 1 failed/);
    assert.match(result.stdout, /✖ identifies an account with the numbers the list gave/);
    assert.match(result.stdout, /did not match the regular expression[\s\S]*'REAL'/);
    assert.doesNotMatch(result.stdout, /credit-cards|resources/, 'only the chosen families run');
    assert.match(result.stdout, /FAIL: the connector does not meet the contract/);
  });

  it('reports a connector that cannot be built as a failed set-up, with exit code 1', async () => {
    const unreachable = await writeModule(
      'unreachable.ts',
      `export default {
  connector() { throw new Error('core banking host unreachable'); },
  fixtures() { throw new Error('never called'); },
};
`,
    );
    const result = await runCli(['connector-test', '--module', unreachable], env);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /✖ set-up failed: core banking host unreachable/);
    assert.match(result.stdout, /- accounts\s+not run/);
  });

  it('refuses a module that does not exist with exit code 2 and one clear line', async () => {
    const result = await runCli(['connector-test', '--module', './no-such-connector.ts'], env);
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      'ponte connector-test: cannot find connector module ./no-such-connector.ts\n',
    );
    assert.equal(result.stdout, '');
  });

  it('refuses a module of the wrong shape with exit code 2, saying what is expected', async () => {
    const wrong = await writeModule('wrong-shape.ts', 'export default { connector: 42 };\n');
    const result = await runCli(['connector-test', '--module', wrong], env);
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /is not a connector module: its default export has no connector\(\) and fixtures\(\)/,
    );
    assert.match(
      result.stderr,
      /expected `export default \{ connector\(\), fixtures\(connector\), close\?\(\) \}`/,
    );
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  });

  it('refuses a module that fails to load with exit code 2, and shows the stack only with PONTE_DEBUG=1', async () => {
    const unloadable = await writeModule(
      'unloadable.ts',
      "import './missing-dependency.ts';\nexport default {};\n",
    );
    const quiet = await runCli(['connector-test', '--module', unloadable], env);
    assert.equal(quiet.code, 2);
    assert.match(
      quiet.stderr,
      /^ponte connector-test: cannot load connector module .*: Cannot find module .*missing-dependency\.ts/,
    );
    assert.doesNotMatch(quiet.stderr, /\n\s+at /, 'no stack trace');
    const debug = await runCli(['connector-test', '--module', unloadable], { ...env, PONTE_DEBUG: '1' });
    assert.equal(debug.code, 2);
    assert.match(debug.stderr, /\n\s+at /);
  });

  it('refuses bad usage with exit code 2: no module, both flags, an unknown family', async () => {
    const cases: [string[], RegExp][] = [
      [[], /give exactly one of --module <path-or-package> or --sample/],
      [['--sample', '--module', 'x.ts'], /give exactly one of/],
      [['--sample', '--family', 'mortgages'], /unknown family "mortgages"; choose from customers, accounts/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['connector-test', ...args], env);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
  });
});
