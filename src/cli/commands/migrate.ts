import { Command } from 'commander';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply pending database migrations (also done by `start`) and exit')
    .action(async () => {
      const { withDatabase } = await import('../context.ts');
      await withDatabase(async ({ database }) => {
        const { rows } = await database.pool.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations',
        );
        process.stdout.write(`database is migrated (${rows[0]?.n ?? 0} migrations applied)\n`);
      });
    });
}
