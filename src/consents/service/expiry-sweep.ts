import type { Jobs } from '../../platform/jobs/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import { dueEnding } from '../domain/status-policy.ts';
import type { ConsentContext } from './context.ts';
import { endConsent } from './transitions.ts';

/**
 * Ends up to `limit` consents whose time ran out at the clock's now, each in its own transaction
 * with its `consent.expired` event. Returns how many this call ended (a consent ended meanwhile
 * by a read or a revocation is skipped: the conditional update finds it changed).
 */
export async function expireDueConsents(ctx: ConsentContext, limit: number): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.consents.dueForExpiry(ctx.db, now, limit);
  let ended = 0;
  for (const consent of due) {
    const ending = dueEnding(consent, now);
    if (ending === undefined) continue;
    if (await ctx.db.transaction((tx) => endConsent(tx, ctx, consent, ending))) ended++;
  }
  return ended;
}

export interface ExpirySweepOptions {
  /** Seconds between sweeps; 60 by default (reads apply expiry lazily in between). */
  intervalSeconds?: number;
  /** Consents per batch; the sweep loops until a batch comes back short. 500 by default. */
  batchSize?: number;
  logger?: Logger;
}

/**
 * Works the `consents.expire-sweep` queue and starts its chain: each run first queues the next
 * one (`startAfter` the interval), then sweeps, so a failing run cannot break the chain. The
 * queue is `stately`, so the kick-off from every process that starts collapses into one job.
 *
 * @example
 *   await startExpirySweeps(jobs, consents.expireDue, { intervalSeconds: 60, logger });
 */
export async function startExpirySweeps(
  jobs: Jobs,
  expireDue: (limit: number) => Promise<number>,
  options: ExpirySweepOptions = {},
): Promise<void> {
  const payload = { batchSize: options.batchSize ?? 500, intervalSeconds: options.intervalSeconds ?? 60 };
  await jobs.work('consents.expire-sweep', async ({ batchSize, intervalSeconds }) => {
    await jobs.send('consents.expire-sweep', { batchSize, intervalSeconds }, { startAfter: intervalSeconds });
    let total = 0;
    for (;;) {
      const ended = await expireDue(batchSize);
      total += ended;
      if (ended < batchSize) break;
    }
    if (total > 0) options.logger?.info({ ended: total }, 'expired consents rejected');
    return total > 0 ? 'completed' : 'skipped';
  });
  await jobs.send('consents.expire-sweep', payload);
}
