import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SimulatedServer } from '../src/sim/ecosystem.ts';
import { createTestDatabase } from '../src/platform/db/testing.ts';
import { startSimulator } from './support/sim.ts';
import { runCli } from './support/cli.ts';

/**
 * `ponte simulate` against a running ecosystem (issue 6, "Done when": `ponte simulate` passes),
 * as an operator runs it: a separate process reading the manifest, driving Ponte's receiver API
 * and a headless customer at the holders.
 */
const tdb = await createTestDatabase();

describe('ponte simulate', () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let server: SimulatedServer;
  let home: string;
  let manifestFile: string;

  before(async () => {
    sim = await startSimulator(tdb, 'ponte-simulate');
    ({ server, home } = sim);
    manifestFile = server.ecosystem.manifestFile;
  });
  after(async () => {
    await sim?.close();
  });

  it('passes every journey against the running ecosystem and reports each step with its time', async (t) => {
    const result = await runCli(['simulate'], { PONTE_HOME: home }, 120_000);
    t.diagnostic(result.stdout);
    assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /✔ data at Banco Ponte › consent in one call \(\d+ ms\)/);
    assert.match(result.stdout, /✔ data at Banco Aurora › accounts fetched \(\d+ ms\): \d+ account\(s\)/);
    assert.match(result.stdout, /✔ data at Banco Aurora › transactions fetched/);
    assert.match(result.stdout, /✔ payment at Banco Aurora › payment settled \(\d+ ms\): ACSC/);
    assert.match(result.stdout, /^PASS: 3\/3 journeys/m);
    assert.match(result.stdout, /^PASS: \d+\/\d+ journeys/m);
    assert.doesNotMatch(result.stdout, /✖/);
    // Each journey left an authorised consent at the receiver.
    const { rows } = await tdb.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM receiver_consents WHERE status = 'AUTHORISED'",
    );
    assert.ok(rows[0]!.n >= 2, `authorised consents: ${rows[0]!.n}`);
  });

  it('fails with exit 1 and names the step when the receiver cannot be reached', async () => {
    const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as {
      receiver: { apiBaseUrl: string };
    };
    manifest.receiver.apiBaseUrl = 'https://127.0.0.1:9';
    const broken = path.join(path.dirname(manifestFile), 'broken-manifest.json');
    await fs.writeFile(broken, JSON.stringify(manifest));
    const result = await runCli(['simulate', '--manifest', broken], {}, 60_000);
    assert.equal(result.code, 1, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /✖ data at Banco Ponte › consent in one call \(\d+ ms\): .*ECONNREFUSED/);
    assert.match(result.stdout, /^FAIL: 0\/3 journeys/m);
  });

  it('says clearly that there is no ecosystem to simulate against', async () => {
    const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-simulate-none-'));
    try {
      const result = await runCli(['simulate'], { PONTE_HOME: empty });
      assert.equal(result.code, 1);
      assert.match(result.stderr, /no manifest at .*manifest\.json: start the ecosystem first/);
    } finally {
      await fs.rm(empty, { recursive: true, force: true });
    }
  });
});
