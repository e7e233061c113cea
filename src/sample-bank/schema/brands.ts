import { date, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { sampleBank } from './common.ts';

/**
 * One row per brand the sample bank serves: the institution's identity that every account
 * repeats (`brandName`, `companyCnpj`, `compeCode`) and what was seeded, so a re-run with the
 * same parameters is skipped and a different one replaces the brand's data (`status` stays
 * `SEEDING` until the last row is in, so an interrupted seed is redone).
 */
export const sampleBankBrands = sampleBank.table('brands', {
  brandId: text('brand_id').primaryKey(),
  brandName: text('brand_name').notNull(),
  companyCnpj: text('company_cnpj').notNull(),
  compeCode: text('compe_code').notNull(),
  ispb: text('ispb').notNull(),
  seed: integer('seed').notNull(),
  /** Whose people the customers are (brands of one population share customers); the brand itself by default. */
  population: text('population').notNull(),
  customers: integer('customers').notNull(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  historyMonths: integer('history_months').notNull(),
  /** Names of the data families seeded, in order (see `families.ts`). */
  families: text('families').array().notNull(),
  status: text('status', { enum: ['SEEDING', 'READY'] }).notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
});
