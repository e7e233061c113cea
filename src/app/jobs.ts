import type pg from 'pg';
import { purgeExpiredHandler } from '../authz/index.ts';
import { startExpirySweeps, type ConsentService } from '../consents/index.ts';
import type { Clock } from '../platform/clock/index.ts';
import type { Jobs } from '../platform/jobs/index.ts';
import type { Logger } from '../platform/logger/index.ts';

const PURGE_EVERY_SECONDS = 300;

/**
 * Housekeeping every process with workers runs: consent expiry sweeps (consents past their
 * authorisation limit or term become REJECTED and their grants are revoked through the outbox)
 * and the purge of expired authorization-server artefacts. Both reschedule themselves; the
 * queues' `stately` policy keeps one queued per cluster however many processes kick them off.
 */
export async function startHousekeeping(deps: {
  jobs: Jobs;
  pool: pg.Pool;
  consents: ConsentService;
  clock: Clock;
  logger: Logger;
}): Promise<void> {
  if (!deps.jobs.enabled) return;
  await startExpirySweeps(deps.jobs, (limit) => deps.consents.expireDue(limit), { logger: deps.logger });
  const purge = purgeExpiredHandler({ pool: deps.pool, now: () => deps.clock.now() });
  await deps.jobs.work('authz.purge-expired', async (payload, job) => {
    await deps.jobs.send('authz.purge-expired', {}, { startAfter: PURGE_EVERY_SECONDS });
    return purge(payload, job);
  });
  await deps.jobs.send('authz.purge-expired', {}, { startAfter: PURGE_EVERY_SECONDS });
}
