import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { startAuthzHarness, type AuthzHarness } from '../testing/harness.ts';
import { createTestSoftware, manage, register, registrationBody } from '../testing/software.ts';

const tdb = await createTestDatabase();

describe('dynamic client registration (RFC 7591) over mTLS with a software statement', () => {
  let harness: AuthzHarness;
  before(async () => {
    harness = await startAuthzHarness(tdb);
  });
  after(() => harness.close());

  it('registers a receiver with FAPI-BR metadata, SSA values and role scopes, and a registration access token', async () => {
    const software = await createTestSoftware(harness);
    const { status, body } = await register(harness, software.agent, await registrationBody(software));
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(typeof body.client_id, 'string');
    assert.equal(typeof body.registration_access_token, 'string');
    assert.equal(body.registration_client_uri, `${harness.issuer}/register/${String(body.client_id)}`);
    assert.equal(body.client_name, `Receptor ${software.softwareId.slice(0, 8)}`);
    assert.equal(body.software_id, software.softwareId);
    assert.equal(body.org_id, software.orgId);
    assert.equal(body.jwks_uri, software.jwksUri);
    assert.equal(body.token_endpoint_auth_method, 'private_key_jwt');
    assert.equal(body.tls_client_certificate_bound_access_tokens, true);
    assert.equal(body.require_pushed_authorization_requests, true);
    assert.equal(body.id_token_encrypted_response_alg, 'RSA-OAEP');
    assert.equal(body.id_token_encrypted_response_enc, 'A256GCM');
    assert.deepEqual(body.response_types, ['code id_token']);
    assert.deepEqual(body.webhook_uris, [`https://receiver.localhost/${software.softwareId}/webhooks`]);
    assert.equal(body.client_secret, undefined);
    const scopes = new Set(String(body.scope).split(' '));
    for (const scope of ['openid', 'accounts', 'consents', 'resources', 'credit-cards-accounts']) {
      assert.ok(scopes.has(scope), scope);
    }
    assert.ok(!scopes.has('payments'), 'DADOS does not allow payments');
  });

  it('reads, updates (same registration access token) and deletes the registration (RFC 7592)', async () => {
    const software = await createTestSoftware(harness);
    const created = (await register(harness, software.agent, await registrationBody(software))).body;

    const read = await manage(software.agent, created, 'GET');
    assert.equal(read.status, 200);
    assert.equal(read.body.client_id, created.client_id);

    const update = await registrationBody(software, {
      client_id: created.client_id,
      redirect_uris: [`https://receiver.localhost/${software.softwareId}/other`],
    });
    const updated = await manage(software.agent, created, 'PUT', update);
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    assert.deepEqual(updated.body.redirect_uris, [`https://receiver.localhost/${software.softwareId}/other`]);
    assert.equal(updated.body.registration_access_token, created.registration_access_token, 'not rotated');

    const deleted = await manage(software.agent, created, 'DELETE');
    assert.equal(deleted.status, 204);
    assert.equal((await manage(software.agent, created, 'GET')).status, 401);
  });

  it('manages a registration only over mTLS with the certificate of the software (DCM)', async () => {
    const software = await createTestSoftware(harness);
    const created = (await register(harness, software.agent, await registrationBody(software))).body;
    const other = await createTestSoftware(harness);
    const withoutCertificate = await manage(harness.agent(), created, 'GET');
    assert.equal(withoutCertificate.status, 401);
    assert.equal(withoutCertificate.body.error, 'invalid_client');
    const withAnotherSoftware = await manage(other.agent, created, 'DELETE');
    assert.equal(withAnotherSoftware.status, 401);
    assert.match(String(withAnotherSoftware.body.error_description), /another software/);
    assert.equal((await manage(software.agent, created, 'GET')).status, 200, 'still registered');
  });

  it('refuses an update whose software statement was signed by another key', async () => {
    const software = await createTestSoftware(harness);
    const created = (await register(harness, software.agent, await registrationBody(software))).body;
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const update = await registrationBody(software, {
      client_id: created.client_id,
      software_statement: await software.ssa({}, { key: privateKey }),
    });
    const { status, body } = await manage(software.agent, created, 'PUT', update);
    assert.equal(status, 400);
    assert.equal(body.error, 'invalid_software_statement');
  });

  describe('refuses, with the dcr.yaml error', () => {
    const cases: Array<{
      name: string;
      error: string;
      description: RegExp;
      request: (h: AuthzHarness) => Promise<{ status: number; body: Record<string, unknown> }>;
    }> = [
      {
        name: 'a software statement issued more than five minutes ago',
        error: 'invalid_software_statement',
        description: /more than 300 seconds ago/,
        request: async (h) => {
          const s = await createTestSoftware(h);
          const old = await s.ssa({}, { iatSeconds: Math.floor(Date.now() / 1000) - 6 * 60 });
          return register(h, s.agent, await registrationBody(s, { software_statement: old }));
        },
      },
      {
        name: 'a software statement signed by a key other than the directory’s',
        error: 'invalid_software_statement',
        description: /signature/,
        request: async (h) => {
          const s = await createTestSoftware(h);
          const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
          return register(
            h,
            s.agent,
            await registrationBody(s, { software_statement: await s.ssa({}, { key: privateKey }) }),
          );
        },
      },
      {
        name: 'a client certificate of another software',
        error: 'unapproved_software_statement',
        description: /UID does not match software_id/,
        request: async (h) => {
          const s = await createTestSoftware(h);
          const other = await createTestSoftware(h);
          return register(h, other.agent, await registrationBody(s));
        },
      },
      {
        name: 'a client certificate of the same software id but another organisation',
        error: 'unapproved_software_statement',
        description: /organizationIdentifier does not match org_id/,
        request: async (h) => {
          const s = await createTestSoftware(h);
          const other = h.agent(await h.pki.issueClient({ softwareId: s.softwareId, orgId: 'another-org' }));
          return register(h, other, await registrationBody(s));
        },
      },
      {
        name: 'a client certificate from a CA outside the trust list',
        error: 'unapproved_software_statement',
        description: /requires mutual TLS/,
        request: async (h) => {
          const s = await createTestSoftware(h);
          const rogue = h.agent(
            await h.pki.issueUntrustedClient({ softwareId: s.softwareId, orgId: s.orgId }),
          );
          return register(h, rogue, await registrationBody(s));
        },
      },
      {
        name: 'a registration without a client certificate',
        error: 'unapproved_software_statement',
        description: /requires mutual TLS/,
        request: async (h) => {
          const s = await createTestSoftware(h);
          return register(h, h.agent(), await registrationBody(s));
        },
      },
      {
        name: 'a redirect URI outside the software statement',
        error: 'invalid_redirect_uri',
        description: /subset of software_redirect_uris/,
        request: async (h) => {
          const s = await createTestSoftware(h);
          return register(
            h,
            s.agent,
            await registrationBody(s, { redirect_uris: ['https://attacker.example/cb'] }),
          );
        },
      },
      {
        name: 'keys by value (jwks)',
        error: 'invalid_client_metadata',
        description: /jwks by value is not allowed/,
        request: async (h) => {
          const s = await createTestSoftware(h);
          const body = await registrationBody(s, { jwks: { keys: [s.signingKey.jwk] } });
          delete body.jwks_uri;
          return register(h, s.agent, body);
        },
      },
      {
        name: 'a jwks_uri other than software_jwks_uri',
        error: 'invalid_client_metadata',
        description: /must equal software_jwks_uri/,
        request: async (h) => {
          const s = await createTestSoftware(h);
          return register(
            h,
            s.agent,
            await registrationBody(s, { jwks_uri: `${h.directory.keystoreOrigin}/x.jwks` }),
          );
        },
      },
      {
        name: 'a JWKS without an encryption key',
        error: 'invalid_client_metadata',
        description: /use "enc"/,
        request: async (h) => {
          const s = await createTestSoftware(h, { withEncryptionKey: false });
          return register(h, s.agent, await registrationBody(s));
        },
      },
      {
        name: 'webhook URIs that differ from the software statement',
        error: 'invalid_webhook_uris',
        description: /software_api_webhook_uris/,
        request: async (h) => {
          const s = await createTestSoftware(h);
          return register(
            h,
            s.agent,
            await registrationBody(s, { webhook_uris: ['https://receiver.localhost/x'] }),
          );
        },
      },
      {
        name: 'a scope the software statement roles do not allow',
        error: 'invalid_client_metadata',
        description: /not allowed by the software statement roles: payments/,
        request: async (h) => {
          const s = await createTestSoftware(h);
          return register(h, s.agent, await registrationBody(s, { scope: 'openid accounts payments' }));
        },
      },
      {
        name: 'an authentication method other than private_key_jwt',
        error: 'invalid_client_metadata',
        description: /token_endpoint_auth_method must be private_key_jwt/,
        request: async (h) => {
          const s = await createTestSoftware(h);
          return register(
            h,
            s.agent,
            await registrationBody(s, { token_endpoint_auth_method: 'client_secret_basic' }),
          );
        },
      },
      {
        name: 'a second registration of the same software statement',
        error: 'invalid_client_metadata',
        description: /already registered for this software statement/,
        request: async (h) => {
          const s = await createTestSoftware(h);
          const first = await register(h, s.agent, await registrationBody(s));
          assert.equal(first.status, 201);
          return register(h, s.agent, await registrationBody(s));
        },
      },
    ];
    for (const { name, error, description, request } of cases) {
      it(name, async () => {
        const { status, body } = await request(harness);
        assert.equal(status, 400, JSON.stringify(body));
        assert.equal(body.error, error, JSON.stringify(body));
        assert.match(String(body.error_description), description);
      });
    }
  });
});
