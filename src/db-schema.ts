// Every table of the installation, gathered for drizzle-kit (migrations are generated from this
// file, see drizzle.config.ts). It sits outside src/platform, which knows no module: each module
// keeps its tables in its own `schema.ts`; add one export line here per module.
export * from './platform/db/schema.ts';
export * from './sample-bank/schema.ts';
export * from './sample-bank/credit-cards/schema.ts';
export * from './sample-bank/credit-operations/schema.ts';
export * from './sample-bank/pix/schema.ts';
export * from './consents/storage/schema.ts';
export * from './authz/schema.ts';
export * from './holder/schema.ts';
export * from './payments/schema.ts';
export * from './receiver/schema.ts';
