import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { AnyEventEnvelope } from './catalog.ts';
import type { AnyNewEvent } from './record.ts';
import { recordEvents } from './record.ts';

// The platform's own tests record events of a made-up aggregate, declared the way a module
// declares its events (the platform knows no module's events, not even in its tests).
declare module './index.ts' {
  interface EventPayloads {
    /** Test only: a thing changed status. */
    'thing.status-changed': { thingId: string; status: string; previousStatus: string | null };
    /** Test only: a thing was archived. */
    'thing.archived': { thingId: string };
  }
}

/** Test helper: a thing status change for `thingId` (the aggregate), as a new event. */
export function thingEvent(thingId: string, status: string, brandId = 'brand-a'): AnyNewEvent {
  return {
    type: 'thing.status-changed',
    brandId,
    aggregateId: thingId,
    payload: { thingId, status, previousStatus: null },
  };
}

/** Test helper: records events in their own committed transaction; resolves to their ids. */
export function commitEvents(db: Database, ...events: AnyNewEvent[]): Promise<string[]> {
  return db.transaction((tx) => recordEvents(tx, events));
}

/** Test helper: the outbox row of an event, as the relay left it. */
export async function outboxRow(
  db: Database,
  id: string,
): Promise<{ attempts: number; published: boolean; parked: boolean; lastError: string | null } | undefined> {
  const { rows } = await db.execute<{
    attempts: number;
    published: boolean;
    parked: boolean;
    last_error: string | null;
  }>(
    sql`SELECT attempts, published_at IS NOT NULL AS published, failed_at IS NOT NULL AS parked, last_error
        FROM outbox_events WHERE id = ${id}`,
  );
  const row = rows[0];
  return (
    row && { attempts: row.attempts, published: row.published, parked: row.parked, lastError: row.last_error }
  );
}

/** Test helper: the status carried by a thing event (to read deliveries at a glance). */
export function statusOf(event: AnyEventEnvelope): string {
  return event.type === 'thing.status-changed' ? event.payload.status : event.type;
}
