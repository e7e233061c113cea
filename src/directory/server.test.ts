import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { createCertificateAuthority } from '../pki/index.ts';
import { systemClock } from '../platform/clock/index.ts';
import { createUndiciHttp } from './client/http.ts';
import type { DirectoryHttp, DirectoryHttpRequest } from './client/http.ts';
import { SSA_ISSUERS } from './urls.ts';
import { startTestDirectory } from './testing.ts';
import type { TestDirectory, TestSoftware } from './testing.ts';

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

type Identity = NonNullable<DirectoryHttpRequest['clientCertificate']>;

const as = (software: TestSoftware): Identity => ({
  cert: software.transport.chainPem,
  key: software.transport.privateKeyPem,
});

async function token(identity: Identity | undefined, form: Record<string, string>) {
  const response = await http.request(dir.urls.token, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    clientCertificate: identity,
  });
  return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
}

async function accessToken(software: TestSoftware): Promise<string> {
  const response = await token(as(software), {
    grant_type: 'client_credentials',
    client_id: software.clientId,
  });
  assert.equal(response.status, 200);
  return response.body.access_token as string;
}

/** `identity` null: no client certificate. */
function assertion(software: TestSoftware, bearer: string, identity: Identity | null = as(software)) {
  return http.request(
    `${dir.urls.api}/organisations/${software.orgId}/softwarestatements/${software.softwareStatementId}/assertion`,
    { headers: { authorization: `Bearer ${bearer}` }, clientCertificate: identity ?? undefined },
  );
}

describe('directory token endpoint (tls_client_auth, client_credentials)', () => {
  it('issues a short-lived directory:software token to a software presenting its BRCAC', async () => {
    const response = await token(as(dir.tpp), {
      grant_type: 'client_credentials',
      client_id: dir.tpp.clientId,
    });
    assert.equal(response.status, 200);
    assert.equal(response.body.token_type, 'Bearer');
    assert.equal(response.body.expires_in, 600);
    assert.equal(response.body.scope, 'directory:software');
    assert.match(response.body.access_token as string, /^[A-Za-z0-9_-]{43}$/);
  });

  it('finds the software from the certificate alone when client_id is absent', async () => {
    const response = await token(as(dir.other), { grant_type: 'client_credentials' });
    assert.equal(response.status, 200);
  });

  it('answers 401 invalid_client without a client certificate', async () => {
    const response = await token(undefined, {
      grant_type: 'client_credentials',
      client_id: dir.tpp.clientId,
    });
    assert.equal(response.status, 401);
    assert.equal(response.body.error, 'invalid_client');
  });

  it("answers 401 when the certificate is another software's", async () => {
    const response = await token(as(dir.other), {
      grant_type: 'client_credentials',
      client_id: dir.tpp.clientId,
    });
    assert.equal(response.status, 401);
    assert.equal(response.body.error, 'invalid_client');
  });

  it('answers 401 to a BRCAC with the right subject from a CA the directory does not trust', async () => {
    const foreign = await createCertificateAuthority({ clock: systemClock, label: 'Estranha' });
    const forged = await foreign.issueTransportCertificate({
      commonName: 'forged.localhost',
      softwareStatementId: dir.tpp.softwareStatementId,
      orgId: dir.tpp.orgId,
      organizationName: 'TPP Simulado Ltda',
      cnpj: '11222333000181',
      locality: 'Sao Paulo',
      state: 'SP',
    });
    const response = await token(
      { cert: forged.chainPem, key: forged.privateKeyPem },
      { grant_type: 'client_credentials', client_id: dir.tpp.clientId },
    );
    assert.equal(response.status, 401);
  });

  it('refuses other grant types and other scopes', async () => {
    const grant = await token(as(dir.tpp), { grant_type: 'password', client_id: dir.tpp.clientId });
    assert.deepEqual([grant.status, grant.body.error], [400, 'unsupported_grant_type']);
    const scope = await token(as(dir.tpp), {
      grant_type: 'client_credentials',
      client_id: dir.tpp.clientId,
      scope: 'directory:admin',
    });
    assert.deepEqual([scope.status, scope.body.error], [400, 'invalid_scope']);
  });
});

