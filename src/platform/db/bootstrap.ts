import path from 'node:path';
import type pg from 'pg';
import type { DatabaseConfig } from '../config/index.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.ts';
import { runMigrations } from './migrate.ts';
import { createDatabase, createPool, waitForDatabase, type Database } from './pool.ts';

export interface OpenDatabase {
  pool: pg.Pool;
  db: Database;
  url: string;
  embedded: EmbeddedPostgres | undefined;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL (or starts the embedded server under `<home>/pg`), waits for it with
 * backoff, and applies migrations. Closing drains the pool before stopping the embedded server,
 * so shutdown is clean and a second start reuses the data.
 */
export async function openDatabase(
  config: DatabaseConfig,
  home: string,
  log: (message: string) => void = () => {},
  options: { migrate?: boolean } = {},
): Promise<OpenDatabase> {
  const embedded = config.url
    ? undefined
    : await startEmbeddedPostgres({ dir: path.join(home, 'pg'), port: config.embeddedPort, log });
  const url = config.url ?? embedded!.url;
  const pool = createPool(url, config.poolMax);
  try {
    await waitForDatabase(pool, {
      attempts: config.connectAttempts,
      onRetry: (attempt, delay, error) =>
        log(`database not ready (attempt ${attempt}: ${error.message}); retrying in ${delay} ms`),
    });
    if (options.migrate !== false) await runMigrations(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    await embedded?.stop();
    throw error;
  }
  return {
    pool,
    db: createDatabase(pool),
    url,
    embedded,
    async close() {
      await pool.end().catch(() => {});
      await embedded?.stop();
    },
  };
}
