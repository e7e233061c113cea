import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fetch } from 'undici';
import { createTestDatabase } from '../platform/db/testing.ts';
import { MANDATORY_DISCOVERY_SCOPES } from './policies/scopes.ts';
import { startAuthzHarness, type AuthzHarness } from './testing/harness.ts';

const tdb = await createTestDatabase();

describe('authorization server discovery (.well-known) over TLS', () => {
  let harness: AuthzHarness;
  let metadata: Record<string, unknown>;
  let headers: Headers;

  before(async () => {
    harness = await startAuthzHarness(tdb);
    const response = await fetch(`${harness.issuer}/.well-known/openid-configuration`, {
      dispatcher: harness.agent(),
      headers: { 'x-fapi-interaction-id': '9b2c9d1e-27a8-4d43-9a0b-0d6a39b0b1e1' },
    });
    assert.equal(response.status, 200);
    headers = response.headers;
    metadata = (await response.json()) as Record<string, unknown>;
  });
  after(() => harness.close());

  it('names the brand issuer and endpoints under the issuer path', () => {
    assert.equal(metadata.issuer, harness.issuer);
    assert.equal(metadata.token_endpoint, `${harness.issuer}/token`);
    assert.equal(metadata.pushed_authorization_request_endpoint, `${harness.issuer}/par`);
    assert.equal(metadata.registration_endpoint, `${harness.issuer}/register`);
    assert.equal(metadata.jwks_uri, `${harness.issuer}/jwks`);
    assert.equal(metadata.userinfo_endpoint, `${harness.issuer}/me`);
  });

  it('advertises only the certified FAPI-BR modes (PAR, PKCE S256, hybrid in the fragment)', () => {
    assert.equal(metadata.require_pushed_authorization_requests, true);
    assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(metadata.response_types_supported, ['code id_token']);
    assert.deepEqual(metadata.response_modes_supported, ['fragment']);
    assert.deepEqual(metadata.token_endpoint_auth_methods_supported, ['private_key_jwt']);
    assert.deepEqual(metadata.subject_types_supported, ['public']);
    assert.equal(metadata.require_signed_request_object, true);
    assert.equal(metadata.claims_parameter_supported, true);
  });

  it('allows PS256 only for every signature and RSA-OAEP/A256GCM for id_token encryption', () => {
    for (const field of [
      'id_token_signing_alg_values_supported',
      'request_object_signing_alg_values_supported',
      'token_endpoint_auth_signing_alg_values_supported',
    ]) {
      assert.deepEqual(metadata[field], ['PS256'], field);
    }
    assert.deepEqual(metadata.id_token_encryption_alg_values_supported, ['RSA-OAEP']);
    assert.deepEqual(metadata.id_token_encryption_enc_values_supported, ['A256GCM']);
    assert.equal(metadata.dpop_signing_alg_values_supported, undefined);
  });

  it('binds tokens to certificates and lists the mTLS endpoint aliases', () => {
    assert.equal(metadata.tls_client_certificate_bound_access_tokens, true);
    assert.deepEqual(metadata.mtls_endpoint_aliases, {
      token_endpoint: `${harness.issuer}/token`,
      pushed_authorization_request_endpoint: `${harness.issuer}/par`,
      registration_endpoint: `${harness.issuer}/register`,
      userinfo_endpoint: `${harness.issuer}/me`,
      revocation_endpoint: `${harness.issuer}/token/revocation`,
    });
  });

  it('lists the loa2/loa3 acr values and the mandatory scopes', () => {
    assert.deepEqual(metadata.acr_values_supported, [
      'urn:brasil:openbanking:loa2',
      'urn:brasil:openbanking:loa3',
    ]);
    const scopes = new Set(metadata.scopes_supported as string[]);
    for (const scope of [...MANDATORY_DISCOVERY_SCOPES, 'openid', 'accounts', 'consents', 'resources']) {
      assert.ok(scopes.has(scope), scope);
    }
    assert.ok(!scopes.has('offline_access'));
  });

  it('mirrors the x-fapi-interaction-id', () => {
    assert.equal(headers.get('x-fapi-interaction-id'), '9b2c9d1e-27a8-4d43-9a0b-0d6a39b0b1e1');
  });

  it('publishes the brand signing key (PS256, sig) without private parts', async () => {
    const response = await fetch(String(metadata.jwks_uri), { dispatcher: harness.agent() });
    const jwks = (await response.json()) as { keys: Array<Record<string, unknown>> };
    assert.equal(jwks.keys.length, 1);
    assert.equal(jwks.keys[0]?.kid, 'bank-a-sig-1');
    assert.equal(jwks.keys[0]?.alg, 'PS256');
    assert.equal(jwks.keys[0]?.use, 'sig');
    assert.equal(jwks.keys[0]?.d, undefined);
  });

  it('leaves the brand app routes alone (the provider is mounted under its prefix)', async () => {
    const response = await fetch(`${harness.primary.origin}/health/live`, { dispatcher: harness.agent() });
    assert.equal(response.status, 200);
  });
});
