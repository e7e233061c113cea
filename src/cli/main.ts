import { CommanderError } from 'commander';
import { ConfigError } from '../platform/config/index.ts';
import { buildProgram } from './program.ts';

/**
 * `ponte` entry point. Exit codes: 0 ok, 1 failure, 2 bad usage, 78 bad configuration (EX_CONFIG).
 * Errors are printed as one clear line; stack traces only with PONTE_DEBUG=1.
 */
const program = buildProgram();
try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
  if (!(error instanceof CommanderError)) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ponte: ${message}\n`);
    if (process.env.PONTE_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof ConfigError) return 78;
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  return 1;
}
