import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { run } from 'node:test';
import { spec, tap, type TestEvent } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';
import { CONTRACT_FAMILIES } from './suites.ts';
import { createReportCollector, type ContractReport } from './report.ts';

export interface ContractCheckOptions {
  /** File URL of the connector module (see `resolveConnectorModule`). */
  readonly moduleUrl: string;
  /** How the report names the module (what the operator typed). */
  readonly label: string;
  /** Families to run (`CONTRACT_FAMILIES` names); all when empty. */
  readonly families?: readonly string[];
  /** Per-test timeout in milliseconds. */
  readonly timeoutMs?: number;
  /** Also stream Node's own `spec` or `tap` reporter output to `output`. */
  readonly reporter?: 'spec' | 'tap';
  readonly output?: Writable;
  /** Receives what the connector module writes to stdout/stderr (silenced when absent). */
  readonly onModuleOutput?: (text: string) => void;
}

const ENTRY = fileURLToPath(new URL('./module-entry.ts', import.meta.url));

/**
 * Runs the connector contract suites against a connector module in a child process, with Node's
 * test runner (`run()` from `node:test`), and returns what passed and failed, family by family.
 * The child exits when the suites end even if the connector left connections open.
 */
export async function runContractCheck(options: ContractCheckOptions): Promise<ContractReport> {
  const families = options.families?.length ? options.families : CONTRACT_FAMILIES;
  const collector = createReportCollector(
    options.label,
    CONTRACT_FAMILIES.filter((f) => families.includes(f)),
  );
  const argv = ['--module', options.moduleUrl, '--label', options.label];
  if (options.families?.length) argv.push('--family', options.families.join(','));
  const started = performance.now();
  const stream = run({
    files: [ENTRY],
    argv,
    forceExit: true,
    concurrency: 1,
    ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs }),
  });
  async function* events(): AsyncGenerator<TestEvent, void> {
    for await (const event of stream as AsyncIterable<TestEvent>) {
      collector.add(event);
      if (event.type === 'test:stdout' || event.type === 'test:stderr') {
        options.onModuleOutput?.(event.data.message);
      }
      yield event;
    }
  }
  const output = options.output;
  if (options.reporter === 'tap' && output) await pipeline(tap(events()), output, { end: false });
  else if (options.reporter === 'spec' && output)
    await pipeline(events(), new spec(), output, { end: false });
  else for await (const _ of events());
  return collector.report(performance.now() - started);
}
