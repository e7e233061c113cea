import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDirectoryClient, SSA_ISSUERS, type DirectoryClient } from '../../directory/index.ts';
import { startTestDirectory, type TestDirectory } from '../../directory/testing.ts';
import type { PublicJwk } from '../../pki/index.ts';
import { systemClock } from '../../platform/clock/index.ts';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { createTestPki } from '../testing/certificates.ts';
import { rsaKey } from '../testing/directory.ts';
import { startAuthzHarness, type AuthzHarness } from '../testing/harness.ts';
import { register } from '../testing/software.ts';

const tdb = await createTestDatabase();

describe('registration against the simulated directory through the real directory client', () => {
  let directory: TestDirectory;
  let client: DirectoryClient;
  let harness: AuthzHarness;

  before(async () => {
    directory = await startTestDirectory();
    client = createDirectoryClient({
      participantsUrl: directory.urls.participants,
      keystoreJwksUrl: directory.urls.keystoreJwks,
      tokenUrl: directory.urls.token,
      apiBaseUrl: directory.urls.api,
      ssaIssuer: SSA_ISSUERS.sandbox,
      clock: systemClock,
      ca: directory.ca.trustBundlePem,
    });
    await client.warm();
    harness = await startAuthzHarness(tdb, { pki: await createTestPki(directory.ca), directory: client });
    const { tpp } = directory;
    for (const use of ['sig', 'enc'] as const) {
      const key = await rsaKey(`${tpp.softwareStatementId}-${use}`, use);
      directory.registry.addSoftwareKey(tpp.orgId, tpp.softwareStatementId, key.jwk as PublicJwk);
    }
  });
  after(async () => {
    await harness.close();
    await client.close();
    await directory.server.close();
  });

  const ssaOf = (software: TestDirectory['tpp']) =>
    client.getSoftwareStatement(software.orgId, software.softwareStatementId, {
      clientId: software.clientId,
      cert: software.transport.chainPem,
      key: software.transport.privateKeyPem,
    });
  const agentOf = (software: TestDirectory['tpp']) =>
    harness.agent({
      key: software.transport.privateKeyPem,
      cert: software.transport.chainPem,
      x509: software.transport.certificate,
    });

  it('registers the software with the SSA the directory issued to it, over its own BRCAC', async () => {
    const { tpp } = directory;
    const ssa = await ssaOf(tpp);
    const claims = client.verifySoftwareStatementSync(ssa);
    const { status, body } = await register(harness, agentOf(tpp), {
      software_statement: ssa,
      redirect_uris: claims.software_redirect_uris,
    });
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body.software_id, tpp.softwareStatementId);
    assert.equal(body.client_name, claims.software_client_name);
    assert.equal(body.jwks_uri, claims.software_jwks_uri);
    assert.ok(String(body.scope).split(' ').includes('payments'), 'PAGTO role → payments');
  });

  it('refuses that SSA presented with another organisation’s certificate', async () => {
    const { status, body } = await register(harness, agentOf(directory.other), {
      software_statement: await ssaOf(directory.tpp),
      redirect_uris: client.verifySoftwareStatementSync(await ssaOf(directory.tpp)).software_redirect_uris,
    });
    assert.equal(status, 400);
    assert.equal(body.error, 'unapproved_software_statement');
    assert.match(String(body.error_description), /UID does not match software_id/);
  });
});
