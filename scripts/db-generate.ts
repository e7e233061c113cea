/**
 * `npm run db:generate`: regenerates migrations/ from src/db-schema.ts (drizzle-kit),
 * then appends the hand-written SQL listed in src/platform/db/custom-sql.ts as custom migrations.
 *
 * Until the first release the folder is rebuilt from scratch into one `init` migration (plus the
 * custom ones), so parallel work never produces conflicting migration numbers. After the first
 * release this becomes incremental (`drizzle-kit generate` on top of the committed folder).
 * `--out DIR` writes elsewhere (used by scripts/check-migrations.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { customSql } from '../src/platform/db/custom-sql.ts';

const outFlag = process.argv.indexOf('--out');
const out = path.resolve(outFlag > 0 ? process.argv[outFlag + 1]! : 'migrations');
const kit = path.resolve('node_modules/.bin/drizzle-kit');
// drizzle-kit prefixes `./` to the configured folder, so it must be relative to the cwd.
const env = { ...process.env, PONTE_MIGRATIONS_OUT: path.relative(process.cwd(), out) || '.' };
const quiet: { env: NodeJS.ProcessEnv; stdio: ['ignore', 'ignore', 'inherit'] } = {
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
};

fs.rmSync(out, { recursive: true, force: true });
execFileSync(kit, ['generate', '--config', 'drizzle.config.ts', '--name', 'init'], quiet);
for (const { name, file } of customSql) {
  execFileSync(kit, ['generate', '--config', 'drizzle.config.ts', '--custom', '--name', name], quiet);
  const created = fs
    .readdirSync(out)
    .filter((f) => f.endsWith(`_${name}.sql`))
    .sort()
    .at(-1);
  if (!created) throw new Error(`drizzle-kit did not create the custom migration ${name}`);
  fs.writeFileSync(path.join(out, created), fs.readFileSync(file, 'utf8'));
}
console.log(`migrations written to ${path.relative(process.cwd(), out) || '.'}`);
