/**
 * A small time-bounded cache for the guard's lookups (verified tokens, consents) and connector
 * reads, with stale-while-revalidate: an entry younger than `ttlMs` is served as is; between
 * `ttlMs` and twice that, it is still served while one background load replaces it (so no request
 * waits on the refresh); older, a request waits for a fresh load. A revocation elsewhere therefore
 * takes effect within 2 × `ttlMs` (plus one load) even in a process that never hears of it;
 * `ttlMs` 0 disables caching. Concurrent misses for one key share a single load. Bounded: the
 * oldest entries go first when `maxEntries` is reached.
 */
export interface TtlCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  delete(key: string): void;
  clear(): void;
}

/** A value, or the promise of one (the guard stays synchronous when everything is cached). */
export type Sync<T> = T | Promise<T>;

const RESOLVED = Symbol('resolved');
type Marked<V> = Promise<V> & { [RESOLVED]?: { value: V } };

/** The value of a cache promise that has already resolved, or the promise itself. */
export function settled<V>(promise: Promise<V>): Sync<V> {
  const resolved = (promise as Marked<V>)[RESOLVED];
  return resolved === undefined ? promise : resolved.value;
}

/** `next(value)`, synchronously when `value` is not a promise. */
export function then<T, R>(value: Sync<T>, next: (value: T) => Sync<R>): Sync<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

export function createTtlCache<V>(options: {
  ttlMs: number;
  now: () => number;
  maxEntries?: number;
}): TtlCache<V> {
  const max = options.maxEntries ?? 10_000;
  const entries = new Map<string, { value: Marked<V>; at: number; refreshing: boolean }>();
  const track = (key: string, value: Marked<V>, at: number) => {
    value.then(
      (resolved) => {
        value[RESOLVED] = { value: resolved };
        const current = entries.get(key);
        // A background refresh takes over once it has an answer.
        if (current !== undefined && current.value !== value && current.refreshing) {
          entries.set(key, { value, at, refreshing: false });
        }
      },
      // A failed load is not remembered: the next request tries again.
      () => {
        const current = entries.get(key);
        if (current?.value === value) entries.delete(key);
        else if (current !== undefined) current.refreshing = false;
      },
    );
  };
  return {
    get(key, load) {
      if (options.ttlMs <= 0) return load();
      const now = options.now();
      const hit = entries.get(key);
      if (hit !== undefined) {
        const age = now - hit.at;
        if (age < options.ttlMs) return hit.value;
        if (age < 2 * options.ttlMs && hit.value[RESOLVED] !== undefined) {
          if (!hit.refreshing) {
            hit.refreshing = true;
            track(key, load(), now);
          }
          return hit.value;
        }
        entries.delete(key);
      }
      const value: Marked<V> = load();
      entries.set(key, { value, at: now, refreshing: false });
      track(key, value, now);
      if (entries.size > max) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      return value;
    },
    delete: (key) => void entries.delete(key),
    clear: () => entries.clear(),
  };
}
