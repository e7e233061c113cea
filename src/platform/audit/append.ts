import { eq, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Clock } from '../clock/index.ts';
import type { Executor, Transaction } from '../db/index.ts';
import { auditEntryHash, canonicalJson, GENESIS_HASH, type JsonValue } from './canonical.ts';
import { auditChainHead, auditLog } from './schema.ts';

export interface AuditEntry {
  /** The brand the action concerns; null for installation-wide actions. */
  brandId?: string | null;
  /** Who acted: `operator:<id>`, `client:<client_id>`, `system:<job>` ... */
  actor: string;
  /** What happened, dotted and stable: `data_key.rotated`, `operator.signed-in` ... */
  action: string;
  /** What it happened to: `consent:urn:...`, `brand:acme` ... */
  subject: string;
  /** Details; no personal data in clear (the log is kept forever and cannot be edited). */
  data?: Record<string, unknown>;
}

export interface AppendedAuditEntry {
  seq: number;
  occurredAt: Date;
  hash: Buffer;
}

export interface AuditLog {
  /**
   * Appends one entry inside the caller's transaction, so the audited change and its audit row
   * commit (or roll back) together. Given the database instead of a transaction, it opens one.
   * The chain head stays locked until that transaction ends: append last, then commit.
   *
   * @example
   *   await db.transaction(async (tx) => {
   *     await rotateDataKey(tx, brandId);
   *     await audit.append(tx, { actor: `operator:${id}`, action: 'data_key.rotated', subject: `brand:${brandId}` });
   *   });
   */
  append(executor: Executor, entry: AuditEntry): Promise<AppendedAuditEntry>;
}

export function createAuditLog(deps: { clock: Clock }): AuditLog {
  return {
    append(executor, entry) {
      if (executor instanceof PgTransaction) return appendInTransaction(executor, entry, deps.clock);
      return executor.transaction((tx) => appendInTransaction(tx, entry, deps.clock));
    },
  };
}

async function lockHead(tx: Transaction): Promise<{ lastSeq: number; lastHash: Buffer }> {
  const select = () => tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
  let [head] = await select();
  if (!head) {
    // The custom migration seeds the head; this covers a database where it did not run.
    await tx
      .insert(auditChainHead)
      .values({ id: 1, lastSeq: 0, lastHash: GENESIS_HASH })
      .onConflictDoNothing();
    [head] = await select();
  }
  if (!head) throw new Error('audit_chain_head has no row after seeding it');
  return head;
}

async function appendInTransaction(
  tx: Transaction,
  entry: AuditEntry,
  clock: Clock,
): Promise<AppendedAuditEntry> {
  // Normalise through canonical JSON first: what is hashed is exactly what jsonb will return.
  const dataJson = canonicalJson(entry.data ?? {});
  const data = JSON.parse(dataJson) as JsonValue;
  const head = await lockHead(tx);
  const fields = {
    seq: head.lastSeq + 1,
    occurredAt: clock.now(),
    brandId: entry.brandId ?? null,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    data,
  };
  const hash = auditEntryHash(head.lastHash, fields);
  await tx.insert(auditLog).values({
    ...fields,
    data: sql`${dataJson}::jsonb`,
    prevHash: head.lastHash,
    hash,
  });
  await tx
    .update(auditChainHead)
    .set({ lastSeq: fields.seq, lastHash: hash })
    .where(eq(auditChainHead.id, 1));
  return { seq: fields.seq, occurredAt: fields.occurredAt, hash };
}
