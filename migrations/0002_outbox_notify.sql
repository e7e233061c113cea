-- Wakes the outbox relay (src/platform/events/relay.ts) when events are recorded. NOTIFY is
-- transactional: it is delivered only if the inserting transaction commits, so a rolled-back
-- event never wakes anyone. One notification per statement; PostgreSQL also folds identical
-- notifications raised in the same transaction into one.
CREATE OR REPLACE FUNCTION ponte_outbox_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ponte_outbox', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER outbox_events_notify
AFTER INSERT ON outbox_events
FOR EACH STATEMENT EXECUTE FUNCTION ponte_outbox_notify();
