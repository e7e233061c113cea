-- Audit log: append-only at the database (src/platform/audit). Applied as a custom migration
-- after the generated tables (src/platform/db/custom-sql.ts).
--
-- audit_log rows can be inserted, never updated, deleted or truncated. The chain head
-- (audit_chain_head, one row) can only move forward by exactly one entry, to an entry that links
-- to the previous head; it cannot be deleted or truncated. The application also verifies every
-- hash (`ponte audit verify`): these triggers stop accidents and ordinary roles, not a superuser,
-- who can disable triggers (session_replication_role = replica). In production, also REVOKE
-- UPDATE, DELETE, TRUNCATE ON audit_log from the application role.

CREATE OR REPLACE FUNCTION ponte_audit_log_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Audit entries are corrected by appending a new entry.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION ponte_audit_log_reject_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION ponte_audit_log_reject_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ponte_audit_chain_head_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.id = OLD.id
       AND NEW.last_seq = OLD.last_seq + 1
       AND EXISTS (SELECT 1 FROM audit_log
                    WHERE seq = NEW.last_seq AND hash = NEW.last_hash AND prev_hash = OLD.last_hash) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_chain_head may only advance to the entry appended after it'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RAISE EXCEPTION 'audit_chain_head cannot be removed: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_guard
  BEFORE UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION ponte_audit_chain_head_guard();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_truncate
  BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION ponte_audit_chain_head_guard();
--> statement-breakpoint
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea)
ON CONFLICT (id) DO NOTHING;
