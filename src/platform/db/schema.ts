// Every table Ponte owns, gathered for drizzle-kit (migrations are generated from this file)
// and for the typed query builder. Each module keeps its tables in its own `schema.ts`;
// add one export line here per module.
export * from './ponte-schema.ts';
export * from '../crypto/schema.ts';
export * from '../audit/schema.ts';
export * from '../events/schema.ts';
export * from '../../sample-bank/schema.ts';
export * from '../../sample-bank/credit-cards/schema.ts';
export * from '../../sample-bank/credit-operations/schema.ts';
export * from '../../sample-bank/pix/schema.ts';
export * from '../../consents/storage/schema.ts';
export * from '../../authz/schema.ts';
export * from '../../holder/schema.ts';
export * from '../../payments/schema.ts';
export * from '../../receiver/schema.ts';