describe('software statement assertion', () => {
  it('returns the SSA, PS256 with typ JWT and kid, carrying every claim of the directory', async () => {
    const response = await assertion(dir.tpp, await accessToken(dir.tpp));
    assert.equal(response.status, 200);
    assert.match(response.contentType ?? '', /^application\/jwt/);
    const header = decodeProtectedHeader(response.body);
    assert.deepEqual(header, { alg: 'PS256', typ: 'JWT', kid: dir.signingKey.kid });
    const keystore = JSON.parse((await http.request(dir.urls.keystoreJwks)).body) as { keys: [] };
    const { payload } = await jwtVerify(response.body, createLocalJWKSet(keystore), {
      algorithms: ['PS256'],
      issuer: SSA_ISSUERS.sandbox,
    });
    // DCR 1 ID3 "Attributes of the Software Statement Assertion" + software_api_webhook_uris.
    for (const claim of [
      'software_mode',
      'software_redirect_uris',
      'software_statement_roles',
      'software_client_name',
      'org_status',
      'software_client_id',
      'iss',
      'software_tos_uri',
      'software_client_description',
      'software_jwks_uri',
      'software_policy_uri',
      'software_id',
      'software_client_uri',
      'software_jwks_inactive_uri',
      'software_jwks_transport_inactive_uri',
      'software_jwks_transport_uri',
      'software_logo_uri',
      'org_id',
      'org_number',
      'software_environment',
      'software_version',
      'software_roles',
      'org_name',
      'iat',
      'organisation_competent_authority_claims',
      'software_api_webhook_uris',
    ]) {
      assert.ok(claim in payload, `missing ${claim}`);
    }
    assert.equal(payload.iat, Math.floor(dir.clock.now().getTime() / 1000));
    assert.equal(payload.software_id, dir.tpp.softwareStatementId);
    assert.equal(payload.org_id, dir.tpp.orgId);
    assert.equal(payload.software_client_id, dir.tpp.clientId);
    assert.equal(
      payload.software_jwks_uri,
      `${dir.urls.keystore}/${dir.tpp.orgId}/${dir.tpp.softwareStatementId}/application.jwks`,
    );
    assert.deepEqual(payload.software_statement_roles, [
      { role: 'DADOS', authorisation_domain: 'Open Banking', status: 'Active' },
      { role: 'PAGTO', authorisation_domain: 'Open Banking', status: 'Active' },
    ]);
  });

  it("answers 403 for another organisation's software statement", async () => {
    const response = await assertion(dir.other, await accessToken(dir.tpp), as(dir.tpp));
    assert.equal(response.status, 403);
    const body = JSON.parse(response.body) as { errors: Array<{ code: string }> };
    assert.equal(body.errors[0]?.code, 'DIRECTORY_FORBIDDEN_ORGANISATION');
  });

  it('answers 401 without a client certificate, even with a valid token', async () => {
    const response = await assertion(dir.tpp, await accessToken(dir.tpp), null);
    assert.equal(response.status, 401);
  });

  it('answers 401 to a token presented with another certificate (RFC 8705 binding)', async () => {
    const response = await assertion(dir.tpp, await accessToken(dir.tpp), as(dir.other));
    assert.equal(response.status, 401);
  });

  it('answers 401 once the token has expired', async () => {
    const bearer = await accessToken(dir.tpp);
    dir.clock.advance(601_000);
    try {
      assert.equal((await assertion(dir.tpp, bearer)).status, 401);
    } finally {
      dir.clock.advance(-601_000);
    }
  });

  it('answers 404 for an unknown software statement of the caller organisation', async () => {
    const bearer = await accessToken(dir.tpp);
    const ghost = { ...dir.tpp, softwareStatementId: 'c0ffee00-0000-4000-8000-00000000dead' };
    assert.equal((await assertion(ghost, bearer, as(dir.tpp))).status, 404);
  });
});
