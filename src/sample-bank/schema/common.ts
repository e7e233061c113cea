import { customType, numeric, pgSchema } from 'drizzle-orm/pg-core';

/**
 * The sample core bank lives in its own PostgreSQL schema: it stands for an institution's core
 * system, which Ponte only reads through the connector, so nothing of Ponte's references these
 * tables and they reference nothing of Ponte's (a brand's rows are found by `brand_id`).
 */
export const sampleBank = pgSchema('sample_bank');

/** Ciphertexts (envelope-encrypted fields, see `src/platform/crypto`) and keyed hashes. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

/** Money in reais with centavos, the way the data APIs print it (`1234.50`); 15 integer digits as the specs allow. */
export const money = (name: string) => numeric(name, { precision: 17, scale: 2 });
