import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The transactional outbox (DESIGN §4 "Events and jobs"): a state change and the event that
 * announces it are written in one transaction, and the relay publishes committed rows afterwards.
 *
 * - `seq` is the publication order: assigned at insert, so it follows occurrence within a
 *   transaction and, for one aggregate, across the transactions that lock that aggregate's row.
 * - `attempts` counts delivery attempts (successful or not); `next_attempt_at` holds the backoff.
 * - `failed_at` parks an event that exhausted its attempts, so its aggregate's later events move on.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).notNull().unique().generatedAlwaysAsIdentity(),
    brandId: text('brand_id').notNull(),
    type: text('type').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    payload: jsonb('payload').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    failedAt: timestamp('failed_at', { withTimezone: true }),
  },
  (t) => [
    // The relay's scan: pending events in publication order. Partial, so published history
    // (kept until purged) costs nothing on the hot path.
    index('outbox_events_pending_idx')
      .on(t.seq)
      .where(sql`${t.publishedAt} IS NULL AND ${t.failedAt} IS NULL`),
    // The per-aggregate ordering check ("no earlier pending event of the same aggregate").
    index('outbox_events_pending_aggregate_idx')
      .on(t.brandId, t.aggregateType, t.aggregateId, t.seq)
      .where(sql`${t.publishedAt} IS NULL AND ${t.failedAt} IS NULL`),
    index('outbox_events_published_at_idx').on(t.publishedAt),
  ],
);

export type OutboxEventRow = typeof outboxEvents.$inferSelect;
