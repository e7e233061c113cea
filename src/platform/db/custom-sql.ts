/**
 * SQL that drizzle-kit cannot derive from the schema (triggers, functions), applied as custom
 * migrations after the generated ones. Each entry names a file relative to the repository root.
 * `npm run db:generate` turns each into its own migration; keep the list in dependency order.
 */
export const customSql: ReadonlyArray<{ name: string; file: string }> = [
  { name: 'audit_append_only', file: 'src/platform/audit/sql/append-only.sql' },
  { name: 'outbox_notify', file: 'src/platform/events/sql/outbox-notify.sql' },
];
