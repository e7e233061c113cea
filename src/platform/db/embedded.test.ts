import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded.ts';

const EMBEDDED = fileURLToPath(new URL('./embedded.ts', import.meta.url));
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-embedded-'));

/** Another Ponte process on the same folder: starts, runs SELECT 1, stops, exits; answers its log. */
function otherProcess(): Promise<string> {
  const script = `
    import { startEmbeddedPostgres } from ${JSON.stringify(EMBEDDED)};
    const lines = [];
    const db = await startEmbeddedPostgres({ dir: ${JSON.stringify(dir)}, log: (l) => lines.push(l) });
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query('SELECT 1');
    await client.end();
    await db.stop();
    console.log(lines.join('\\n'));`;
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: process.cwd() },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    ),
  );
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe('embedded PostgreSQL shared by several processes', () => {
  const owner = startEmbeddedPostgres({ dir });
  after(async () => {
    await (await owner).stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('lets another process use the running server as a guest, without stopping it on exit', async () => {
    const db = await owner;
    const log = await otherProcess();
    assert.match(log, new RegExp(`using the embedded PostgreSQL of process ${process.pid}`));
    assert.equal(await reachable(db.url), true, 'the owner’s database is still up');
  });

  it('adopts a server whose owner is gone (killed), and then owns its shutdown', async () => {
    const db = await owner;
    // A pid that certainly belongs to no live process: one that has just exited.
    const gone = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    await fs.writeFile(path.join(dir, 'owner.pid'), `${gone}\n`);
    const log = await otherProcess();
    assert.match(log, /adopting embedded PostgreSQL already running .* \(its process is gone\)/);
    assert.equal(await reachable(db.url), false, 'the adopter stopped it when it finished');
  });
});
