import assert from 'node:assert/strict';
import { KeyObject } from 'node:crypto';
import type { CryptoKey } from 'jose';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import { fetch } from 'undici';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { pushAuthorization, signedRequestObject } from '../testing/authorization-request.ts';
import { CUSTOMERS, startAuthzHarness, type AuthzHarness } from '../testing/harness.ts';
import { mtlsFetch, relyingParty } from '../testing/oidc-client.ts';
import { createTestSoftware, register, registrationBody, type TestSoftware } from '../testing/software.ts';

const tdb = await createTestDatabase();
const ANA = CUSTOMERS[0]!;

describe('authorization requests: only PAR with a PS256 request object, hybrid, PKCE, one awaiting consent', () => {
  let harness: AuthzHarness;
  let software: TestSoftware;
  let clientId: string;
  let config: client.Configuration;

  before(async () => {
    harness = await startAuthzHarness(tdb);
    software = await createTestSoftware(harness);
    const { body } = await register(harness, software.agent, await registrationBody(software));
    clientId = String(body.client_id);
    config = await relyingParty(harness, software, clientId);
  });
  after(() => harness.close());

  const newConsent = () => harness.consents.create({ brandId: harness.brand.id, clientId, cpf: ANA.cpf });

  /** Pushes a request object with these claims; resolves to `error: description` (or 'accepted'). */
  async function push(
    claims: Record<string, unknown>,
    signing: { alg?: string; key?: CryptoKey | KeyObject } = {},
  ) {
    const request = await signedRequestObject({
      clientId,
      issuer: harness.issuer,
      key: signing.key ?? software.signingKey.privateKey,
      alg: signing.alg ?? 'PS256',
      kid: String(software.signingKey.jwk.kid),
      claims: {
        response_type: 'code id_token',
        redirect_uri: software.redirectUri,
        scope: `openid accounts consent:${newConsent().consentId}`,
        nonce: 'n-0S6_WzA2Mj',
        state: 'af0ifjsldkj',
        code_challenge: await client.calculatePKCECodeChallenge('a'.repeat(43)),
        code_challenge_method: 'S256',
        ...claims,
      },
    });
    try {
      await client.buildAuthorizationUrlWithPAR(config, { request });
      return 'accepted';
    } catch (error) {
      const e = error as { error?: string; error_description?: string };
      return `${String(e.error)}: ${String(e.error_description)}`;
    }
  }

  it('accepts a pushed PS256 request object and answers a request_uri valid for 60 seconds', async () => {
    const watched = await relyingParty(harness, software, clientId);
    const mtls = mtlsFetch(software.agent);
    const parAnswers: unknown[] = [];
    watched[client.customFetch] = async (url, options) => {
      const response = await mtls(url, options);
      if (url.endsWith('/par')) parAnswers.push(await response.clone().json());
      return response;
    };
    const pushed = await pushAuthorization(watched, software, newConsent().consentId);
    // 60 s (DIGEST §6.1), counted from the request object's exp in whole seconds: a second
    // boundary crossed while the request travels shows as 59.
    const expiresIn = (parAnswers[0] as { expires_in?: number }).expires_in ?? 0;
    assert.ok(expiresIn >= 59 && expiresIn <= 60, `expires_in ${expiresIn}`);
    assert.match(pushed.url.searchParams.get('request_uri') ?? '', /^urn:ietf:params:oauth:request_uri:/);
    assert.equal(pushed.url.searchParams.get('client_id'), clientId);
    assert.equal(await push({}), 'accepted');
  });

  it('refuses a pushed request sent without a client certificate', async () => {
    const withoutCertificate = await relyingParty(harness, software, clientId, { agent: harness.agent() });
    await assert.rejects(
      pushAuthorization(withoutCertificate, software, newConsent().consentId),
      (error: unknown) => {
        const e = error as { status?: number; error?: string };
        return e.status === 401 && e.error === 'invalid_client';
      },
    );
  });

  it('refuses an authorization request that did not go through PAR', async () => {
    const params = new URLSearchParams({
      client_id: clientId,
      response_type: 'code id_token',
      redirect_uri: software.redirectUri,
      scope: `openid consent:${newConsent().consentId}`,
      nonce: 'n',
      state: 's',
      code_challenge: await client.calculatePKCECodeChallenge('b'.repeat(43)),
      code_challenge_method: 'S256',
    });
    const response = await fetch(`${harness.issuer}/auth?${params.toString()}`, {
      dispatcher: harness.agent(),
      redirect: 'manual',
    });
    const location = response.headers.get('location') ?? '';
    assert.ok(!location.includes('/interaction/'), 'never reaches the customer pages');
    assert.match(location, /error=invalid_request/);
    assert.match(
      decodeURIComponent(location).replaceAll('+', ' '),
      /Pushed Authorization Request must be used/,
    );
  });

  it('refuses the plain `code` response type, in any response mode', async () => {
    // FAPI 1.0 Final: `code` alone needs JARM, which FAPI-BR v2.1.0 does not certify.
    assert.match(
      await push({ response_type: 'code' }),
      /^invalid_request: requested response_mode is not allowed/,
    );
    assert.match(
      await push({ response_type: 'code', response_mode: 'fragment' }),
      /^invalid_request: requested response_mode is not allowed/,
    );
    assert.match(await push({ response_type: 'code', response_mode: 'jwt' }), /^unsupported_response_mode/);
  });

  it('refuses a request object that is not signed with PS256', async () => {
    const rsKey = KeyObject.from(software.signingKey.privateKey);
    assert.equal(
      await push({}, { alg: 'RS256', key: rsKey }),
      'invalid_request_object: unsupported signed request alg',
    );
  });

  it('refuses a request without PKCE', async () => {
    assert.match(
      await push({ code_challenge: undefined, code_challenge_method: undefined }),
      /^invalid_request: .*PKCE/,
    );
  });

  it('refuses a response_mode other than fragment', async () => {
    assert.match(
      await push({ response_mode: 'form_post' }),
      /^invalid_request: requested response_mode is not allowed/,
    );
  });

  it('refuses a request without a consent scope, or for a consent of another client or no longer awaiting', async () => {
    assert.equal(
      await push({ scope: 'openid accounts' }),
      'invalid_scope: exactly one consent:<consentId> scope is required',
    );
    const foreign = harness.consents.create({
      brandId: harness.brand.id,
      clientId: 'other-client',
      cpf: ANA.cpf,
    });
    assert.equal(
      await push({ scope: `openid consent:${foreign.consentId}` }),
      'invalid_scope: the consent does not exist for this client',
    );
    const rejected = newConsent();
    harness.consents.revoke(rejected.consentId);
    assert.equal(
      await push({ scope: `openid consent:${rejected.consentId}` }),
      'invalid_scope: the consent is not awaiting authorisation',
    );
  });
});
