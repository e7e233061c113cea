import type { PaymentsContext } from '../context.ts';
import { sweep } from './sweep.ts';

/** The advisory lock the sweeping process holds (one sweep at a time across every process). */
const SWEEP_LOCK = "hashtextextended('ponte:payments:sweep', 0)";

/**
 * Runs the payments sweep in this process every `sweepIntervalSeconds`, and once at once (a
 * restarted worker recovers what the dead one left behind without waiting). Across processes
 * only one sweeps at a time: it holds a session advisory lock on a connection of its own, which
 * PostgreSQL releases by itself if the process dies mid-sweep. (A pg-boss job chain would stay
 * blocked behind the dead process's active job until pg-boss expires it.)
 */
export function startSweeper(
  ctx: PaymentsContext,
  options: { batchSize: number },
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = async (): Promise<void> => {
    const client = await ctx.db.$client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(${SWEEP_LOCK}) AS locked`,
      );
      if (!rows[0]?.locked) return;
      try {
        const result = await sweep(ctx, options.batchSize);
        if (Object.values(result).some((n) => n > 0)) ctx.logger.info(result, 'payments sweep');
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${SWEEP_LOCK})`);
      }
    } finally {
      client.release();
    }
  };
  const run = () => {
    if (running || stopped) return;
    running = tick()
      .catch((error: unknown) => ctx.logger.error({ err: error }, 'payments sweep failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(run, ctx.options.sweepIntervalSeconds * 1000);
  timer.unref();
  run();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
