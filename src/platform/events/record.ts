import { sql } from 'drizzle-orm';
import type { Transaction } from '../db/index.ts';
import { aggregateTypeOf, type EventName, type EventPayloads } from './catalog.ts';
import { outboxEvents } from './schema.ts';

/** An event to record; the aggregate type is its name's prefix (`order.shipped` → `order`). */
export interface NewEvent<Name extends EventName = EventName> {
  type: Name;
  brandId: string;
  aggregateId: string;
  payload: EventPayloads[Name];
  /** When it happened; the database's transaction time by default. */
  occurredAt?: Date;
}

/** Any new event, as a union discriminated by `type`. */
export type AnyNewEvent = { [Name in EventName]: NewEvent<Name> }[EventName];

/**
 * Records an event in the caller's transaction (the outbox, DESIGN §4): it commits or rolls back
 * with the state change it announces, and the relay publishes it only after commit (the insert
 * trigger's NOTIFY is itself delivered only on commit). Takes a transaction, not the database,
 * on purpose: an event written outside the state change's transaction is the bug this prevents.
 *
 * Events of one aggregate are published in the order recorded, also across concurrent
 * transactions: recording takes a transaction-scoped lock on the aggregate (see lockAggregates),
 * so record the event right after the state change's own row lock, not long before it.
 *
 * @example
 *   await db.transaction(async (tx) => {
 *     await tx.update(orders).set({ status: 'SHIPPED' }).where(eq(orders.id, orderId));
 *     await recordEvent(tx, {
 *       type: 'order.status-changed', brandId, aggregateId: orderId,
 *       payload: { orderId, status: 'SHIPPED', previousStatus: 'PLACED' },
 *     });
 *   });
 */
export async function recordEvent<Name extends EventName>(
  tx: Transaction,
  event: NewEvent<Name>,
): Promise<string> {
  const [id] = await recordEvents(tx, [event as AnyNewEvent]);
  return id!;
}

/** Records several events in one statement; they are published in the order given. */
export async function recordEvents(tx: Transaction, events: readonly AnyNewEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  await lockAggregates(tx, events);
  const rows = await tx
    .insert(outboxEvents)
    .values(
      events.map((event) => ({
        brandId: event.brandId,
        type: event.type,
        aggregateType: aggregateTypeOf(event.type),
        aggregateId: event.aggregateId,
        payload: event.payload,
        ...(event.occurredAt === undefined ? {} : { occurredAt: event.occurredAt }),
      })),
    )
    .returning({ id: outboxEvents.id });
  return rows.map((row) => row.id);
}

/**
 * Serialises transactions that record events for the same aggregate, until commit: without it,
 * two concurrent transactions could take sequence numbers in one order and commit in the other,
 * and the relay could publish the later event first. Locks are taken in a fixed order (sorted
 * keys) so two multi-aggregate writers cannot deadlock each other here.
 */
async function lockAggregates(tx: Transaction, events: readonly AnyNewEvent[]): Promise<void> {
  const keys = [
    ...new Set(events.map((e) => `outbox:${e.brandId}:${aggregateTypeOf(e.type)}:${e.aggregateId}`)),
  ].sort();
  for (const key of keys) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  }
}
