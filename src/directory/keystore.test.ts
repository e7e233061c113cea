import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { publicJwk } from '../pki/index.ts';
import { createUndiciHttp } from './client/http.ts';
import type { DirectoryHttp } from './client/http.ts';
import { createFileKeystore, loadOrCreateSigningKey } from './keystore.ts';
import type { Participant } from './schemas.ts';
import { startTestDirectory } from './testing.ts';
import type { TestDirectory } from './testing.ts';

// DESIGN §5: conformance against the official OpenAPI files, PONTE_SPECS_DIR or ../shared/specs/openapi.
const SPECS_DIR =
  process.env.PONTE_SPECS_DIR ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/specs/openapi');

let dir: TestDirectory;
let http: DirectoryHttp;

before(async () => {
  dir = await startTestDirectory();
  http = createUndiciHttp({ ca: dir.ca.trustBundlePem });
});
after(async () => {
  await http?.close();
  await dir?.server.close();
});

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await http.request(url);
  return { status: response.status, body: JSON.parse(response.body) as unknown };
}

describe('GET /participants', () => {
  it(
    'answers the OrganisationsExportOpenData schema of directory-participants.yaml',
    {
      // Without the folder, say so visibly (DESIGN §5).
      skip: fs.existsSync(SPECS_DIR)
        ? false
        : `official specs not found at ${SPECS_DIR}: set PONTE_SPECS_DIR`,
    },
    async () => {
      const document = parse(
        fs.readFileSync(path.join(SPECS_DIR, 'directory-participants.yaml'), 'utf8'),
      ) as object;
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats.default(ajv);
      ajv.addSchema(document, 'participants.yaml');
      const validate = ajv.getSchema('participants.yaml#/components/schemas/OrganisationsExportOpenData')!;
      const { status, body } = await getJson(dir.urls.participants);
      assert.equal(status, 200);
      assert.ok(validate(body), JSON.stringify(validate.errors));
    },
  );

  it('lists each organisation with its authorisation servers, API resources and role claims', async () => {
    const { body } = await getJson(dir.urls.participants);
    const participants = body as Participant[];
    assert.equal(participants.length, 3);
    const holder = participants.find((p) => p.OrganisationId === dir.holder.orgId)!;
    assert.equal(holder.RegistrationNumber, '00360305000104');
    assert.deepEqual(
      holder.OrgDomainRoleClaims.map((c) => [c.Role, c.RegistrationId]),
      [
        ['DADOS', '00360305-OBB-DADOS'],
        ['CONTA', '00360305-OBB-CONTA'],
      ],
    );
    const server = holder.AuthorisationServers[0]!;
    assert.equal(server.OpenIDDiscoveryDocument, 'https://127.0.0.1:9443/.well-known/openid-configuration');
    assert.deepEqual(
      server.ApiResources.map((r) => [
        r.ApiFamilyType,
        r.ApiVersion,
        r.ApiDiscoveryEndpoints[0]?.ApiEndpoint,
      ]),
      [
        ['consents', 3, 'https://127.0.0.1:9443/open-banking/consents/v3/consents'],
        ['accounts', 2, 'https://127.0.0.1:9443/open-banking/accounts/v2/accounts'],
      ],
    );
  });
});

describe('keystore', () => {
  it("publishes the directory's SSA key, public part only, PS256 with its kid", async () => {
    const { status, body } = await getJson(dir.urls.keystoreJwks);
    assert.equal(status, 200);
    const keys = (body as { keys: Array<Record<string, unknown>> }).keys;
    assert.equal(keys.length, 1);
    assert.equal(keys[0]?.kid, dir.signingKey.kid);
    assert.equal(keys[0]?.alg, 'PS256');
    assert.equal(keys[0]?.kty, 'RSA');
    assert.ok(keys[0] && !('d' in keys[0]));
  });

  it("publishes a software's transport certificates with x5c and x5dn", async () => {
    const url = `${dir.urls.keystore}/${dir.tpp.orgId}/${dir.tpp.softwareStatementId}/transport.jwks`;
    const { status, body } = await getJson(url);
    assert.equal(status, 200);
    const [jwk] = (body as { keys: Array<{ use: string; x5c: string[]; x5dn: string }> }).keys;
    assert.equal(jwk?.use, 'tls');
    assert.equal(jwk?.x5c.length, 2);
    assert.match(
      jwk?.x5dn ?? '',
      new RegExp(`^CN=app-00a1\\.localhost,UID=${dir.tpp.softwareStatementId},2\\.5\\.4\\.97=#0c`),
    );
  });

  it('publishes software and organisation application keys, and empty inactive sets', async () => {
    const key = publicJwk(dir.tpp.transport.certificate.publicKey, { use: 'sig', alg: 'PS256' });
    dir.registry.addSoftwareKey(dir.tpp.orgId, dir.tpp.softwareStatementId, key);
    const base = `${dir.urls.keystore}/${dir.tpp.orgId}`;
    const software = await getJson(`${base}/${dir.tpp.softwareStatementId}/application.jwks`);
    assert.deepEqual(software.body, { keys: [key] });
    const org = await getJson(`${base}/application.jwks`);
    assert.deepEqual(org.body, { keys: [key] });
    const inactive = await getJson(`${base}/${dir.tpp.softwareStatementId}/inactive/transport.jwks`);
    assert.deepEqual(inactive.body, { keys: [] });
  });

  it('answers 404 for an unknown organisation or software', async () => {
    assert.equal((await getJson(`${dir.urls.keystore}/nope/application.jwks`)).status, 404);
    assert.equal((await getJson(`${dir.urls.keystore}/${dir.tpp.orgId}/nope/transport.jwks`)).status, 404);
  });

  it('refuses to publish a private key', () => {
    const { privateKey } = { privateKey: dir.signingKey.privateKey };
    const jwk = {
      ...(privateKey.export({ format: 'jwk' }) as Record<string, unknown>),
      kid: 'x',
      kty: 'RSA',
    };
    assert.throws(() => dir.registry.addOrganisationKey(dir.tpp.orgId, jwk), /private JWK/);
  });
});

describe('SSA signing key persistence', () => {
  it('creates the key once, keeps it 0600 in the given folder and finds it on the next start', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ponte-directory-'));
    try {
      const keystore = createFileKeystore(path.join(folder, 'directory'));
      const first = await loadOrCreateSigningKey(keystore);
      const again = await loadOrCreateSigningKey(createFileKeystore(path.join(folder, 'directory')));
      assert.equal(again.kid, first.kid);
      const file = path.join(folder, 'directory', 'directory-ssa-signing.key');
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      await assert.rejects(keystore.write('other'), /EEXIST/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
