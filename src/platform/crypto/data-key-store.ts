import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { dataKeys, type DataKeyRow } from './schema.ts';

export type DataKeyRecord = DataKeyRow;

export interface NewDataKey {
  kekId: string;
  wrappedKey: Buffer;
  purpose: string;
  createdAt: Date;
}

/** Persistence of wrapped data keys. The envelope depends on this, not on SQL (tests fake it). */
export interface DataKeyStore {
  findActive(purpose: string): Promise<DataKeyRecord | undefined>;
  /** Every key of a purpose, retired ones included, oldest first. */
  list(purpose: string): Promise<DataKeyRecord[]>;
  /** The first data key ever stored, whatever its purpose (it names the database's first KEK). */
  oldest(): Promise<DataKeyRecord | undefined>;
  /** Inserts the first active key of a purpose; undefined when another process did so first. */
  insertActive(key: NewDataKey): Promise<DataKeyRecord | undefined>;
  /**
   * Retires the active key of the purpose and inserts `key` as the new active one, atomically;
   * undefined when a concurrent rotation won.
   */
  rotate(key: NewDataKey): Promise<DataKeyRecord | undefined>;
}

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === UNIQUE_VIOLATION) return true;
  }
  return false;
}

export function createDataKeyStore(db: Executor): DataKeyStore {
  return {
    async findActive(purpose) {
      const rows = await db
        .select()
        .from(dataKeys)
        .where(and(eq(dataKeys.purpose, purpose), isNull(dataKeys.retiredAt)));
      return rows[0];
    },
    list(purpose) {
      return db.select().from(dataKeys).where(eq(dataKeys.purpose, purpose)).orderBy(asc(dataKeys.id));
    },
    async oldest() {
      const rows = await db.select().from(dataKeys).orderBy(asc(dataKeys.id)).limit(1);
      return rows[0];
    },
    async insertActive(key) {
      // ON CONFLICT DO NOTHING covers the partial unique index (one active key per purpose).
      const rows = await db.insert(dataKeys).values(key).onConflictDoNothing().returning();
      return rows[0];
    },
    async rotate(key) {
      try {
        return await db.transaction(async (tx) => {
          await tx
            .update(dataKeys)
            .set({ retiredAt: key.createdAt })
            .where(and(eq(dataKeys.purpose, key.purpose), isNull(dataKeys.retiredAt)));
          const rows = await tx.insert(dataKeys).values(key).returning();
          return rows[0];
        });
      } catch (error) {
        if (isUniqueViolation(error)) return undefined;
        throw error;
      }
    },
  };
}
