/**
 * A payments worker process for the crash-safety test (src/payments/settlement/crash.test.ts):
 * started with its configuration as one JSON argument, it works the settlement queues until it
 * is killed. It prints `ready` once its workers run.
 */
import { startPaymentsNode, type NodeOptions } from './node.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as NodeOptions;
const node = await startPaymentsNode({ ...options, workers: true });
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void node.stop().then(() => process.exit(0));
});
