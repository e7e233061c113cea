import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { isAppError } from '../../platform/errors/index.ts';
import { relyingParty } from '../testing/oidc-client.ts';
import { startAuthzHarness, type AuthzHarness } from '../testing/harness.ts';
import { createTestSoftware, register, registrationBody, type TestSoftware } from '../testing/software.ts';

const tdb = await createTestDatabase();

describe('client_credentials tokens are certificate-bound and checked by the verifier', () => {
  let harness: AuthzHarness;
  let software: TestSoftware;
  let clientId: string;

  before(async () => {
    harness = await startAuthzHarness(tdb);
    software = await createTestSoftware(harness);
    const { status, body } = await register(harness, software.agent, await registrationBody(software));
    assert.equal(status, 201, JSON.stringify(body));
    clientId = String(body.client_id);
  });
  after(() => harness.close());

  const verify = (token: string, certificate = software.certificate.x509, brandId = harness.brand.id) =>
    harness.primary.server.verifier.verify({ brandId, token, certificate });

  const rejects = async (promise: Promise<unknown>, code: string) => {
    await assert.rejects(promise, (error: unknown) => isAppError(error) && error.code === code);
  };

  it('issues a `consents` token (private_key_jwt over mTLS) that lives 900 s and is bound to the certificate', async () => {
    const config = await relyingParty(harness, software, clientId);
    const tokens = await client.clientCredentialsGrant(config, { scope: 'consents' });
    assert.equal(tokens.token_type.toLowerCase(), 'bearer');
    assert.equal(tokens.expires_in, 900);
    assert.equal(tokens.scope, 'consents');

    const verified = await verify(tokens.access_token);
    assert.equal(verified.clientId, clientId);
    assert.equal(verified.grantType, 'client_credentials');
    assert.deepEqual([...verified.scopes], ['consents']);
    assert.equal(verified.consentId, undefined);
    assert.ok(Math.abs(verified.expiresAt.getTime() - (Date.now() + 900_000)) < 10_000);
  });

  it('refuses the token with another certificate, without a certificate, or for another brand', async () => {
    const config = await relyingParty(harness, software, clientId);
    const { access_token: token } = await client.clientCredentialsGrant(config, { scope: 'consents' });
    const other = await harness.pki.issueClient({ softwareId: 'someone-else', orgId: 'another-org' });
    await rejects(verify(token, other.x509), 'ACCESS_TOKEN_CERTIFICATE_MISMATCH');
    await rejects(
      harness.primary.server.verifier.verify({ brandId: harness.brand.id, token, certificate: undefined }),
      'ACCESS_TOKEN_CERTIFICATE_MISMATCH',
    );
    await rejects(verify(token, software.certificate.x509, 'bank-b'), 'ACCESS_TOKEN_INVALID');
  });

  it('refuses unknown and revoked tokens', async () => {
    await rejects(verify('not-a-token'), 'ACCESS_TOKEN_INVALID');
    const config = await relyingParty(harness, software, clientId);
    const { access_token: token } = await client.clientCredentialsGrant(config, { scope: 'consents' });
    await client.tokenRevocation(config, token);
    await rejects(verify(token), 'ACCESS_TOKEN_INVALID');
  });

  it('refuses a token request without the client certificate', async () => {
    const config = await relyingParty(harness, software, clientId, { agent: harness.agent() });
    await assert.rejects(client.clientCredentialsGrant(config, { scope: 'consents' }), (error: unknown) => {
      // RFC 8705 §3: no certificate, no certificate-bound token.
      const e = error as { error?: string; status?: number };
      return e.status === 400 && e.error === 'invalid_grant';
    });
  });

  it('does not grant scopes that client_credentials cannot carry', async () => {
    const config = await relyingParty(harness, software, clientId);
    const tokens = await client.clientCredentialsGrant(config, { scope: 'consents accounts' });
    assert.equal(tokens.scope, 'consents');
  });
});
