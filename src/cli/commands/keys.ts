import { Command } from 'commander';
import { wholeNumber } from '../args.ts';

interface RotateOptions {
  newKeyFile: string;
  generate?: boolean;
  batchSize: number;
}

export function keysCommand(): Command {
  const keys = new Command('keys').description('master key (key-encryption key) administration');
  keys
    .command('rotate-master')
    // Subcommands made here do not inherit program.ts's settings: usage errors exit 2 too.
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .description(
      're-wrap every data key under a new master key, in batches (idempotent, resumable); ' +
        'processes keep running: they unwrap with either key',
    )
    .requiredOption('--new-key-file <path>', 'the new master key file (0600)')
    .option('--generate', 'create the new key file (0600) if it does not exist')
    .option('--batch-size <n>', 'data keys re-wrapped per transaction', wholeNumber(10_000), 100)
    .addHelpText(
      'after',
      `
Order with no downtime:
  1. ponte keys rotate-master --new-key-file NEW --generate
     (running processes keep serving: their data keys are unwrapped in memory)
  2. restart every process with PONTE_MASTER_KEY_FILE=NEW and PONTE_PREVIOUS_MASTER_KEY_FILES=OLD
  3. ponte keys rotate-master --new-key-file NEW   (re-wraps what an old process added meanwhile)
  4. remove PONTE_PREVIOUS_MASTER_KEY_FILES; keep OLD offline as long as backups need it`,
    )
    .action(async (options: RotateOptions, command: Command) => {
      if (options.batchSize < 1) command.error("error: option '--batch-size <n>' must be at least 1.");
      const { systemClock } = await import('../../platform/clock/index.ts');
      const { CryptoErrorCode, createLocalFileKek, rewrapDataKeys } =
        await import('../../platform/crypto/index.ts');
      const { isAppError } = await import('../../platform/errors/index.ts');
      const { withDatabase } = await import('../context.ts');
      let target;
      try {
        target = await createLocalFileKek({ path: options.newKeyFile, create: options.generate === true });
      } catch (error) {
        if (isAppError(error) && error.code === CryptoErrorCode.KEY_FILE_MISSING) {
          command.error(`error: ${error.message}; pass --generate to create it.`);
        }
        throw error;
      }
      await withDatabase(
        async ({ config, database }) => {
          if (
            target.path === config.crypto.masterKeyFile &&
            config.crypto.previousMasterKeyFiles.length === 0
          ) {
            process.stderr.write(
              'note: the new key file is the configured one; only other keys are re-wrapped\n',
            );
          }
          const current = await createLocalFileKek({ path: config.crypto.masterKeyFile, create: false });
          const previous = await Promise.all(
            config.crypto.previousMasterKeyFiles.map((file) =>
              createLocalFileKek({ path: file, create: false }),
            ),
          );
          const report = await rewrapDataKeys({
            db: database.db,
            target,
            current,
            previous,
            clock: systemClock,
            batchSize: options.batchSize,
          });
          const old = [current, ...previous].filter((k) => k.id !== target.id).map((k) => k.path);
          process.stdout.write(
            [
              `${target.created ? 'created' : 'using'} new master key ${target.id} (${target.path})`,
              `re-wrapped ${report.rewrapped} data key(s) in ${report.batches} batch(es); ` +
                `${report.alreadyUnderTarget} already under the new key; ${report.total} in all; ` +
                `${report.remaining} left under another key`,
              'next:',
              `  1. restart every process with PONTE_MASTER_KEY_FILE=${target.path}` +
                (old.length > 0 ? ` and PONTE_PREVIOUS_MASTER_KEY_FILES=${old.join(',')}` : ''),
              '  2. run this command again: it re-wraps what a process still on the old key added meanwhile',
              '  3. once every process runs on the new key and a run re-wraps 0, remove ' +
                'PONTE_PREVIOUS_MASTER_KEY_FILES and keep the old key file offline (backups need it)',
              '',
            ].join('\n'),
          );
          if (report.remaining > 0) process.exitCode = 1;
        },
        { quiet: true },
      );
    });
  return keys;
}
