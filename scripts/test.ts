/**
 * `npm test`: prepares a PostgreSQL for the suite, then runs Node's test runner.
 * - Without DATABASE_URL: a throw-away embedded PostgreSQL in a temporary folder.
 * - With DATABASE_URL: that server (its role needs CREATEDB); nothing else on it is touched.
 * A migrated template database is made once; each test file clones its own database from it
 * (src/platform/db/testing.ts). Extra arguments are test files or globs to run instead of all.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/platform/db/embedded.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { createPool } from '../src/platform/db/pool.ts';
import { withDatabase } from '../src/platform/db/testing.ts';

const args = process.argv.slice(2);
const files = args.length > 0 ? args : ['src/**/*.test.ts', 'test/**/*.test.ts'];

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-test-'));
const external = process.env.DATABASE_URL;
const embedded = external ? undefined : await startEmbeddedPostgres({ dir: scratch, database: 'postgres' });
const adminUrl = external ?? embedded!.url;
const template = `ponte_t${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
console.log(`# database: ${external ? 'DATABASE_URL' : 'embedded PostgreSQL'} (template ${template})`);

let code: number;
try {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(template)}`);
  await admin.end();
  const pool = createPool(withDatabase(adminUrl, template), 2);
  await runMigrations(pool);
  await pool.end();

  code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--test', `--test-concurrency=${process.env.PONTE_TEST_CONCURRENCY ?? 3}`, ...files],
      {
        stdio: 'inherit',
        env: { ...process.env, PONTE_TEST_ADMIN_URL: adminUrl, PONTE_TEST_TEMPLATE: template },
      },
    );
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('close', (exitCode) => resolve(exitCode ?? 1));
  });
} finally {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Clones left by crashed test files go too: they all start with the template's name.
  const leftovers = await admin.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE datname LIKE $1',
    [`${template}%`],
  );
  for (const { datname } of leftovers.rows) {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
  }
  await admin.end();
  await embedded?.stop();
  await fs.rm(scratch, { recursive: true, force: true });
}
process.exitCode = code;
