import type { Clock } from '../../platform/clock/index.ts';

export interface CachedValue<T> {
  /** The value if younger than the TTL, else a reload (one at a time). */
  get(): Promise<T>;
  /** Reloads now, unless the last load started less than `minRefreshIntervalMs` ago. */
  refresh(): Promise<T>;
  /** The value held, however old; undefined before the first load. For synchronous callers. */
  peek(): T | undefined;
}

/**
 * A value loaded from the network and kept for a while. When a reload fails the old value is
 * served (the directory being briefly unreachable must not stop registrations); with nothing
 * loaded yet the failure propagates. Forced refreshes are rate limited, so a stream of
 * statements with unknown `kid`s cannot turn into a stream of keystore requests.
 */
export function cachedValue<T>(
  load: () => Promise<T>,
  options: { clock: Clock; ttlMs: number; minRefreshIntervalMs: number },
): CachedValue<T> {
  let value: T | undefined;
  let loadedAt = -Infinity;
  let attemptedAt = -Infinity;
  let inflight: Promise<T> | undefined;
  const now = () => options.clock.now().getTime();

  const reload = (): Promise<T> => {
    if (inflight) return inflight;
    attemptedAt = now();
    inflight = load()
      .then((loaded) => {
        value = loaded;
        loadedAt = now();
        return loaded;
      })
      .catch((error: unknown) => {
        if (value !== undefined) return value;
        throw error;
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };

  return {
    get() {
      if (value !== undefined && now() - loadedAt < options.ttlMs) return Promise.resolve(value);
      // A stale value after a recent failed reload: serve it rather than retry on every call.
      if (value !== undefined && !inflight && now() - attemptedAt < options.minRefreshIntervalMs) {
        return Promise.resolve(value);
      }
      return reload();
    },
    refresh() {
      if (value !== undefined && now() - attemptedAt < options.minRefreshIntervalMs)
        return Promise.resolve(value);
      return reload();
    },
    peek: () => value,
  };
}
