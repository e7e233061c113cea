export { startEmbeddedPostgres, freePort, type EmbeddedPostgres } from './embedded.ts';
export { runMigrations, MIGRATIONS_DIR } from './migrate.ts';
export {
  createPool,
  createDatabase,
  waitForDatabase,
  describePgError,
  type Database,
  type Executor,
  type Transaction,
  type Schema,
} from './pool.ts';
export * as tables from './schema.ts';
