import { asc, count, eq, ne } from 'drizzle-orm';
import type { Clock } from '../clock/index.ts';
import type { Database } from '../db/index.ts';
import { createDataKeyStore } from './data-key-store.ts';
import { unwrapDataKey } from './envelope.ts';
import { openHashKeys } from './hash-root.ts';
import type { HashRootSource, KeyEncryptionKey } from './kek.ts';
import { dataKeys } from './schema.ts';

export interface RewrapOptions {
  db: Database;
  /** The new master key: every data key ends up wrapped by it. */
  target: KeyEncryptionKey & HashRootSource;
  /** The master key in use (config), which the keyed-hash root is stored under if not yet stored. */
  current: KeyEncryptionKey & HashRootSource;
  /** Older master keys that may still wrap some rows (an earlier, unfinished rotation). */
  previous?: readonly (KeyEncryptionKey & HashRootSource)[];
  clock: Clock;
  /** Rows re-wrapped per transaction; 100 by default. */
  batchSize?: number;
  /** Called after each committed batch (progress; tests inject a crash here). */
  afterBatch?: (progress: { batch: number; rewrapped: number }) => void | Promise<void>;
}

export interface RewrapReport {
  /** Rows in `data_keys` at the end (data keys of every purpose and the keyed-hash root). */
  total: number;
  rewrapped: number;
  batches: number;
  /** Rows found already wrapped by the target at the start (an earlier run, or a new process). */
  alreadyUnderTarget: number;
  /** Rows still wrapped by another key at the end: 0 unless a process on the old key added one. */
  remaining: number;
}

/**
 * Re-wraps every data key under `target`, `batchSize` rows per transaction. Only wrapped keys
 * change (the data keys themselves, hence every ciphertext, stay as they are), so each batch is
 * small and quick. Idempotent and resumable: rows already under `target` are skipped, and after a
 * crash each row is wrapped by either key, both of which the processes configured with the new key
 * and the old one as previous can unwrap. `FOR UPDATE SKIP LOCKED` lets two runs share the work.
 */
export async function rewrapDataKeys(options: RewrapOptions): Promise<RewrapReport> {
  const { db, target, current, previous = [], clock } = options;
  const batchSize = options.batchSize ?? 100;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError('batchSize must be a positive integer');
  const unwrappers = [current, ...previous].filter((k) => k.id !== target.id);
  // The keyed-hash root must be stored (under the current key) before the keys change, or a
  // database that never stored it would derive its hashes from the new key afterwards.
  // (A re-run finds it under the target already.)
  const store = createDataKeyStore(db);
  await openHashKeys({ store, kek: current, previousKeks: [...previous, target], clock });

  const alreadyUnderTarget = await countRows(db, eq(dataKeys.kekId, target.id));
  let rewrapped = 0;
  let batches = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(dataKeys)
        .where(ne(dataKeys.kekId, target.id))
        .orderBy(asc(dataKeys.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const row of rows) {
        const dek = await unwrapDataKey(row, target, unwrappers);
        const wrappedKey = await target.wrap(dek);
        dek.fill(0);
        await tx.update(dataKeys).set({ kekId: target.id, wrappedKey }).where(eq(dataKeys.id, row.id));
      }
      return rows.length;
    });
    if (done === 0) break;
    rewrapped += done;
    batches += 1;
    await options.afterBatch?.({ batch: batches, rewrapped });
  }
  return {
    total: await countRows(db),
    rewrapped,
    batches,
    alreadyUnderTarget,
    remaining: await countRows(db, ne(dataKeys.kekId, target.id)),
  };
}

async function countRows(db: Database, where?: ReturnType<typeof eq>): Promise<number> {
  const [row] = await db.select({ n: count() }).from(dataKeys).where(where);
  return row?.n ?? 0;
}
