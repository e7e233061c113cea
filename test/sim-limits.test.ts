import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Agent } from 'undici';
import { parse as parseYaml } from 'yaml';
import { ConfigError, loadConfig } from '../src/platform/config/index.ts';
import { createTestDatabase } from '../src/platform/db/testing.ts';
import { startSimulatedServer } from '../src/sim/ecosystem.ts';
import { startSimulator } from './support/sim.ts';

/**
 * PONTE_SIM_LIMITS (issue 9, item 7): a JSON object merged into every simulated brand's traffic
 * limits, so load tests run against `npm start` with the limits still counted, and checked like
 * an installation file's limits.
 */
const tdb = await createTestDatabase();

describe('PONTE_SIM_LIMITS', () => {
  const raised = { openDataTpmPerIp: 100_000, globalTps: 100_000 };
  let sim: Awaited<ReturnType<typeof startSimulator>>;

  before(async () => {
    sim = await startSimulator(tdb, 'ponte-limits', { PONTE_SIM_LIMITS: JSON.stringify(raised) });
  });
  after(async () => {
    await sim?.close();
  });

  it('lands in every brand of the installation the simulator boots', async () => {
    const file = parseYaml(await fs.readFile(sim.server.ecosystem.installationFile, 'utf8')) as {
      brands: Array<{ limits?: unknown }>;
    };
    assert.equal(file.brands.length, 3);
    for (const brand of file.brands) assert.deepEqual(brand.limits, raised);
  });

  it('lets one client past the regulatory 500 open-data requests a minute, still counting them', async () => {
    const brand = sim.server.ecosystem.manifest.brands[0]!;
    const ca = await fs.readFile(
      path.join(sim.simDir, sim.server.ecosystem.manifest.caCertificateFile),
      'utf8',
    );
    const agent = new Agent({ connect: { ca }, connections: 8 });
    try {
      const statuses = new Map<number, number>();
      const one = async () => {
        const response = await fetch(`${brand.publicBaseUrl}/open-banking/channels/v2/branches`, {
          dispatcher: agent,
        });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      };
      // 560 requests from one address within the minute: over the default 500 (DIGEST §8.6).
      for (let batch = 0; batch < 14; batch++) await Promise.all(Array.from({ length: 40 }, one));
      assert.deepEqual([...statuses.entries()], [[200, 560]]);
    } finally {
      await agent.close();
    }
  });
});

describe('PONTE_SIM_LIMITS refused', () => {
  it('is not JSON: a configuration error naming the variable', () => {
    assert.throws(
      () => loadConfig({ PONTE_SIM_LIMITS: 'fast' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.some((p) => /PONTE_SIM_LIMITS must be a JSON object/.test(p)),
    );
  });

  it('below a regulatory minimum: refused before anything listens, naming the rule', async () => {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-limits-low-'));
    try {
      const config = loadConfig({
        PONTE_HOME: home,
        DATABASE_URL: tdb.url,
        PONTE_HTTP_PORT: '0',
        PONTE_SIM_PORT: '0',
        PONTE_LOG_LEVEL: 'silent',
        PONTE_SIM_LIMITS: JSON.stringify({ globalTps: 10 }),
      });
      await assert.rejects(
        startSimulatedServer(config),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.problems.some((p) =>
            /\/brands\/0\/limits\/globalTps: 10 is below the regulatory minimum 300/.test(p),
          ),
      );
    } finally {
      await fs.rm(home, { recursive: true, force: true });
    }
  });
});
