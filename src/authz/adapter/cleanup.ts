import type pg from 'pg';
import type { JobHandler } from '../../platform/jobs/index.ts';

/**
 * Expired rows of `oidc_payloads` are invisible to the provider already (the adapter filters on
 * `expires_at`); this job only reclaims the space. Deleting in batches keeps each statement short
 * so it never holds locks the token endpoint would wait on.
 */
const BATCH = 5_000;

/** Deletes up to `limit` rows expired before `before`; returns how many were deleted. */
export async function purgeExpiredPayloads(pool: pg.Pool, before: Date, limit = BATCH): Promise<number> {
  const result = await pool.query(
    `DELETE FROM oidc_payloads WHERE ctid IN (
       SELECT ctid FROM oidc_payloads WHERE expires_at IS NOT NULL AND expires_at < $1 LIMIT $2
     )`,
    [before, limit],
  );
  return result.rowCount ?? 0;
}

/** Payload of the `authz.purge-expired` job (one run purges every brand). */
export type PurgeExpiredPayload = Record<string, never>;

/** The job handler: purges batch after batch until a batch comes back short. */
export function purgeExpiredHandler(deps: {
  pool: pg.Pool;
  now: () => Date;
}): JobHandler<PurgeExpiredPayload> {
  return async (_payload, job) => {
    let total = 0;
    for (;;) {
      if (job.signal.aborted) return 'retry';
      const deleted = await purgeExpiredPayloads(deps.pool, deps.now());
      total += deleted;
      if (deleted < BATCH) break;
    }
    return total === 0 ? 'skipped' : 'completed';
  };
}
