import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import { pino } from 'pino';
import { createDatabase, createPool } from '../db/index.ts';
import { createTestDatabase } from '../db/testing.ts';
import { gate, waitFor } from '../jobs/testing.ts';
import { createInProcessEventBus, createOutboxRelay, type AnyEventEnvelope } from './index.ts';
import { commitEvents, thingEvent, outboxRow } from './testing.ts';

const tdb = await createTestDatabase();
const logger = pino({ level: 'silent' });
const secondPool = createPool(tdb.url, 5);
after(() => secondPool.end());

beforeEach(async () => {
  await tdb.pool.query('DELETE FROM outbox_events');
});

async function publishedCount(): Promise<number> {
  const { rows } = await tdb.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NOT NULL',
  );
  return rows[0]!.n;
}

test('two relays on separate pools publish each committed event exactly once, in order per aggregate', async () => {
  const deliveries: (AnyEventEnvelope & { relay: string })[] = [];
  const relays = [tdb.db, createDatabase(secondPool)].map((db, index) => {
    const bus = createInProcessEventBus({ logger });
    bus.subscribeAll('recorder', async (event) => {
      deliveries.push({ ...event, relay: `relay-${index}` });
      // Yield while holding the batch, so the other relay runs into the locked rows.
      await new Promise((resolve) => setImmediate(resolve));
    });
    return createOutboxRelay({ db, bus, logger, batchSize: 3, pollIntervalMs: 20 });
  });
  await Promise.all(relays.map((relay) => relay.start()));
  try {
    const recorded: string[] = [];
    const writes = Array.from({ length: 20 }, (_, i) =>
      commitEvents(
        tdb.db,
        thingEvent(`thing-${i % 4}`, `STEP-${i}-a`),
        thingEvent(`thing-${i % 4}`, `STEP-${i}-b`),
      ).then((ids) => recorded.push(...ids)),
    );
    await Promise.all(writes);
    // Both relays also drain eagerly at the same time, on top of their notifications.
    await Promise.all(relays.map((relay) => relay.drain()));

    await waitFor(async () => (await publishedCount()) === recorded.length, 'every event published');
    const ids = deliveries.map((d) => d.id);
    assert.equal(ids.length, recorded.length, 'no event published twice');
    assert.deepEqual(new Set(ids), new Set(recorded));
    for (const thingId of ['thing-0', 'thing-1', 'thing-2', 'thing-3']) {
      const seqs = deliveries.filter((d) => d.aggregateId === thingId).map((d) => d.seq);
      assert.deepEqual(
        seqs,
        [...seqs].sort((a, b) => a - b),
        `${thingId} published in order`,
      );
    }
  } finally {
    await Promise.all(relays.map((relay) => relay.stop()));
  }
});

test('stop() waits for the batch in flight and commits its publication', async () => {
  const bus = createInProcessEventBus({ logger });
  const release = gate();
  const order: string[] = [];
  let entered = false;
  bus.subscribe('thing.status-changed', 'slow', async () => {
    entered = true;
    await release.promise;
    order.push('subscriber finished');
  });
  const relay = createOutboxRelay({ db: tdb.db, bus, logger, pollIntervalMs: 20 });
  await relay.start();
  const [id] = await commitEvents(tdb.db, thingEvent('thing-slow', 'AUTHORISED'));
  await waitFor(() => entered, 'the subscriber is running');

  let resolved = false;
  const stopped = relay.stop().then(() => {
    resolved = true;
    order.push('stopped');
  });
  // Give a stop() that does not wait the time to resolve; then release the subscriber.
  await waitFor(() => resolved, 'stop() returning early', { timeoutMs: 200 }).catch(() => {});
  release.open();
  await stopped;

  assert.deepEqual(order, ['subscriber finished', 'stopped']);
  assert.equal((await outboxRow(tdb.db, id!))?.published, true);
});
