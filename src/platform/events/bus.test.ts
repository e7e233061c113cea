import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { isAppError } from '../errors/index.ts';
import { createInProcessEventBus, type AnyEventEnvelope } from './index.ts';

const logger = pino({ level: 'silent' });

function envelope(type: 'thing.status-changed' | 'thing.archived', id = 'e-1'): AnyEventEnvelope {
  const common = { id, brandId: 'brand-a', occurredAt: new Date('2026-01-01T00:00:00Z'), seq: 1, attempt: 1 };
  return type === 'thing.archived'
    ? {
        ...common,
        type,
        aggregateType: 'thing',
        aggregateId: 't-1',
        payload: { thingId: 't-1' },
      }
    : {
        ...common,
        type,
        aggregateType: 'thing',
        aggregateId: 'c-1',
        payload: { thingId: 'c-1', status: 'AUTHORISED', previousStatus: null },
      };
}

test('delivers an event to the subscribers of its type and to catch-all subscribers only', async () => {
  const bus = createInProcessEventBus({ logger });
  const seen: string[] = [];
  bus.subscribe('thing.status-changed', 'things', (event) => {
    seen.push(`things:${event.payload.status}`);
  });
  bus.subscribe('thing.archived', 'archive', () => {
    seen.push('archive');
  });
  bus.subscribeAll('audit', (event) => {
    seen.push(`audit:${event.type}`);
  });

  await bus.publish(envelope('thing.status-changed'));

  assert.deepEqual(seen, ['things:AUTHORISED', 'audit:thing.status-changed']);
});

test('rejects when a subscriber fails, after the other subscribers had their turn', async () => {
  const bus = createInProcessEventBus({ logger });
  const seen: string[] = [];
  bus.subscribeAll('broken', () => {
    throw new Error('webhook table locked');
  });
  bus.subscribeAll('healthy', () => {
    seen.push('healthy');
  });

  await assert.rejects(bus.publish(envelope('thing.archived')), (error) => {
    assert.ok(isAppError(error));
    assert.equal(error.code, 'EVENT_DELIVERY_FAILED');
    assert.deepEqual(error.detail?.subscribers, ['broken']);
    return true;
  });
  assert.deepEqual(seen, ['healthy']);
});

test('an unsubscribed handler no longer receives events, and a name subscribes once per type', async () => {
  const bus = createInProcessEventBus({ logger });
  let calls = 0;
  const unsubscribe = bus.subscribeAll('counter', () => {
    calls += 1;
  });
  assert.throws(() => bus.subscribeAll('counter', () => {}), /already subscribed/);

  await bus.publish(envelope('thing.archived', 'e-1'));
  unsubscribe();
  await bus.publish(envelope('thing.archived', 'e-2'));

  assert.equal(calls, 1);
});
