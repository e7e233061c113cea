import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify as toYaml } from 'yaml';
import type { BrandFile, InstallationFile } from '../src/app/installation/schema.ts';
import { createCertificateAuthority } from '../src/pki/index.ts';
import { systemClock } from '../src/platform/clock/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/platform/db/testing.ts';
import { freePort } from '../src/platform/db/index.ts';
import { runCli } from './support/cli.ts';
import { startPonteProcess } from './support/enrolled.ts';

/**
 * `ponte start --config`: every bad installation exits 78 naming the problem, before anything
 * listens (issue 9, "Done when": bad configs).
 */
const tdb: TestDatabase = await createTestDatabase();

describe('ponte start --config refuses a bad installation with exit 78', () => {
  let dir: string;

  let good: InstallationFile;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-install-'));
    const ca = await createCertificateAuthority({ clock: systemClock });
    const server = await ca.issueServerCertificate({
      commonName: 'localhost',
      organizationName: 'Banco X',
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1'],
    });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    await fs.writeFile(path.join(dir, 'ca.pem'), ca.trustBundlePem);
    await fs.writeFile(path.join(dir, 'server.crt'), server.chainPem);
    await fs.writeFile(path.join(dir, 'server.key'), server.privateKeyPem, { mode: 0o600 });
    await fs.writeFile(path.join(dir, 'other.key'), other, { mode: 0o600 });
    await fs.writeFile(path.join(dir, 'empty-connector.ts'), 'export const nothing = 1;\n');
    await fs.writeFile(
      path.join(dir, 'shapeless-connector.ts'),
      'export function createConnector() { return { customers: {}, accounts: {} }; }\n',
    );
    good = {
      directory: { preset: 'sandbox', caFile: 'ca.pem' },
      brands: [
        {
          id: 'banco-x',
          name: 'Banco X',
          orgId: '6a0b9b57-1d35-4a9c-a1c3-3a3c7a4b2d11',
          cnpj: '11222333000181',
          roles: ['DADOS'],
          publicBaseUrl: 'https://127.0.0.1:9443',
          mtlsBaseUrl: 'https://127.0.0.1:9444',
          listen: { host: '127.0.0.1', publicPort: 0, mtlsPort: 0 },
          certificates: {
            transport: { certificateFile: 'server.crt', keyFile: 'server.key' },
            signing: { certificateFile: 'server.crt', keyFile: 'server.key' },
          },
          connector: { module: './empty-connector.ts' },
          customerAuthentication: { kind: 'login-api', url: 'https://127.0.0.1:1/login' },
        },
      ],
    };
  });

  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** Writes `good` changed by `edit` and runs `ponte start --config` on it. */
  async function start(edit: (brand: BrandFile, root: InstallationFile) => void, args: string[] = []) {
    const document = structuredClone(good);
    edit(document.brands![0]!, document);
    const file = path.join(dir, `ponte-${Math.random().toString(36).slice(2)}.yaml`);
    await fs.writeFile(file, toYaml(document));
    return runCli(['start', '--config', file, ...args], {
      PONTE_HOME: path.join(dir, 'home'),
      DATABASE_URL: tdb.url,
      PONTE_HTTP_PORT: '0',
      PONTE_LOG_LEVEL: 'warn',
      PONTE_SECRET_KEY: 'k'.repeat(40),
    });
  }

  const refused = (result: { code: number | null; stderr: string }, pattern: RegExp) => {
    assert.equal(result.code, 78, result.stderr);
    assert.match(result.stderr, pattern);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  };

  it('a missing certificate file, naming its field and path', async () => {
    refused(
      await start((b) => (b.certificates.transport.certificateFile = 'nowhere.crt')),
      /\/brands\/0\/certificates\/transport\.certificateFile: .*nowhere\.crt is missing/,
    );
  });

  it('an unreadable certificate (a folder in its place)', async () => {
    refused(
      await start((b) => (b.certificates.signing.certificateFile = '.')),
      /\/brands\/0\/certificates\/signing\.certificateFile: .* is unreadable|EISDIR/,
    );
  });

  it('a key that does not match its certificate', async () => {
    refused(
      await start((b) => (b.certificates.signing.keyFile = 'other.key')),
      /\/brands\/0\/certificates\/signing: the key other\.key does not match the certificate server\.crt/,
    );
  });

  it('a traffic limit below the regulatory minimum, naming the rule', async () => {
    refused(
      await start(
        (b) => (b.limits = { globalTps: 100, tpm: { MEDIUM_HIGH: 2000, MEDIUM: 1000, LOW: 1000 } }),
      ),
      /\/brands\/0\/limits\/globalTps: 100 is below the regulatory minimum 300/,
    );
  });

  it('an unknown directory preset', async () => {
    refused(
      await start((_b, root) => (root.directory.preset = 'staging')),
      /\/directory\/preset: unknown preset "staging" \(known: sandbox, production\)/,
    );
  });

  it('an unknown role', async () => {
    refused(await start(() => {}, ['--roles', 'authz,teller']), /unknown role teller \(known: authz, holder/);
  });

  it('a secret from an environment variable that is not set', async () => {
    refused(
      await start((b) => (b.internalApi = { keys: [{ id: 'app', key: '${PONTE_MISSING_SECRET}' }] })),
      /\/brands\/0\/internalApi\/keys\/0\/key: environment variable PONTE_MISSING_SECRET is not set/,
    );
  });

  it('an unknown field and a malformed CNPJ, both in one run', async () => {
    const result = await start((b) => {
      (b as unknown as Record<string, unknown>).colour = 'blue';
      b.cnpj = '123';
    });
    refused(result, /unknown field colour/);
    assert.match(result.stderr, /\/brands\/0\/cnpj/);
  });

  it('a connector module that is missing', async () => {
    refused(
      await start((b) => (b.connector.module = './no-such-connector.ts')),
      /\/brands\/0\/connector: cannot find connector module \.\/no-such-connector\.ts/,
    );
  });

  it('a connector module without createConnector', async () => {
    refused(
      await start(() => {}),
      /\/brands\/0\/connector: \.\/empty-connector\.ts is not a Ponte connector module: createConnector is missing/,
    );
  });

  it('a connector whose connector lacks parts of the contract, naming them', async () => {
    refused(
      await start((b) => (b.connector.module = './shapeless-connector.ts')),
      /\/brands\/0\/connector: \.\/shapeless-connector\.ts is not a Ponte connector module: createConnector\(\) returned a connector where .*resources is missing/,
    );
  });

  it('a PAGTO brand whose connector module has no Pix rail', async () => {
    const result = await start((b) => {
      b.connector.module = './shapeless-connector.ts';
      b.roles = ['DADOS', 'PAGTO'];
    });
    refused(result, /createPixRail is missing \(a brand has the payments role, PAGTO\)/);
  });

  it('a secret interpolated from the environment is accepted (the run goes on to the next check)', async () => {
    const result = await start(
      (b) => (b.internalApi = { keys: [{ id: 'app', key: '${PONTE_SECRET_KEY}' }] }),
    );
    // Past the file's checks: it stops at the connector, proving the variable was read.
    refused(result, /empty-connector\.ts is not a Ponte connector module: createConnector is missing/);
    assert.doesNotMatch(result.stderr, /PONTE_SECRET_KEY/);
  });
  it("a good installation starts: the bank's login API for customers, the sample bank as connector", async () => {
    const [publicPort, mtlsPort] = [await freePort(), await freePort()];
    const document = structuredClone(good);
    const brand = document.brands![0]!;
    brand.publicBaseUrl = `https://127.0.0.1:${publicPort}`;
    brand.mtlsBaseUrl = `https://127.0.0.1:${mtlsPort === publicPort ? mtlsPort + 1 : mtlsPort}`;
    brand.listen = { host: '127.0.0.1', publicPort, mtlsPort: Number(new URL(brand.mtlsBaseUrl).port) };
    brand.connector.module = fileURLToPath(new URL('../src/sample-bank/module.ts', import.meta.url));
    const file = path.join(dir, 'ponte-good.yaml');
    await fs.writeFile(file, toYaml(document));
    const running = await startPonteProcess({
      args: ['start', '--config', file],
      env: {
        // The same home (master key) as the runs above: they already created this database's data keys.
        PONTE_HOME: path.join(dir, 'home'),
        DATABASE_URL: tdb.url,
        PONTE_SIM: 'false',
        PONTE_HTTP_PORT: '0',
        PONTE_LOG_LEVEL: 'warn',
      },
      readyUrl: `${brand.publicBaseUrl}/auth/.well-known/openid-configuration`,
      ca: await fs.readFile(path.join(dir, 'ca.pem'), 'utf8'),
    });
    try {
      // Served, with the login page of the brand ready for the bank's login API.
      assert.doesNotMatch(running.output(), /Invalid configuration/);
    } finally {
      await running.stop();
    }
  });
});
