import { after as afterAll } from 'node:test';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, createPool, type Database } from './pool.ts';

/**
 * Test helper: a fresh database per test file, cloned from the migrated template that
 * `npm test` (scripts/test.ts) prepares on the embedded server or on DATABASE_URL.
 *
 * @example
 *   const tdb = await createTestDatabase();          // dropped after the file's tests
 *   await tdb.pool.query('SELECT 1');
 */
export interface TestDatabase {
  url: string;
  name: string;
  pool: pg.Pool;
  db: Database;
  /** Admin URL of the same server (for tests that need a second, privileged connection). */
  adminUrl: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(
  hooks: { after(fn: () => Promise<void>): void } = { after: afterAll },
): Promise<TestDatabase> {
  const adminUrl = process.env.PONTE_TEST_ADMIN_URL;
  const template = process.env.PONTE_TEST_TEMPLATE;
  if (!adminUrl || !template) {
    throw new Error('Database tests run through `npm test` (scripts/test.ts), which prepares the template.');
  }
  const name = `${template}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(
          `CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${admin.escapeIdentifier(template)}`,
        );
        break;
      } catch (error) {
        // 55006: the template is briefly in use by a concurrent CREATE DATABASE.
        if ((error as { code?: string }).code !== '55006' || attempt > 20) throw error;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const pool = createPool(url, 10);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await pool.end();
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.end();
  };
  hooks.after(drop);
  return { url, name, pool, db: createDatabase(pool), adminUrl, drop };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
