import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db-schema.ts (every module's tables) and committed under migrations/.
// PONTE_MIGRATIONS_OUT lets the CI check generate into a scratch copy (scripts/check-migrations.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db-schema.ts',
  out: process.env.PONTE_MIGRATIONS_OUT ?? './migrations',
});
