import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { Agent } from 'undici';
import { spawnCli, waitForLog } from './support/cli.ts';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

interface SimManifestShape {
  caCertificateFile: string;
  brands: Array<{ discoveryUrl: string }>;
  softwares: Array<{ orgId: string; transport: { keyFile: string } }>;
}

/**
 * `ponte start` end to end on the embedded PostgreSQL: the same path as `npm start` on a fresh
 * clone, in a scratch PONTE_HOME. (With DATABASE_URL set, the suite still exercises the embedded
 * path here on purpose: it is the default every new user meets.)
 */
const home = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-start-'));
after(async () => {
  // As root the cluster may live behind a symlink (see clusterDir in embedded.ts): remove both.
  const cluster = await fs.realpath(path.join(home, 'pg')).catch(() => undefined);
  if (cluster) await fs.rm(cluster, { recursive: true, force: true });
  await fs.rm(home, { recursive: true, force: true });
});

const env = {
  PONTE_HOME: home,
  PONTE_HTTP_PORT: '0',
  PONTE_SIM_PORT: '0',
  PONTE_SEED_CUSTOMERS: '12',
  PONTE_LOG_LEVEL: 'info',
};
const schema = JSON.parse(
  await fs.readFile(new URL('../docs/sim-manifest.schema.json', import.meta.url), 'utf8'),
) as object;

async function startOnce() {
  const child = spawnCli(['start'], env);
  const lines: Record<string, unknown>[] = [];
  const listening = await waitForLog(child, (entry) => {
    lines.push(entry);
    return entry.msg === 'Ponte is listening';
  });
  return { child, url: String(listening.url), lines };
}

describe('ponte start (embedded PostgreSQL)', () => {
  it('serves /health/ready, shuts down cleanly on Ctrl-C, and a second start reuses the data', async () => {
    const first = await startOnce();
    assert.ok(first.lines.some((l) => String(l.msg).startsWith('initialising embedded PostgreSQL')));
    const ready = await fetch(`${first.url}/health/ready`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ok', checks: { database: 'ok' } });

    // The simulated ecosystem is up and described by a manifest that follows its published schema.
    const manifestFile = path.join(home, 'sim', 'manifest.json');
    const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as SimManifestShape;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    assert.ok(ajv.validate(schema, manifest), ajv.errorsText());
    assert.equal(manifest.brands.length, 3);
    assert.equal(new Set(manifest.softwares.map((s) => s.orgId)).size, 2, 'two receiver organisations');
    for (const software of manifest.softwares) {
      await fs.access(path.join(home, 'sim', software.transport.keyFile));
    }
    const discovery = await fetch(manifest.brands[0]!.discoveryUrl, {
      dispatcher: new Agent({
        connect: { ca: await fs.readFile(path.join(home, 'sim', manifest.caCertificateFile)) },
      }),
    });
    assert.equal(discovery.status, 200);

    first.child.kill('SIGINT');
    const [code] = (await once(first.child, 'close')) as [number | null];
    assert.equal(code, 0);
    await assert.rejects(fs.access(path.join(home, 'pg', 'data', 'postmaster.pid')), 'PostgreSQL stopped');
    const key = await fs.stat(path.join(home, 'keys', 'master.key'));
    assert.equal(key.mode & 0o777, 0o600);

    const second = await startOnce();
    assert.ok(!second.lines.some((l) => String(l.msg).startsWith('initialising')), 'no second initdb');
    assert.equal((await fetch(`${second.url}/health/ready`)).status, 200);
    second.child.kill('SIGTERM');
    const [code2] = (await once(second.child, 'close')) as [number | null];
    assert.equal(code2, 0);
  });
});
