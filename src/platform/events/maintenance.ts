import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { outboxEvents } from './schema.ts';

/**
 * Deletes events published before `before` (the outbox is a relay, not an archive: the audit
 * trail and the lake keep history). Run it from a scheduled job; returns how many rows went.
 */
export async function purgePublishedEvents(db: Executor, before: Date): Promise<number> {
  const deleted = await db
    .delete(outboxEvents)
    .where(and(isNotNull(outboxEvents.publishedAt), lt(outboxEvents.publishedAt, before)))
    .returning({ id: outboxEvents.id });
  return deleted.length;
}

/**
 * Puts a parked event (one that exhausted its delivery attempts) back in line, after an operator
 * fixed the subscriber. Its attempts counter is kept; returns false if the event is not parked.
 */
export async function retryParkedEvent(db: Executor, eventId: string): Promise<boolean> {
  const updated = await db
    .update(outboxEvents)
    .set({ failedAt: null, nextAttemptAt: sql`clock_timestamp()` })
    .where(and(eq(outboxEvents.id, eventId), isNotNull(outboxEvents.failedAt)))
    .returning({ id: outboxEvents.id });
  return updated.length > 0;
}
