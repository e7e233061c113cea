// Tables of the holder module, gathered for src/platform/db/schema.ts.
export * from './limits/schema.ts';
