/**
 * Domain events through a transactional outbox (DESIGN §4 "Events and jobs"): record an event in
 * the state change's transaction; the relay publishes committed events, in order per aggregate,
 * at least once, to an EventBus (in-process now, NATS JetStream later behind the same interface).
 * Subscribers must be idempotent: the event id is the deduplication key.
 */
export {
  aggregateTypeOf,
  type AggregateOf,
  type AnyEventEnvelope,
  type EventCatalog,
  type EventDefinition,
  type EventEnvelope,
  type EventName,
  type EventPayloads,
} from './catalog.ts';
export { recordEvent, recordEvents, type AnyNewEvent, type NewEvent } from './record.ts';
export { createInProcessEventBus, type EventBus, type EventSubscriber } from './bus.ts';
export { createOutboxRelay, OUTBOX_CHANNEL, type OutboxRelay, type OutboxRelayOptions } from './relay.ts';
export type { RetryPolicy } from './relay-batch.ts';
export { purgePublishedEvents, retryParkedEvent } from './maintenance.ts';
export { outboxEvents, type OutboxEventRow } from './schema.ts';
