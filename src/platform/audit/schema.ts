import { sql } from 'drizzle-orm';
import { bigint, check, customType, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Append-only, hash-chained audit log. Rows are never updated or deleted (triggers in
 * `sql/append-only.sql` reject it); `hash = SHA-256(prev_hash || canonical fields)` (see
 * canonical.ts), so any change to a stored row, or a removed row, breaks the chain.
 *
 * `seq` is assigned by the appender under the chain-head lock (head.last_seq + 1) rather than by
 * an identity sequence: sequences leave gaps on rollback, and a gap-free `seq` makes a removed
 * row visible by number as well as by hash.
 */
export const auditLog = pgTable('audit_log', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  brandId: text('brand_id'),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  subject: text('subject').notNull(),
  data: jsonb('data').notNull(),
  prevHash: bytea('prev_hash').notNull(),
  hash: bytea('hash').notNull(),
});

/**
 * The chain head: one row, locked `FOR UPDATE` by every append, so appends from any number of
 * processes are serialised and never fork the chain (a row lock, unlike an advisory lock taken
 * after the snapshot, is also safe under REPEATABLE READ: a stale head raises a serialisation
 * error instead of forking). It also records the last entry, so a truncated tail is detected.
 */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    id: smallint('id').primaryKey(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
    lastHash: bytea('last_hash').notNull(),
  },
  (t) => [check('audit_chain_head_single_row', sql`${t.id} = 1`)],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
