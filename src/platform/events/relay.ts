import type pg from 'pg';
import type { Database } from '../db/index.ts';
import type { Logger } from '../logger/index.ts';
import type { EventBus } from './bus.ts';
import { relayBatch, type RetryPolicy } from './relay-batch.ts';

/** The channel the outbox insert trigger notifies (src/platform/events/sql/outbox-notify.sql). */
export const OUTBOX_CHANNEL = 'ponte_outbox';

export interface OutboxRelayOptions {
  db: Database;
  bus: Pick<EventBus, 'publish'>;
  logger: Logger;
  /** Events claimed per transaction. */
  batchSize?: number;
  /** Fallback poll, for a lost notification or a dropped LISTEN connection. */
  pollIntervalMs?: number;
  /** Wake on NOTIFY (holds one pool connection). Without it the relay only polls. */
  listen?: boolean;
  /** A publish taking longer than this counts as failed (and is retried). */
  publishTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

export interface OutboxRelay {
  /** Starts listening and relays what is already due. */
  start(): Promise<void>;
  /** Stops waking up and waits for the batch in flight to commit. */
  stop(): Promise<void>;
  /** Relays until nothing is due; resolves to the number published. Usable without start(). */
  drain(): Promise<number>;
}

/**
 * The outbox relay: publishes committed events to the bus, woken by LISTEN/NOTIFY (the insert
 * trigger's NOTIFY is delivered on commit only) with a polling fallback, and by its own retry
 * timers. Any number of relays may run against one database (see `relayBatch`).
 *
 * @example
 *   const relay = createOutboxRelay({ db, bus, logger });
 *   await relay.start();
 *   // ... on shutdown
 *   await relay.stop();
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const logger = options.logger.child({ module: 'outbox-relay' });
  const pollIntervalMs = options.pollIntervalMs ?? 2_000;
  const batch = {
    batchSize: options.batchSize ?? 100,
    publishTimeoutMs: options.publishTimeoutMs ?? 30_000,
    logger,
    retry: { baseDelayMs: 1_000, maxDelayMs: 5 * 60_000, maxAttempts: 25, ...options.retry },
  };

  let running = false;
  let pass: Promise<void> | undefined;
  let again = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let listener: { client: pg.PoolClient; release: (error?: Error) => void } | undefined;

  async function drain(): Promise<number> {
    const result = await drainWithRetryHint(() => true);
    return result.published;
  }

  async function drainWithRetryHint(
    keepGoing: () => boolean,
  ): Promise<{ published: number; retryInMs: number | undefined }> {
    let published = 0;
    let retryInMs: number | undefined;
    for (;;) {
      const result = await relayBatch(options.db, options.bus, batch);
      published += result.published;
      if (result.retryInMs !== undefined) retryInMs = Math.min(retryInMs ?? Infinity, result.retryInMs);
      // A short batch means nothing else is due; a batch held back entirely by failures would
      // otherwise spin on the same rows.
      if (result.claimed < batch.batchSize || result.published === 0 || !keepGoing()) break;
    }
    return { published, retryInMs };
  }

  /** Runs a pass now, or right after the one in flight (notifications arriving mid-pass). */
  function wake(): void {
    if (!running) return;
    if (pass) {
      again = true;
      return;
    }
    pass = runPasses().finally(() => {
      pass = undefined;
    });
  }

  async function runPasses(): Promise<void> {
    clearTimeout(pollTimer);
    let nextInMs = pollIntervalMs;
    do {
      again = false;
      try {
        const { retryInMs } = await drainWithRetryHint(() => running);
        if (retryInMs !== undefined) nextInMs = Math.min(nextInMs, retryInMs);
      } catch (error) {
        logger.error({ err: error }, 'outbox relay pass failed; polling continues');
      }
    } while (again && running);
    if (running) pollTimer = setTimeout(wake, nextInMs);
  }

  async function listen(): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await options.db.$client.connect();
    } catch (error) {
      logger.warn({ err: error }, 'outbox LISTEN connection failed; retrying, polling meanwhile');
      scheduleReconnect();
      return;
    }
    // Our handlers come off before the client returns to the pool, and it is released once only.
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      client.off('notification', onNotification);
      client.off('error', onError);
      client.release(error);
    };
    const onNotification = (message: pg.Notification) => {
      if (message.channel === OUTBOX_CHANNEL) wake();
    };
    const onError = (error: Error) => {
      logger.warn({ err: error }, 'outbox LISTEN connection lost; reconnecting, polling meanwhile');
      if (listener?.client === client) listener = undefined;
      release(error);
      scheduleReconnect();
    };
    client.on('notification', onNotification);
    client.on('error', onError);
    try {
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      onError(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (!running) {
      await client.query(`UNLISTEN ${OUTBOX_CHANNEL}`).catch(() => {});
      release();
      return;
    }
    listener = { client, release };
    // Whatever committed while nobody was listening.
    wake();
  }

  function scheduleReconnect(): void {
    if (!running) return;
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(() => void listen(), pollIntervalMs);
  }

  return {
    async start() {
      if (running) return;
      running = true;
      if (options.listen ?? true) await listen();
      wake();
    },
    async stop() {
      running = false;
      clearTimeout(pollTimer);
      clearTimeout(reconnectTimer);
      const current = listener;
      listener = undefined;
      if (current) {
        await current.client.query(`UNLISTEN ${OUTBOX_CHANNEL}`).catch(() => {});
        current.release();
      }
      await pass;
    },
    drain,
  };
}
