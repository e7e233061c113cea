import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startSimulatedServer, type SimulatedServer } from '../../src/sim/ecosystem.ts';
import { loadConfig } from '../../src/platform/config/index.ts';
import type { TestDatabase } from '../../src/platform/db/testing.ts';
import type { CoreBankConnector } from '../../src/connectors/index.ts';

/**
 * `ponte start` with the simulated ecosystem, in process, on a test database: random ports, a
 * small seed, quiet logs, a throw-away PONTE_HOME. `close()` stops it and removes the home.
 */
export async function startSimulator(
  tdb: TestDatabase,
  prefix: string,
  env: Record<string, string> = {},
): Promise<{ server: SimulatedServer; home: string; simDir: string; close(): Promise<void> }> {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  const config = loadConfig({
    PONTE_HOME: home,
    DATABASE_URL: tdb.url,
    PONTE_HTTP_PORT: '0',
    PONTE_SIM_PORT: '0',
    PONTE_SEED_CUSTOMERS: '24',
    PONTE_LOG_LEVEL: 'warn',
    PONTE_LOG_PRETTY: 'false',
    ...env,
  });
  // The simulator picks free ports before its servers bind them; another test process can take
  // one in between (EADDRINUSE). Start again on fresh ports then, a couple of times at most.
  let server: SimulatedServer | undefined;
  for (let attempt = 1; server === undefined; attempt++) {
    try {
      server = await startSimulatedServer(config);
    } catch (error) {
      if (attempt >= 3 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  return {
    server,
    home,
    simDir: path.join(home, 'sim'),
    async close() {
      await server.close();
      await fs.rm(home, { recursive: true, force: true });
    },
  };
}

/**
 * A free loopback port held until `release()`: the outside client's origin a test serves
 * (PONTE_SIM_CLIENT_ORIGIN), kept from other test processes while the simulator starts, and
 * released just before the test's own server listens on it.
 */
export async function reservePort(): Promise<{ port: number; origin: string; release(): Promise<void> }> {
  const holder = net.createServer();
  await new Promise<void>((resolve, reject) => {
    holder.once('error', reject);
    holder.listen(0, '127.0.0.1', resolve);
  });
  const { port } = holder.address() as net.AddressInfo;
  return {
    port,
    origin: `https://127.0.0.1:${port}`,
    release: () => new Promise<void>((resolve) => holder.close(() => resolve())),
  };
}

type DemoCustomer = SimulatedServer['ecosystem']['manifest']['brands'][number]['customers'][number];

/**
 * A demo customer (PF) of the manifest's brand `index` who can pay: a checking account (the payer
 * the authorisation page offers first) holding at least `atLeast`. The generated histories end
 * on the day of the run, so which customer that is changes with the calendar.
 */
export async function payingCustomer(
  server: SimulatedServer,
  index: number,
  atLeast = 100,
): Promise<DemoCustomer> {
  const entry = server.ecosystem.manifest.brands[index]!;
  const { connector } = server.ecosystem.brands[index]!;
  return payingCustomerOf(connector, entry.brandId, entry.customers, atLeast);
}

/** The first of `customers` (PF) whose first checking account at the brand holds `atLeast`. */
export async function payingCustomerOf<C extends { type: string; cpf: string }>(
  connector: CoreBankConnector,
  brandId: string,
  customers: C[],
  atLeast: number,
): Promise<C> {
  for (const customer of customers.filter((c) => c.type === 'PF')) {
    const ref = await connector.customers.findCustomer(brandId, { type: 'CPF', number: customer.cpf });
    if (ref === null) continue;
    const page = await connector.accounts.listAccounts(brandId, ref, {
      accountType: 'CONTA_DEPOSITO_A_VISTA',
      page: { page: 1, pageSize: 25 },
    });
    const [first] = page.items;
    if (first === undefined) continue;
    const balances = await connector.accounts.getBalances(brandId, ref, first.accountId);
    if (Number(balances.availableAmount.amount) >= atLeast) return customer;
  }
  throw new Error(`no demo customer of ${brandId} has a checking account with ${atLeast} or more`);
}
