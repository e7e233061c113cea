import { Command, CommanderError, Option } from 'commander';
import { fileURLToPath } from 'node:url';
import { wholeNumber } from '../args.ts';

/** The ready example: the sample core bank on Ponte's own database, seeded with a small brand. */
const SAMPLE_MODULE = new URL('../../../examples/connector/sample-bank.ts', import.meta.url);

interface ConnectorTestOptions {
  module?: string;
  sample?: boolean;
  family?: string[];
  reporter: 'summary' | 'spec' | 'tap';
  timeout: number;
  verbose?: boolean;
}

/**
 * `ponte connector-test`: runs the connector contract suites against an institution's connector
 * module. Exit codes: 0 every test passed, 1 a test (or the connector's set-up) failed, 2 bad
 * usage (no module, a module that cannot be found or loaded, or that has the wrong shape).
 */
export function connectorTestCommand(): Command {
  return new Command('connector-test')
    .description(
      'check a core-bank connector against the connector contract (exit 0 pass, 1 fail, 2 bad usage)',
    )
    .option('--module <path-or-package>', 'module whose default export is a ConnectorUnderTest')
    .option('--sample', 'run against the sample core bank (examples/connector/sample-bank.ts)')
    .option('--family <names>', 'only these families, comma-separated (e.g. accounts,credit-cards)', families)
    .addOption(
      new Option('--reporter <name>', 'summary only, or also Node’s spec/tap output')
        .choices(['summary', 'spec', 'tap'])
        .default('summary'),
    )
    .option('--timeout <ms>', 'per-test timeout in milliseconds', wholeNumber(3_600_000), 120_000)
    .option('--verbose', 'show what the connector module prints')
    .addHelpText(
      'after',
      '\nThe module exports `default { connector(), fixtures(connector), close?() }` (type\n' +
        'ConnectorUnderTest in src/connectors/contract). See docs/connectors.md.',
    )
    .action(async (options: ConnectorTestOptions) => {
      const specifier = options.sample ? fileURLToPath(SAMPLE_MODULE) : options.module;
      if (!specifier || (options.sample && options.module)) {
        usageError('give exactly one of --module <path-or-package> or --sample');
      }
      const {
        CONTRACT_FAMILIES,
        ConnectorModuleError,
        formatContractReport,
        loadConnectorUnderTest,
        resolveConnectorModule,
        runContractCheck,
      } = await import('../../connectors/testing.ts');
      const unknown = (options.family ?? []).filter((f) => !CONTRACT_FAMILIES.includes(f));
      if (unknown.length > 0 || options.family?.length === 0) {
        usageError(`unknown family "${unknown.join(',')}"; choose from ${CONTRACT_FAMILIES.join(', ')}`);
      }
      const label = options.sample ? 'sample core bank (examples/connector/sample-bank.ts)' : specifier;
      let moduleUrl: string;
      try {
        moduleUrl = resolveConnectorModule(specifier, process.cwd());
        // Loaded here first so a missing file or a wrong shape is a usage error, not a test failure.
        await loadConnectorUnderTest(moduleUrl, specifier);
      } catch (error) {
        if (error instanceof ConnectorModuleError) usageError(error.message, error.cause);
        throw error;
      }
      const report = await runContractCheck({
        moduleUrl,
        label,
        families: options.family ?? [],
        timeoutMs: options.timeout,
        ...(options.reporter !== 'summary' && { reporter: options.reporter, output: process.stdout }),
        ...(options.verbose && { onModuleOutput: (text: string) => process.stderr.write(text) }),
      });
      // TAP consumers read stdout: the human report goes to stderr then.
      const out = options.reporter === 'tap' ? process.stderr : process.stdout;
      out.write(`${options.reporter === 'summary' ? '' : '\n'}${formatContractReport(report)}`);
      if (!report.ok) process.exitCode = 1;
    });
}

/** `--family accounts,credit-cards` (repeatable); names are checked once the suites are loaded. */
function families(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((n) => n.trim().toLowerCase())].filter(Boolean);
}

/** One clear line and exit code 2; the underlying stack only with PONTE_DEBUG=1 (as `main.ts`). */
function usageError(message: string, cause?: unknown): never {
  process.stderr.write(`ponte connector-test: ${message}\n`);
  if (process.env.PONTE_DEBUG === '1' && cause instanceof Error) process.stderr.write(`${cause.stack}\n`);
  throw new CommanderError(2, 'ponte.connectorTest.usage', message);
}
