import type pg from 'pg';
import type { Clock } from '../../platform/clock/index.ts';
import type { Logger } from '../../platform/logger/index.ts';

export type CounterKind = 'tpm' | 'month' | 'tps' | 'ip';

interface Entry {
  readonly brandId: string;
  readonly kind: CounterKind;
  readonly key: string;
  readonly windowStart: number;
  /** The shared total as of the last sync (every process's flushed counts). */
  known: number;
  /** Counted here and not yet added to the shared row. */
  pending: number;
  loaded: boolean;
  loading?: Promise<void>;
  touchedAt: number;
}

/** How long an idle counter of a finished window stays in memory. */
const IDLE_EVICT_MS = 10 * 60_000;

const UPSERT = `
  INSERT INTO holder_traffic_counters AS c (brand_id, kind, key, window_start, count)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::int[])
  ON CONFLICT (brand_id, kind, key, window_start) DO UPDATE SET count = c.count + excluded.count
  RETURNING brand_id, kind, key, window_start, count`;

const SELECT_ONE = `
  SELECT count FROM holder_traffic_counters
   WHERE brand_id = $1 AND kind = $2 AND key = $3 AND window_start = $4`;

// Windows that are over: minutes and seconds after 5 minutes, months after 3 months.
const PURGE = `
  DELETE FROM holder_traffic_counters
   WHERE (kind IN ('tpm', 'tps', 'ip') AND window_start < $1::timestamptz - interval '5 minutes')
      OR (kind = 'month' AND window_start < $1::timestamptz - interval '3 months')`;

export interface SharedCountersOptions {
  pool: pg.Pool;
  clock: Clock;
  logger?: Logger;
  /** How often local counts are added to the shared rows and fresh totals read back; 200 ms. */
  flushIntervalMs?: number;
  /** How often finished windows are deleted; 60 s. */
  purgeIntervalMs?: number;
}

/**
 * Counters that several processes share through PostgreSQL, with an in-process fast path:
 * `value` and `add` touch memory only (no round trip on the request path); a background flush
 * adds each process's deltas to the shared rows in one statement and reads the totals back.
 * A process therefore sees the others' counts at most one flush late, which can only let a
 * window go slightly over a limit, never under it (the limits are minimums to honour).
 *
 * Counters that must survive a restart (monthly ones) are loaded once with `load` before use.
 */
export function createSharedCounters(options: SharedCountersOptions) {
  const { pool, clock } = options;
  const entries = new Map<string, Entry>();
  let flushing: Promise<void> | undefined;
  let lastPurge = 0;
  // A coarse clock for `touchedAt` (eviction and refresh work in seconds), read once per flush
  // instead of once per counter access.
  let tick = clock.now().getTime();

  const id = (brandId: string, kind: CounterKind, key: string, windowStart: number) =>
    `${kind}|${brandId}|${key}|${windowStart}`;

  function entry(brandId: string, kind: CounterKind, key: string, windowStart: number): Entry {
    const k = id(brandId, kind, key, windowStart);
    let found = entries.get(k);
    if (found === undefined) {
      // Windows that start empty (minutes, seconds) need no load: only months survive restarts.
      found = {
        brandId,
        kind,
        key,
        windowStart,
        known: 0,
        pending: 0,
        loaded: kind !== 'month',
        touchedAt: 0,
      };
      entries.set(k, found);
    }
    found.touchedAt = tick;
    return found;
  }

  async function sync(): Promise<void> {
    const now = clock.now().getTime();
    tick = now;
    const batch: Array<{ e: Entry; delta: number }> = [];
    for (const [k, e] of entries) {
      if (e.pending !== 0) batch.push({ e, delta: e.pending });
      else if (now - e.touchedAt > IDLE_EVICT_MS) entries.delete(k);
      // Recently used windows are re-read (delta 0) so this process learns the others' counts.
      else if (now - e.touchedAt < 5_000 && e.loaded) batch.push({ e, delta: 0 });
    }
    if (batch.length > 0) {
      const rows = await pool.query<{
        brand_id: string;
        kind: CounterKind;
        key: string;
        window_start: Date;
        count: number;
      }>(UPSERT, [
        batch.map((b) => b.e.brandId),
        batch.map((b) => b.e.kind),
        batch.map((b) => b.e.key),
        batch.map((b) => new Date(b.e.windowStart).toISOString()),
        batch.map((b) => b.delta),
      ]);
      for (const { e, delta } of batch) e.pending -= delta;
      for (const row of rows.rows) {
        const e = entries.get(id(row.brand_id, row.kind, row.key, row.window_start.getTime()));
        if (e !== undefined) {
          e.known = row.count;
          e.loaded = true;
        }
      }
    }
    if (now - lastPurge > (options.purgeIntervalMs ?? 60_000)) {
      lastPurge = now;
      await pool.query(PURGE, [new Date(now).toISOString()]);
    }
  }

  function flush(): Promise<void> {
    flushing ??= sync().finally(() => {
      flushing = undefined;
    });
    return flushing;
  }

  const timer = setInterval(() => {
    flush().catch((error: unknown) => options.logger?.warn({ err: error }, 'traffic counters flush failed'));
  }, options.flushIntervalMs ?? 200);
  timer.unref();

  return {
    /** This window's count across processes, as far as this process knows. */
    value(brandId: string, kind: CounterKind, key: string, windowStart: number): number {
      const e = entry(brandId, kind, key, windowStart);
      return e.known + e.pending;
    },
    add(brandId: string, kind: CounterKind, key: string, windowStart: number, delta = 1): void {
      entry(brandId, kind, key, windowStart).pending += delta;
    },
    /** Counts one more and answers true when the window is still under `limit`; else counts nothing. */
    admit(brandId: string, kind: CounterKind, key: string, windowStart: number, limit: number): boolean {
      const e = entry(brandId, kind, key, windowStart);
      if (e.known + e.pending >= limit) return false;
      e.pending += 1;
      return true;
    },
    /** Reads the shared total once (e.g. a monthly count after a restart); later calls are free. */
    load(brandId: string, kind: CounterKind, key: string, windowStart: number): Promise<void> | undefined {
      const e = entry(brandId, kind, key, windowStart);
      if (e.loaded) return undefined;
      e.loading ??= pool
        .query<{ count: number }>(SELECT_ONE, [brandId, kind, key, new Date(windowStart).toISOString()])
        .then((result) => {
          // A flush may have synced it meanwhile; the larger total is the later one.
          e.known = Math.max(e.known, result.rows[0]?.count ?? 0);
          e.loaded = true;
        })
        .finally(() => {
          e.loading = undefined;
        });
      return e.loading;
    },
    flush,
    /** Stops the timer and adds what is pending; a failure only loses counts (limits are minimums). */
    async close(): Promise<void> {
      clearInterval(timer);
      await flush().catch((error: unknown) =>
        options.logger?.warn({ err: error }, 'traffic counters: last flush failed'),
      );
    },
  };
}

export type SharedCounters = ReturnType<typeof createSharedCounters>;
