import { AppError } from '../errors/index.ts';
import type { Logger } from '../logger/index.ts';
import type { AnyEventEnvelope, EventEnvelope, EventName } from './catalog.ts';

/**
 * Receives one event. Delivery is at-least-once: the same event (same `event.id`) can arrive
 * again after a crash, a timeout or another subscriber's failure, so a subscriber must be
 * idempotent, using `event.id` as its deduplication key (e.g. a unique constraint on the id it
 * stores, or a job `id` derived from it when it enqueues a job: pg-boss ignores a second send
 * with the same id). Keep subscribers short: enqueue a job for slow work (webhook delivery,
 * scoring) rather than doing it inline; they run inside the relay's transaction.
 */
export type EventSubscriber<Name extends EventName = EventName> = (
  event: EventEnvelope<Name>,
) => Promise<void> | void;

/**
 * Where the outbox relay publishes. The in-process bus below serves the single-process and
 * embedded setups; a NATS JetStream adapter (fan-out to other systems) implements the same
 * interface: `publish` resolves once the stream has stored the event, and subscriptions become
 * durable consumers named by `name`.
 */
export interface EventBus {
  /** Delivers an event; rejects when it could not be delivered, so the relay retries it later. */
  publish(event: AnyEventEnvelope): Promise<void>;
  /** Subscribes `handler` (identified by `name`) to one event type; returns an unsubscribe function. */
  subscribe<Name extends EventName>(type: Name, name: string, handler: EventSubscriber<Name>): () => void;
  /** Subscribes to every event type. */
  subscribeAll(name: string, handler: (event: AnyEventEnvelope) => Promise<void> | void): () => void;
}

interface Subscription {
  type: EventName | '*';
  name: string;
  handler: (event: AnyEventEnvelope) => Promise<void> | void;
}

/**
 * In-process bus: `publish` calls every matching subscriber in subscription order and rejects
 * (EVENT_DELIVERY_FAILED) if any of them threw, after giving the others their turn. The relay
 * then retries the event, so subscribers that succeeded see it again: hence idempotency.
 */
export function createInProcessEventBus(options: { logger: Logger }): EventBus {
  const logger = options.logger.child({ module: 'events' });
  const subscriptions: Subscription[] = [];

  function add(subscription: Subscription): () => void {
    if (subscriptions.some((s) => s.name === subscription.name && s.type === subscription.type)) {
      throw new AppError(
        'EVENT_SUBSCRIBER_DUPLICATE',
        `Subscriber ${subscription.name} is already subscribed`,
      );
    }
    subscriptions.push(subscription);
    return () => {
      const index = subscriptions.indexOf(subscription);
      if (index >= 0) subscriptions.splice(index, 1);
    };
  }

  return {
    async publish(event) {
      const failed: { name: string; error: unknown }[] = [];
      for (const subscription of [...subscriptions]) {
        if (subscription.type !== '*' && subscription.type !== event.type) continue;
        try {
          await subscription.handler(event);
        } catch (error) {
          failed.push({ name: subscription.name, error });
          logger.warn(
            {
              eventId: event.id,
              eventType: event.type,
              subscriber: subscription.name,
              attempt: event.attempt,
              err: error,
            },
            'event subscriber failed; the event will be delivered again',
          );
        }
      }
      if (failed.length > 0) {
        throw new AppError(
          'EVENT_DELIVERY_FAILED',
          `${failed.length} subscriber(s) failed for event ${event.id}`,
          {
            detail: { eventId: event.id, subscribers: failed.map((f) => f.name) },
            cause: new AggregateError(failed.map((f) => f.error)),
          },
        );
      }
    },
    subscribe(type, name, handler) {
      return add({ type, name, handler: handler as Subscription['handler'] });
    },
    subscribeAll(name, handler) {
      return add({ type: '*', name, handler });
    },
  };
}
