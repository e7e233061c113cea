import { and, asc, eq, gt, inArray, isNull, lt, lte, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/index.ts';
import type { Logger } from '../logger/index.ts';
import type { EventBus } from './bus.ts';
import type { AnyEventEnvelope } from './catalog.ts';
import { outboxEvents, type OutboxEventRow } from './schema.ts';

// Distinct from the writers' aggregate locks (record.ts): a relay publishing must not block writes.
const RELAY_LOCK_PREFIX = 'outbox-relay:';

export interface RetryPolicy {
  /** Delay before the first retry; doubles with each further attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts after which an event is parked (`failed_at`) for an operator to look at. */
  maxAttempts: number;
}

export interface BatchResult {
  claimed: number;
  published: number;
  failed: number;
  /** The soonest retry this batch scheduled, so the relay can wake for it. */
  retryInMs: number | undefined;
}

export interface BatchOptions {
  batchSize: number;
  retry: RetryPolicy;
  publishTimeoutMs: number;
  logger: Logger;
}

/**
 * Claims due events, publishes them in `seq` order and records the outcome, all in one
 * transaction. Several relays (processes) can run this at once:
 * - Claiming is per aggregate: a relay takes a transaction-scoped advisory lock on each aggregate
 *   it claims (`pg_try_advisory_xact_lock`, so others skip it instead of waiting), plus the rows
 *   themselves (`FOR UPDATE SKIP LOCKED`). Rows are marked published before the locks go, so a
 *   committed event is published once; only a crash between publish and commit republishes it
 *   (at-least-once).
 * - Order per aggregate: an event waits while an earlier event of its aggregate is waiting for a
 *   retry, and within a batch a failure holds back that aggregate's later events. Unrelated
 *   aggregates are never held back. (Writers keep `seq` in commit order per aggregate: record.ts.)
 */
export async function relayBatch(
  db: Database,
  bus: Pick<EventBus, 'publish'>,
  options: BatchOptions,
): Promise<BatchResult> {
  return db.transaction(async (tx) => {
    const earlier = alias(outboxEvents, 'earlier');
    const rows = await tx
      .select()
      .from(outboxEvents)
      .where(
        and(
          isNull(outboxEvents.publishedAt),
          isNull(outboxEvents.failedAt),
          lte(outboxEvents.nextAttemptAt, sql`clock_timestamp()`),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(earlier)
              .where(
                and(
                  eq(earlier.brandId, outboxEvents.brandId),
                  eq(earlier.aggregateType, outboxEvents.aggregateType),
                  eq(earlier.aggregateId, outboxEvents.aggregateId),
                  lt(earlier.seq, outboxEvents.seq),
                  isNull(earlier.publishedAt),
                  isNull(earlier.failedAt),
                  gt(earlier.nextAttemptAt, sql`clock_timestamp()`),
                ),
              ),
          ),
          // Last, so it is evaluated only for rows that are otherwise due.
          sql`pg_try_advisory_xact_lock(hashtextextended(${RELAY_LOCK_PREFIX} || ${outboxEvents.brandId} || ':' || ${outboxEvents.aggregateType} || ':' || ${outboxEvents.aggregateId}, 0))`,
        ),
      )
      .orderBy(asc(outboxEvents.seq))
      .limit(options.batchSize)
      .for('update', { skipLocked: true });

    const published: string[] = [];
    const held = await skippedAhead(tx, rows);
    let failed = 0;
    let retryInMs: number | undefined;
    for (const row of rows) {
      const key = aggregateKey(row);
      if (held.has(key)) continue;
      const attempt = row.attempts + 1;
      try {
        await withTimeout(bus.publish(toEnvelope(row, attempt)), options.publishTimeoutMs, row.id);
        published.push(row.id);
      } catch (error) {
        held.add(key);
        failed += 1;
        const parked = attempt >= options.retry.maxAttempts;
        const delayMs = backoff(attempt, options.retry);
        if (!parked) retryInMs = Math.min(retryInMs ?? delayMs, delayMs);
        await tx
          .update(outboxEvents)
          .set({
            attempts: attempt,
            lastError: describe(error),
            ...(parked
              ? { failedAt: sql`clock_timestamp()` }
              : { nextAttemptAt: sql`clock_timestamp() + make_interval(secs => ${delayMs / 1000}::float8)` }),
          })
          .where(eq(outboxEvents.id, row.id));
        const log = { eventId: row.id, eventType: row.type, attempt, err: error };
        if (parked) options.logger.error(log, 'event parked after its last delivery attempt');
        else options.logger.warn({ ...log, retryInMs: delayMs }, 'event delivery failed; will retry');
      }
    }
    if (published.length > 0) {
      await tx
        .update(outboxEvents)
        .set({
          publishedAt: sql`clock_timestamp()`,
          attempts: sql`${outboxEvents.attempts} + 1`,
          lastError: null,
        })
        .where(inArray(outboxEvents.id, published));
    }
    return { claimed: rows.length, published: published.length, failed, retryInMs };
  });
}

