import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Database = NodePgDatabase<Schema> & { $client: pg.Pool };
/** A transaction handle from `db.transaction(async (tx) => ...)`: pass it down explicitly. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything that can run a query: the database itself or an open transaction. */
export type Executor = Database | Transaction;

// NUMERIC and BIGINT come back as strings by default; keep it (money must not become a float),
// but COUNT(*) and identity columns are safe as numbers when cast in SQL.

export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  return pool;
}

export function createDatabase(pool: pg.Pool): Database {
  return drizzle({ client: pool, schema });
}

export interface RetryOptions {
  attempts: number;
  firstDelayMs?: number;
  onRetry?: (attempt: number, delayMs: number, error: Error) => void;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Waits until PostgreSQL answers, with exponential backoff (a database still starting or briefly
 * away at boot is normal in production); throws a clear error after the last attempt.
 */
export async function waitForDatabase(pool: pg.Pool, options: RetryOptions): Promise<void> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let delay = options.firstDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      if (attempt >= options.attempts) {
        throw new Error(`PostgreSQL is unreachable after ${attempt} attempt(s): ${describePgError(err)}`, {
          cause: error,
        });
      }
      options.onRetry?.(attempt, delay, err);
      await sleep(delay);
      delay = Math.min(delay * 2, 10_000);
    }
  }
}

/** A one-line reason without the connection string (it may hold a password). */
export function describePgError(error: Error): string {
  const code = (error as { code?: string }).code;
  const message = error.message || (error instanceof AggregateError ? error.errors.join('; ') : '');
  return code ? `${code} ${message}`.trim() : message || error.name;
}
