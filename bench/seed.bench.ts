/**
 * Seed throughput of the sample core bank: N customers (default 10,000) into a fresh database,
 * with the real envelope encryption, printing rows and rows per second per table and in total.
 *
 *   ./node_modules/.bin/node bench/seed.bench.ts [customers] [--seed N]
 *
 * Uses DATABASE_URL's server when set (a database is created and dropped), else a throw-away
 * embedded PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { systemClock } from '../src/platform/clock/index.ts';
import {
  createDataKeyStore,
  createEnvelope,
  createFieldCipher,
  createKeyedHasher,
  kekFromMasterKey,
} from '../src/platform/crypto/index.ts';
import {
  createDatabase,
  createPool,
  runMigrations,
  startEmbeddedPostgres,
} from '../src/platform/db/index.ts';
import { withDatabase } from '../src/platform/db/testing.ts';
import { createSampleBankConnector, seedSampleBank } from '../src/sample-bank/index.ts';

const args = process.argv.slice(2);
const seedFlag = args.indexOf('--seed');
const seed = seedFlag >= 0 ? Number(args[seedFlag + 1]) : 42;
const customers = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--seed') ?? 10_000);

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-seed-bench-'));
const external = process.env.DATABASE_URL;
const embedded = external ? undefined : await startEmbeddedPostgres({ dir: scratch, database: 'postgres' });
const adminUrl = external ?? embedded!.url;
const database = `ponte_seed_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);

const pool = createPool(withDatabase(adminUrl, database), 4);
try {
  await runMigrations(pool);
  const kek = kekFromMasterKey(randomBytes(32));
  const envelope = createEnvelope({
    store: createDataKeyStore(createDatabase(pool)),
    kek,
    clock: systemClock,
    purpose: 'personal-data',
  });
  await envelope.ready();
  const cipher = createFieldCipher({
    envelope,
    hasher: createKeyedHasher(kek),
    hashDomain: 'sample-bank.document',
  });

  console.log(
    `# seeding ${customers.toLocaleString('en-US')} customers (seed ${seed}) on ${os.cpus().length} CPUs`,
  );
  const result = await seedSampleBank({
    pool,
    cipher,
    brandId: 'bench-bank',
    customers,
    seed,
    asOf: '2025-06-30',
    onProgress: (p) => {
      if (p.customers % 2000 === 0 || p.customers === p.totalCustomers) {
        const tx = p.rows['"sample_bank"."transactions"'] ?? 0;
        console.log(`  ${p.customers} customers, ${tx} transactions, ${(p.elapsedMs / 1000).toFixed(1)} s`);
      }
    },
  });
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  const rate = (n: number) => Math.round(n / result.seconds).toLocaleString('en-US');
  console.log(`\ncustomers     ${customers}`);
  console.log(`transactions  ${result.rows['"sample_bank"."transactions"'] ?? 0}`);
  console.log(`seconds       ${result.seconds.toFixed(2)}\n`);
  console.log(`${'table'.padEnd(46)} ${'rows'.padStart(10)} ${'rows/s'.padStart(10)}`);
  for (const [table, rows] of Object.entries(result.rows)) {
    console.log(`${table.padEnd(46)} ${String(rows).padStart(10)} ${rate(rows).padStart(10)}`);
  }
  console.log(`${'total'.padEnd(46)} ${String(total).padStart(10)} ${rate(total).padStart(10)}`);

  // Reading back: a 90-day window, first page of 25 and the next one by cursor, on 300 accounts.
  const connector = createSampleBankConnector({ db: createDatabase(pool), cipher });
  const { rows: sample } = await pool.query<{ id: string; customer_id: string }>(
    `SELECT id, customer_id FROM sample_bank.accounts WHERE brand_id = 'bench-bank' ORDER BY md5(id::text) LIMIT 300`,
  );
  const timings: number[] = [];
  for (const account of sample) {
    const ref = { customerId: account.customer_id, personType: 'PESSOA_NATURAL' as const };
    const window = { fromBookingDate: '2025-04-01', toBookingDate: '2025-06-30' };
    let t0 = performance.now();
    const first = await connector.accounts.listTransactions('bench-bank', ref, account.id, {
      ...window,
      paging: { page: 1, pageSize: 25 },
    });
    timings.push(performance.now() - t0);
    if (first.nextCursor) {
      t0 = performance.now();
      await connector.accounts.listTransactions('bench-bank', ref, account.id, {
        ...window,
        paging: { cursor: first.nextCursor, pageSize: 25 },
      });
      timings.push(performance.now() - t0);
    }
  }
  timings.sort((a, b) => a - b);
  const pct = (p: number) =>
    timings[Math.min(timings.length - 1, Math.floor(timings.length * p))]!.toFixed(1);
  console.log(`\nlistTransactions (${timings.length} pages of 25): p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms`);
} finally {
  await pool.end();
  await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(database)} WITH (FORCE)`);
  await admin.end();
  await embedded?.stop();
  await fs.rm(scratch, { recursive: true, force: true });
}
