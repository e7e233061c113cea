import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ConnectorDeps, PixRailDeps } from './contract/index.ts';
import { ConnectorModuleError, buildConnector, buildPixRail, loadConnectorModule } from './load.ts';

// Fixture modules live in a folder outside the repository, as an institution's would, and import
// the contract by package name: `ponte/connectors` must resolve to this Ponte.
const GOOD = `
import { customerNotFound } from 'ponte/connectors';
const fn = async () => { throw customerNotFound(); };
const family = (names) => Object.fromEntries(names.map((n) => [n, fn]));
export function createConnector(options) {
  return {
    options,
    customers: family(['findCustomer', 'getPersonalIdentifications', 'getPersonalQualification',
      'getPersonalFinancialRelation', 'getBusinessIdentifications', 'getBusinessQualification',
      'getBusinessFinancialRelation']),
    accounts: family(['listAccounts', 'getAccount', 'getBalances', 'listTransactions', 'getOverdraftLimits']),
    resources: family(['listResources']),
    ...(options.broken && { accounts: family(['listAccounts', 'getAccount']), creditCards: 'yes' }),
  };
}
export function createPixRail(options) {
  const rail = { listDebtorAccounts: fn, getDebtorAccount: fn, resolveKey: fn, submitTransfer: fn, getTransfer: fn };
  if (options.broken) delete rail.submitTransfer;
  return rail;
}
`;

let dir: string;
const load = (spec: string, pix = false) => loadConnectorModule(spec, { baseDir: dir, pix });
const deps = {} as ConnectorDeps;

async function rejectsWith(promise: Promise<unknown>, reason: string, ...fragments: RegExp[]) {
  const error = await promise.then(
    () => assert.fail('expected a ConnectorModuleError'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ConnectorModuleError, String(error));
  assert.equal(error.reason, reason);
  for (const f of fragments) assert.match(error.message, f);
}

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-connector-module-'));
  const write = (name: string, text: string) => fs.writeFile(path.join(dir, name), text);
  await write('good.js', GOOD);
  await write('good-default.ts', `import * as m from './good.js';\nexport default { ...m };\n`);
  await write('data-only.js', `export function createConnector() {}\n`);
  await write('wrong.js', `export const createConnector = 'soon';\nexport const createPixRail = 42;\n`);
  await write('nothing.js', `export const name = 'my-core';\n`);
  await write('default-string.js', `export default 'my-core';\n`);
  await write('syntax.js', `export function createConnector( {\n`);
  await write('throws.js', `throw new Error('cannot reach the core at import');\n`);
  await fs.mkdir(path.join(dir, 'folder'));
});
after(() => fs.rm(dir, { recursive: true, force: true }));

describe('loadConnectorModule', () => {
  it('loads a module outside the repository that imports the contract as ponte/connectors', async () => {
    const mod = await load('./good.js', true);
    assert.equal(typeof mod.createConnector, 'function');
    assert.equal(typeof mod.createPixRail, 'function');
    const connector = await buildConnector(mod, { region: 'sp' }, deps);
    assert.deepEqual((connector as unknown as { options: unknown }).options, { region: 'sp' });
    await assert.rejects(connector.customers.findCustomer('b', { type: 'CPF', number: '1' }), {
      code: 'CONNECTOR_CUSTOMER_NOT_FOUND',
    });
    const rail = await buildPixRail(mod, {}, deps as PixRailDeps);
    assert.equal(typeof rail.submitTransfer, 'function');
  });

  it('takes the factories from the default export too, and a path relative to the base folder', async () => {
    const mod = await loadConnectorModule('good-default.ts', { baseDir: dir });
    await buildConnector(mod, {}, deps);
  });

  it('refuses a file that does not exist, naming it', async () => {
    await rejectsWith(load('./my-core.ts'), 'not-found', /cannot find connector module \.\/my-core\.ts/);
    await rejectsWith(load('./folder'), 'not-found', /is a directory, not a module/);
    await rejectsWith(load('no-such-package-xyz'), 'not-found', /neither a file nor an installed package/);
  });

  it('refuses a file that is not a module, with its first line of error', async () => {
    await rejectsWith(load('./syntax.js'), 'unloadable', /cannot load connector module \.\/syntax\.js: /);
    await rejectsWith(load('./throws.js'), 'unloadable', /cannot reach the core at import/);
  });

  it('names what is missing or of the wrong type among the exports', async () => {
    await rejectsWith(
      load('./nothing.js'),
      'wrong-shape',
      /nothing\.js is not a Ponte connector module: createConnector is missing/,
    );
    await rejectsWith(
      load('./wrong.js'),
      'wrong-shape',
      /createConnector is a string, not a function; createPixRail is a number, not a function/,
    );
    await rejectsWith(
      load('./default-string.js'),
      'wrong-shape',
      /its default export is a string, not an object/,
    );
  });

  it('asks for createPixRail only when a brand has the payments role', async () => {
    await load('./data-only.js');
    await rejectsWith(
      load('./data-only.js', true),
      'wrong-shape',
      /createPixRail is missing \(a brand has the payments role/,
    );
  });

  it('names every contract method the built connector or rail lacks', async () => {
    const mod = await load('./good.js', true);
    await rejectsWith(
      buildConnector(mod, { broken: true }, deps),
      'wrong-shape',
      /createConnector\(\) returned a connector where accounts\.getBalances is missing; accounts\.listTransactions is missing; accounts\.getOverdraftLimits is missing; creditCards is a string, not an object/,
    );
    await rejectsWith(
      buildConnector(await load('./data-only.js'), {}, deps),
      'wrong-shape',
      /the connector is missing/,
    );
    await rejectsWith(
      buildPixRail(mod, { broken: true }, deps as PixRailDeps),
      'wrong-shape',
      /createPixRail\(\) returned a rail where pix\.submitTransfer is missing/,
    );
  });
});
