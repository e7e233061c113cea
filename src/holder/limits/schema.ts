import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Traffic counters shared by every process of an installation (DIGEST §8.4–8.5): per-client
 * minutes (429), monthly operational counts (423), per-second global load (529) and per-IP
 * open-data minutes. Each process counts in memory and adds its deltas here in batches; the row
 * total is what all processes have counted in the window.
 *
 * - `kind`: `tpm` | `month` | `tps` | `ip`;
 * - `key`: what is counted (client + endpoint, endpoint + consent + resource, IP …);
 * - `window_start`: the calendar minute, second or (Brasília) month the count belongs to.
 */
export const holderTrafficCounters = pgTable(
  'holder_traffic_counters',
  {
    brandId: text('brand_id').notNull(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.brandId, t.kind, t.key, t.windowStart] }),
    // The purge of windows that are over.
    index('holder_traffic_counters_window_idx').on(t.kind, t.windowStart),
  ],
);
