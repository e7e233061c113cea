import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { auditEntryHash, GENESIS_HASH } from './canonical.ts';
import { auditChainHead, auditLog, type AuditLogRow } from './schema.ts';

export type AuditVerification =
  { ok: true; count: number } | { ok: false; brokenAt: number; reason: string; count: number };

export interface VerifyOptions {
  /** Rows read per query; the walk keeps one batch in memory at a time. */
  batchSize?: number;
  onProgress?: (verified: number, lastSeq: number) => void;
}

/**
 * Walks the whole chain in `seq` order, in batches, recomputing every hash. Reports the first
 * entry where the chain breaks: its contents changed (hash mismatch), an entry before it was
 * removed (seq gap, prev_hash mismatch), or entries after the recorded head were removed.
 * Entries appended while the walk runs are outside the head read at the start and not checked.
 *
 * Limits: whoever can disable the triggers can also rewrite the tail and recompute every hash;
 * anchor the head hash outside the database (a signed report, a log line) to detect that.
 */
export async function verifyAuditChain(
  db: Executor,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 1000;
  const [head] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
  const headSeq = head?.lastSeq ?? 0;
  let prev: { seq: number; hash: Buffer } = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  const broken = (brokenAt: number, reason: string): AuditVerification => ({
    ok: false,
    brokenAt,
    reason,
    count,
  });

  for (;;) {
    const rows: AuditLogRow[] = await db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.seq, prev.seq), lte(auditLog.seq, headSeq)))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    for (const row of rows) {
      if (row.seq !== prev.seq + 1) {
        const missing = row.seq - 1 === prev.seq + 1 ? `${prev.seq + 1}` : `${prev.seq + 1}..${row.seq - 1}`;
        return broken(row.seq, `entries ${missing} are missing (removed from the log)`);
      }
      if (!row.prevHash.equals(prev.hash)) {
        return broken(row.seq, `prev_hash does not match entry ${prev.seq}: an earlier entry was altered`);
      }
      if (!auditEntryHash(row.prevHash, row).equals(row.hash)) {
        return broken(row.seq, 'hash does not match the entry: its contents were altered');
      }
      prev = { seq: row.seq, hash: row.hash };
      count++;
    }
    if (rows.length > 0) options.onProgress?.(count, prev.seq);
    if (rows.length < batchSize) break;
  }

  if (prev.seq !== headSeq) {
    return broken(prev.seq + 1, `the chain head records entry ${headSeq} but the log ends at ${prev.seq}`);
  }
  if (head && !head.lastHash.equals(prev.hash)) {
    return broken(headSeq, `the chain head's hash does not match entry ${headSeq}`);
  }
  return { ok: true, count };
}

/** One line for `ponte audit verify`. */
export function formatAuditVerification(result: AuditVerification): string {
  return result.ok
    ? `audit log OK: ${result.count} entries, chain intact`
    : `audit log BROKEN at seq ${result.brokenAt}: ${result.reason} (${result.count} entries verified before it)`;
}