/** Exponential backoff: base · 2^(attempt-1), capped. */
export function backoff(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt - 1, 30));
}

/**
 * Aggregates whose claimed rows do not start at their earliest pending event. The claim evaluates
 * the advisory lock row by row: an earlier event can be passed over while another relay still
 * holds the aggregate, and a later one taken once that relay has committed and let go. Such an
 * aggregate is held back this batch (its rows stay pending), so per-aggregate order is kept.
 * Holding the aggregate's lock now, this statement sees the other relay's outcome (READ COMMITTED).
 */
async function skippedAhead(
  tx: Parameters<Parameters<Database['transaction']>[0]>[0],
  rows: readonly OutboxEventRow[],
): Promise<Set<string>> {
  const firstClaimed = new Map<string, number>();
  for (const row of rows) {
    const key = aggregateKey(row);
    if (!firstClaimed.has(key)) firstClaimed.set(key, Number(row.seq));
  }
  const held = new Set<string>();
  if (firstClaimed.size === 0) return held;
  const pending = await tx
    .select({
      brandId: outboxEvents.brandId,
      aggregateType: outboxEvents.aggregateType,
      aggregateId: outboxEvents.aggregateId,
      first: sql<string>`min(${outboxEvents.seq})`,
    })
    .from(outboxEvents)
    .where(
      and(
        isNull(outboxEvents.publishedAt),
        isNull(outboxEvents.failedAt),
        inArray(outboxEvents.aggregateId, [...new Set(rows.map((r) => r.aggregateId))]),
      ),
    )
    .groupBy(outboxEvents.brandId, outboxEvents.aggregateType, outboxEvents.aggregateId);
  for (const row of pending) {
    const key = `${row.brandId}\u0000${row.aggregateType}\u0000${row.aggregateId}`;
    const claimed = firstClaimed.get(key);
    if (claimed !== undefined && Number(row.first) < claimed) held.add(key);
  }
  return held;
}

function aggregateKey(row: OutboxEventRow): string {
  return `${row.brandId}\u0000${row.aggregateType}\u0000${row.aggregateId}`;
}

function toEnvelope(row: OutboxEventRow, attempt: number): AnyEventEnvelope {
  return {
    id: row.id,
    type: row.type,
    brandId: row.brandId,
    aggregateType: row.aggregateType,
    aggregateId: row.aggregateId,
    payload: row.payload,
    occurredAt: row.occurredAt,
    seq: row.seq,
    attempt,
  } as AnyEventEnvelope;
}

async function withTimeout(promise: Promise<void>, ms: number, eventId: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`publishing event ${eventId} timed out after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The stored `last_error`: the message and, for a bus that gathers failures, each cause. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 2_000);
  const causes = error.cause instanceof AggregateError ? error.cause.errors : [];
  const parts = [`${error.name}: ${error.message}`, ...causes.map((cause) => `- ${String(cause)}`)];
  return parts.join('\n').slice(0, 2_000);
}
