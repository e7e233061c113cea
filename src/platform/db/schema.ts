// The platform's own tables (brands, keys, audit log, outbox). Modules keep theirs in their own
// `schema.ts`; src/db-schema.ts gathers them all for drizzle-kit.
export * from './ponte-schema.ts';
export * from '../crypto/schema.ts';
export * from '../audit/schema.ts';
export * from '../events/schema.ts';
