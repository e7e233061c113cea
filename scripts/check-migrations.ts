/**
 * CI check: the committed migrations must be exactly what the schema generates. Regenerates into
 * a scratch folder and compares every SQL file (names and contents); drizzle's journal carries
 * timestamps and snapshot ids that differ on every run, so only the SQL is compared.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ponte-migrations-'));
try {
  execFileSync(process.execPath, ['scripts/db-generate.ts', '--out', scratch], { stdio: 'ignore' });
  const sqlFiles = (dir: string) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .sort();
  const committed = sqlFiles('migrations');
  const generated = sqlFiles(scratch);
  const problems: string[] = [];
  if (committed.join() !== generated.join()) {
    problems.push(`files differ: committed [${committed.join(', ')}] vs generated [${generated.join(', ')}]`);
  } else {
    for (const file of committed) {
      const a = fs.readFileSync(path.join('migrations', file), 'utf8');
      const b = fs.readFileSync(path.join(scratch, file), 'utf8');
      if (a !== b) problems.push(`${file} differs from what the schema generates`);
    }
  }
  if (problems.length > 0) {
    console.error(
      `Migrations are out of date; run \`npm run db:generate\` and commit:\n  ${problems.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log(`migrations up to date (${committed.length} SQL files)`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
