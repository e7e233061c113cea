import { sql } from 'drizzle-orm';
import { customType, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

/**
 * Data-encryption keys (DEKs), stored only wrapped by the key-encryption key named in `kek_id`.
 * A purpose (`personal-data`, `secrets` ...) has one active key (`retired_at IS NULL`, enforced
 * by the partial unique index); retired keys stay so older ciphertexts still decrypt. The integer
 * id is written into every ciphertext header (4 bytes), hence not a UUID.
 */
export const dataKeys = pgTable(
  'data_keys',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kekId: text('kek_id').notNull(),
    wrappedKey: bytea('wrapped_key').notNull(),
    purpose: text('purpose').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('data_keys_one_active_per_purpose')
      .on(t.purpose)
      .where(sql`${t.retiredAt} IS NULL`),
  ],
);

export type DataKeyRow = typeof dataKeys.$inferSelect;
