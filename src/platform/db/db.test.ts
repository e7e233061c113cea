import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from './testing.ts';
import { runMigrations } from './migrate.ts';
import { brands } from './ponte-schema.ts';
import { createPool, waitForDatabase } from './pool.ts';

const tdb = await createTestDatabase();

describe('database', () => {
  it('starts each test file on a migrated database of its own', async () => {
    const { rows } = await tdb.pool.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations',
    );
    assert.ok(rows[0]!.count >= 1);
    await tdb.db.insert(brands).values({ id: 'b1', name: 'Banco Um' });
    const [row] = await tdb.db.select().from(brands).where(eq(brands.id, 'b1'));
    assert.equal(row?.name, 'Banco Um');
  });

  it('re-running migrations is a no-op, even from several processes at once', async () => {
    const before = await tdb.pool.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    await Promise.all([runMigrations(tdb.pool), runMigrations(tdb.pool), runMigrations(tdb.pool)]);
    const after = await tdb.pool.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    assert.deepEqual(after.rows, before.rows);
  });

  it('refuses, with what to do, a database whose migration history an older pre-release build wrote', async () => {
    const first = await tdb.pool.query<{ id: number; hash: string }>(
      'SELECT id, hash FROM drizzle.__drizzle_migrations ORDER BY created_at LIMIT 1',
    );
    const { id, hash } = first.rows[0]!;
    await tdb.pool.query('UPDATE drizzle.__drizzle_migrations SET hash = $1 WHERE id = $2', ['older', id]);
    try {
      await assert.rejects(runMigrations(tdb.pool), /older pre-release build of Ponte.*reset it/);
    } finally {
      await tdb.pool.query('UPDATE drizzle.__drizzle_migrations SET hash = $1 WHERE id = $2', [hash, id]);
    }
    await runMigrations(tdb.pool);
  });

  it('rolls back a failed transaction completely', async () => {
    await assert.rejects(
      tdb.db.transaction(async (tx) => {
        await tx.insert(brands).values({ id: 'b2', name: 'Banco Dois' });
        await tx.insert(brands).values({ id: 'b2', name: 'duplicate' });
      }),
    );
    const rows = await tdb.db.select().from(brands).where(eq(brands.id, 'b2'));
    assert.equal(rows.length, 0);
  });

  it('gives up on an unreachable database after the configured attempts, with a clear reason', async () => {
    const pool = createPool('postgres://nobody@127.0.0.1:1/none', 1);
    const retries: number[] = [];
    await assert.rejects(
      waitForDatabase(pool, {
        attempts: 3,
        firstDelayMs: 10,
        sleep: async () => {},
        onRetry: (attempt, delay) => retries.push(delay),
      }),
      /PostgreSQL is unreachable after 3 attempt\(s\): ECONNREFUSED/,
    );
    assert.deepEqual(retries, [10, 20]);
    await pool.end();
  });
});
