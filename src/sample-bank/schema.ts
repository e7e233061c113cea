// The sample core bank's tables (PostgreSQL schema `sample_bank`), registered for drizzle-kit in
// src/platform/db/schema.ts. Data families add their table files here (one export line each).
export { sampleBank } from './schema/common.ts';
export * from './schema/brands.ts';
export * from './schema/customers.ts';
export * from './schema/accounts.ts';
