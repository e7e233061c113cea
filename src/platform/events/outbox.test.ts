import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { pino } from 'pino';
import { createTestDatabase } from '../db/testing.ts';
import { gate, waitFor } from '../jobs/testing.ts';
import {
  createInProcessEventBus,
  createOutboxRelay,
  recordEvent,
  retryParkedEvent,
  type AnyEventEnvelope,
  type OutboxRelayOptions,
} from './index.ts';
import { commitEvents, thingEvent, outboxRow, statusOf } from './testing.ts';

const tdb = await createTestDatabase();
const logger = pino({ level: 'silent' });

beforeEach(async () => {
  await tdb.pool.query('DELETE FROM outbox_events');
});

/** A relay with a recording subscriber; `fail` decides per delivery whether the subscriber throws. */
function relayWithSubscriber(
  options: Partial<OutboxRelayOptions> & { fail?: (event: AnyEventEnvelope) => boolean } = {},
) {
  const bus = createInProcessEventBus({ logger });
  const delivered: AnyEventEnvelope[] = [];
  const attempted: { id: string; attempt: number }[] = [];
  bus.subscribeAll('recorder', (event) => {
    attempted.push({ id: event.id, attempt: event.attempt });
    if (options.fail?.(event)) throw new Error(`subscriber down for ${statusOf(event)}`);
    delivered.push(event);
  });
  const relay = createOutboxRelay({
    db: tdb.db,
    bus,
    logger,
    pollIntervalMs: 50,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
  return { relay, delivered, attempted };
}

test('an event recorded in a transaction that rolls back is never published', async () => {
  const { relay, delivered } = relayWithSubscriber();
  await relay.start();
  try {
    await assert.rejects(
      tdb.db.transaction(async (tx) => {
        await recordEvent(tx, thingEvent('thing-rolled-back', 'AUTHORISED'));
        throw new Error('the thing update failed');
      }),
      /the thing update failed/,
    );
    const [marker] = await commitEvents(tdb.db, thingEvent('thing-committed', 'AUTHORISED'));

    await waitFor(() => delivered.some((e) => e.id === marker), 'the committed event is published');
    assert.deepEqual(
      delivered.map((e) => e.aggregateId),
      ['thing-committed'],
    );
    const { rows } = await tdb.pool.query('SELECT 1 FROM outbox_events WHERE aggregate_id = $1', [
      'thing-rolled-back',
    ]);
    assert.equal(rows.length, 0);
  } finally {
    await relay.stop();
  }
});

test('a committed event wakes the relay through NOTIFY, without waiting for a poll', async () => {
  const { relay, delivered } = relayWithSubscriber({ pollIntervalMs: 60_000 });
  await relay.start();
  try {
    const [id] = await commitEvents(tdb.db, thingEvent('thing-1', 'AUTHORISED'));
    // The subscriber runs inside the relay's transaction; the row is marked once that commits.
    await waitFor(
      async () => (await outboxRow(tdb.db, id!))?.published === true,
      'published on notification',
      {
        timeoutMs: 5_000,
      },
    );
    const [event] = delivered;
    assert.equal(event?.id, id);
    assert.equal(event?.type, 'thing.status-changed');
    assert.equal(event?.aggregateType, 'thing');
    assert.deepEqual(event?.payload, { thingId: 'thing-1', status: 'AUTHORISED', previousStatus: null });
    assert.equal(event?.attempt, 1);
    assert.deepEqual(await outboxRow(tdb.db, id!), {
      attempts: 1,
      published: true,
      parked: false,
      lastError: null,
    });
  } finally {
    await relay.stop();
  }
});

test('without LISTEN the relay still publishes by polling', async () => {
  const { relay, delivered } = relayWithSubscriber({ listen: false, pollIntervalMs: 20 });
  await relay.start();
  try {
    await commitEvents(tdb.db, thingEvent('thing-2', 'REJECTED'));
    await waitFor(() => delivered.length === 1, 'published by the poll');
  } finally {
    await relay.stop();
  }
});

test('publishes events in the order they occurred, across transactions, aggregates and batches', async () => {
  const recorded = [
    ...(await commitEvents(
      tdb.db,
      thingEvent('c-1', 'AWAITING_AUTHORISATION'),
      thingEvent('c-2', 'AWAITING_AUTHORISATION'),
    )),
    ...(await commitEvents(tdb.db, thingEvent('c-1', 'AUTHORISED'))),
    ...(await commitEvents(
      tdb.db,
      thingEvent('c-3', 'AWAITING_AUTHORISATION'),
      thingEvent('c-2', 'REJECTED'),
    )),
    ...(await commitEvents(tdb.db, thingEvent('c-1', 'REJECTED'), thingEvent('c-3', 'AUTHORISED'))),
  ];
  const { relay, delivered } = relayWithSubscriber({ batchSize: 2 });

  assert.equal(await relay.drain(), recorded.length);

  assert.deepEqual(
    delivered.map((e) => e.id),
    recorded,
  );
  assert.deepEqual(
    delivered.map((e) => e.seq),
    [...delivered.map((e) => e.seq)].sort((a, b) => a - b),
  );
});

test('a subscriber that throws gets the event again later, with the attempt counted, and order is kept', async () => {
  let failuresLeft = 2;
  const { relay, delivered, attempted } = relayWithSubscriber({
    fail: (event) => statusOf(event) === 'AUTHORISED' && failuresLeft-- > 0,
  });
  const [first, second] = await commitEvents(
    tdb.db,
    thingEvent('thing-9', 'AUTHORISED'),
    thingEvent('thing-9', 'REJECTED'),
  );
  await relay.start();
  try {
    await waitFor(
      async () => (await outboxRow(tdb.db, second!))?.published === true,
      'both events published',
    );
    assert.deepEqual(
      delivered.map((e) => e.id),
      [first, second],
    );
    assert.deepEqual(attempted, [
      { id: first, attempt: 1 },
      { id: first, attempt: 2 },
      { id: first, attempt: 3 },
      { id: second, attempt: 1 },
    ]);
    assert.deepEqual(await outboxRow(tdb.db, first!), {
      attempts: 3,
      published: true,
      parked: false,
      lastError: null,
    });
    assert.deepEqual(await outboxRow(tdb.db, second!), {
      attempts: 1,
      published: true,
      parked: false,
      lastError: null,
    });
  } finally {
    await relay.stop();
  }
});

test('an event that exhausts its attempts is parked, stops holding back its aggregate, and can be retried', async () => {
  let subscriberFixed = false;
  const { relay, delivered } = relayWithSubscriber({
    retry: { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 2 },
    fail: (event) => statusOf(event) === 'AUTHORISED' && !subscriberFixed,
  });
  const [poison, next] = await commitEvents(
    tdb.db,
    thingEvent('thing-7', 'AUTHORISED'),
    thingEvent('thing-7', 'REJECTED'),
  );
  await relay.start();
  try {
    await waitFor(() => delivered.some((e) => e.id === next), 'the later event is published');
    const parked = await outboxRow(tdb.db, poison!);
    assert.equal(parked?.parked, true);
    assert.equal(parked?.attempts, 2);
    assert.match(parked?.lastError ?? '', /subscriber down for AUTHORISED/);

    subscriberFixed = true;
    assert.equal(await retryParkedEvent(tdb.db, poison!), true);
    await waitFor(
      async () => (await outboxRow(tdb.db, poison!))?.published === true,
      'published after retry',
    );
    assert.deepEqual(await outboxRow(tdb.db, poison!), {
      attempts: 3,
      published: true,
      parked: false,
      lastError: null,
    });
    assert.equal(delivered.filter((e) => e.id === poison).length, 1);
  } finally {
    await relay.stop();
  }
});

test('events of one aggregate written by concurrent transactions are published in commit order', async () => {
  const { relay, delivered } = relayWithSubscriber();
  const holdFirst = gate();
  let firstRecorded = false;
  const first = tdb.db.transaction(async (tx) => {
    await recordEvent(tx, thingEvent('thing-race', 'AUTHORISED'));
    firstRecorded = true;
    await holdFirst.promise;
  });
  await waitFor(() => firstRecorded, 'the first transaction recorded its event');
  let secondDone = false;
  const second = commitEvents(tdb.db, thingEvent('thing-race', 'REVOKED')).then(() => {
    secondDone = true;
  });
  // The second writer waits for the first one's aggregate lock (or, if unlocked, commits first).
  await waitFor(
    async () => secondDone || (await waitingAdvisoryLocks()) > 0,
    'the second writer is blocked or done',
  );
  await relay.drain();
  holdFirst.open();
  await Promise.all([first, second]);
  await relay.drain();

  assert.deepEqual(delivered.map(statusOf), ['AUTHORISED', 'REVOKED']);
});

async function waitingAdvisoryLocks(): Promise<number> {
  const { rows } = await tdb.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
  );
  return rows[0]!.n;
}
