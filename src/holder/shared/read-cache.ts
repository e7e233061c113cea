import type { CoreBankConnector } from '../../connectors/index.ts';
import { createTtlCache, type TtlCache } from '../guard/ttl-cache.ts';

/**
 * A short-lived read-through cache in front of the connector: identical reads within `ttlMs`
 * (same brand, customer, method and arguments) share one call to the core, and concurrent
 * identical reads share one in-flight call. Reads only: the data APIs never write through the
 * connector. The data served is at most `ttlMs` old, well inside the freshness the specs allow a
 * transmitter ("tempestividade"), and it is what keeps the core system (and its decryption and
 * query building) off the hot path when a receiver pages or polls.
 *
 * Errors are not cached (the TTL cache forgets failed loads).
 */
export function withReadCache(
  connector: CoreBankConnector,
  options: { ttlMs: number; now: () => number; maxEntries?: number },
): CoreBankConnector {
  if (options.ttlMs <= 0) return connector;
  const cache: TtlCache<unknown> = createTtlCache({
    ttlMs: options.ttlMs,
    now: options.now,
    maxEntries: options.maxEntries ?? 5000,
  });
  // A Proxy, so connectors written as classes (methods on the prototype) are wrapped too.
  function wrap<T extends object>(family: string, target: T): T {
    const wrappers = new Map<PropertyKey, unknown>();
    return new Proxy(target, {
      get(t, property, receiver) {
        const value: unknown = Reflect.get(t, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        let wrapper = wrappers.get(property);
        if (wrapper === undefined) {
          const method = value as (...a: unknown[]) => Promise<unknown>;
          wrapper = (...args: unknown[]) =>
            cache.get(`${family}.${property}:${JSON.stringify(args)}`, () => method.apply(t, args));
          wrappers.set(property, wrapper);
        }
        return wrapper;
      },
    });
  }
  return {
    customers: wrap('customers', connector.customers),
    accounts: wrap('accounts', connector.accounts),
    resources: wrap('resources', connector.resources),
    ...(connector.creditCards ? { creditCards: wrap('creditCards', connector.creditCards) } : {}),
    ...(connector.creditOperations
      ? { creditOperations: wrap('creditOperations', connector.creditOperations) }
      : {}),
  };
}
