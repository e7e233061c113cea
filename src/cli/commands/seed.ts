import { Command } from 'commander';
import { wholeNumber } from '../args.ts';

const BRAND_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function seedCommand(): Command {
  return new Command('seed')
    .description(
      'fill the sample core bank with deterministic synthetic customers (replaces that brand’s data)',
    )
    .option('--customers <n>', 'number of customers', wholeNumber(10_000_000), 1000)
    .option('--brand <id>', 'brand to seed (lowercase letters, digits, dashes)', 'banco-ponte')
    .option('--seed <n>', 'generator seed: the same seed gives the same data', wholeNumber(2 ** 31 - 1), 42)
    .action(async (options: { customers: number; brand: string; seed: number }) => {
      if (!BRAND_ID.test(options.brand)) {
        throw new Error(`--brand must be lowercase letters, digits and dashes, got "${options.brand}"`);
      }
      const { default: cliProgress } = await import('cli-progress');
      const { openCrypto } = await import('../../app/crypto.ts');
      const { sampleBankCipher } = await import('../../sample-bank/index.ts');
      const { seedSampleBank } = await import('../../sample-bank/index.ts');
      const { withDatabase } = await import('../context.ts');
      await withDatabase(async ({ config, database }) => {
        const crypto = await openCrypto(config, database.db);
        const bar = new cliProgress.SingleBar(
          {
            format: 'seeding {bar} {value}/{total} customers | {rows} rows | {eta_formatted} left',
            stream: process.stderr,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(options.customers, 0, { rows: 0 });
        const result = await seedSampleBank({
          pool: database.pool,
          cipher: sampleBankCipher(crypto),
          brandId: options.brand,
          customers: options.customers,
          seed: options.seed,
          onProgress: (p) =>
            bar.update(p.customers, { rows: Object.values(p.rows).reduce((a, b) => a + b, 0) }),
        });
        bar.update(options.customers);
        bar.stop();
        if (result.skipped) {
          process.stdout.write(`brand ${options.brand} already holds this exact data; nothing written\n`);
          return;
        }
        const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
        process.stdout.write(
          `seeded ${result.customers} customers into ${options.brand}: ${total} rows in ` +
            `${result.seconds.toFixed(1)} s (${Math.round(total / result.seconds)} rows/s)\n`,
        );
        for (const [table, n] of Object.entries(result.rows)) process.stdout.write(`  ${table}: ${n}\n`);
      });
    });
}
