/**
 * The typed event map's machinery, with no event of its own: each module declares the events it
 * records, and the outbox derives everything else from the name. Names read
 * `<aggregate>.<what happened>`: the part before the first dot is the aggregate type (events of
 * one aggregate are published in order). Payloads carry identifiers and the new state, not whole
 * records (subscribers read what else they need, and personal data stays out of the outbox).
 *
 * A module declares its events in its own `events.ts`:
 *
 * @example
 *   // src/orders/events.ts (a made-up module)
 *   import type { EventCatalog } from '../platform/events/index.ts';
 *
 *   export interface OrdersEventPayloads {
 *     'order.status-changed': { orderId: string; status: string; previousStatus: string | null };
 *   }
 *   declare module '../platform/events/index.ts' {
 *     interface EventPayloads extends OrdersEventPayloads {}
 *   }
 *   export const ordersEvents = {
 *     'order.status-changed': { aggregateType: 'order', description: 'An order changed status.' },
 *   } as const satisfies EventCatalog<OrdersEventPayloads>;
 */

/**
 * The payload of every event, by name. Empty here: modules add their events by declaration
 * merging, so recording or subscribing to an event no module declared is a type error.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging in each module
export interface EventPayloads {}

export type EventName = keyof EventPayloads;

/** The aggregate type of an event name: what precedes its first dot. */
export type AggregateOf<Name extends string> = Name extends `${infer Aggregate}.${string}`
  ? Aggregate
  : never;

export interface EventDefinition<Aggregate extends string = string> {
  /** The kind of thing the event is about: the name's prefix (checked by the type). */
  aggregateType: Aggregate;
  description: string;
}

/**
 * A module's events, described (a total map over its payloads). A name without a dot has no
 * aggregate (`never`) and cannot be described: the catalogue does not compile.
 */
export type EventCatalog<Payloads extends object = EventPayloads> = {
  readonly [Name in keyof Payloads & string]: EventDefinition<AggregateOf<Name>>;
};

/**
 * The aggregate type recorded with an event: the name's prefix (`order-line.status-changed`
 * → `order-line`). A name without one was never declared (the types forbid it).
 */
export function aggregateTypeOf(type: string): string {
  const dot = type.indexOf('.');
  if (dot <= 0) throw new TypeError(`Event type ${type} does not read <aggregate>.<what happened>`);
  return type.slice(0, dot);
}

/** An event as subscribers receive it. The `id` is the deduplication key: delivery is at-least-once. */
export interface EventEnvelope<Name extends EventName = EventName> {
  id: string;
  type: Name;
  brandId: string;
  aggregateType: string;
  aggregateId: string;
  payload: EventPayloads[Name];
  occurredAt: Date;
  /** Publication order (the outbox sequence). */
  seq: number;
  /** 1 on first delivery; higher when an earlier delivery failed and this is a retry. */
  attempt: number;
}

/** Any event, as a union discriminated by `type` (narrow with `if (event.type === ...)`). */
export type AnyEventEnvelope = { [Name in EventName]: EventEnvelope<Name> }[EventName];
