import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Brands: an institution's API identity (DESIGN §2). Data, not code: every brand-owned row
 * carries `brand_id`. Richer brand data (issuer, keys, theme) arrives with the trust core.
 */
export const brands = pgTable('brands', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
