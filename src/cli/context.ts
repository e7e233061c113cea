import { loadConfig, type Config } from '../platform/config/index.ts';
import { openDatabase, type OpenDatabase } from '../platform/db/bootstrap.ts';

/** Loads config and opens (and migrates) the database, then runs `work`, always closing after. */
export async function withDatabase<T>(
  work: (ctx: { config: Config; database: OpenDatabase }) => Promise<T>,
  options: { migrate?: boolean; quiet?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const log = options.quiet ? () => {} : (m: string) => process.stderr.write(`${m}\n`);
  const database = await openDatabase(config.database, config.home, log, { migrate: options.migrate });
  try {
    return await work({ config, database });
  } finally {
    await database.close();
  }
}
