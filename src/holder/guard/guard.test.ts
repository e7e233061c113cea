import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { seedTestBank, BRAND_ID, type TestBank } from '../testing/bank.ts';
import { CERT_B, CLIENT_B, startHolderHarness } from '../testing/harness.ts';

const tdb = await createTestDatabase();
const bank = await seedTestBank(tdb);
const [ACCOUNT, SECOND_ACCOUNT] = bank.company.resources
  .filter((r) => r.type === 'ACCOUNT')
  .map((r) => r.resourceId);
const PERSON_ACCOUNT = bank.person.resources.find((r) => r.type === 'ACCOUNT')!.resourceId;
const url = (account = PERSON_ACCOUNT, suffix = '') =>
  `/open-banking/accounts/v2/accounts/${account}${suffix}`;

function refused(response: LightMyRequestResponse, status: number, code: string): void {
  assert.equal(response.statusCode, status, response.body);
  const body = response.json<{ errors: Array<{ code: string }>; meta: { requestDateTime: string } }>();
  assert.equal(body.errors[0]?.code, code);
  assert.ok(body.meta.requestDateTime);
}

describe('the resource guard refuses, with the spec status and code', () => {
  it('a request without a token (401 ACCESS_TOKEN_MISSING) or with a malformed one', async (t) => {
    const h = await startHolderHarness(t, { tdb, bank });
    const consent = await h.consent();
    const { authorization: _drop, ...anonymous } = h.headers(consent);
    refused(await h.get(url(), anonymous), 401, 'ACCESS_TOKEN_MISSING');
    refused(
      await h.get(url(), { ...anonymous, authorization: 'Basic dXNlcjpwYXNz' }),
      401,
      'ACCESS_TOKEN_MISSING',
    );
  });

  it('an unknown, expired, other-brand or other-certificate token (401 from the verifier)', async (t) => {
    const h = await startHolderHarness(t, { tdb, bank });
    const consent = await h.consent();
    refused(await h.get(url(), { ...h.headers(consent), authorization: 'Bearer nope' }), 401, 'UNAUTHORIZED');
    const shortLived = h.headers(consent, { ttlSeconds: 300 });
    h.clock.advance(301_000);
    refused(await h.get(url(), shortLived), 401, 'UNAUTHORIZED');
    refused(await h.get(url(), h.headers(consent, { certificate: CERT_B })), 401, 'UNAUTHORIZED');
    refused(await h.get(url(), h.headers(consent, { brandId: 'bank-b' })), 401, 'UNAUTHORIZED');
  });

  it('a cached token once it expires (401 ACCESS_TOKEN_EXPIRED)', async (t) => {
    const h = await startHolderHarness(t, { tdb, bank, cacheTtlMs: 600_000 });
    const consent = await h.consent();
    const headers = h.headers(consent, { ttlSeconds: 300 });
    assert.equal((await h.get(url(), headers)).statusCode, 200);
    h.clock.advance(300_000);
    refused(
      await h.get(url(), { ...headers, 'x-fapi-interaction-id': randomUUID() }),
      401,
      'ACCESS_TOKEN_EXPIRED',
    );
  });

  it("a token without the API's scope (403 INSUFFICIENT_SCOPE) or without a consent (401 CONSENT_MISSING)", async (t) => {
    const h = await startHolderHarness(t, { tdb, bank });
    const consent = await h.consent();
    refused(
      await h.get(url(), h.headers(consent, { scopes: ['openid', `consent:${consent}`] })),
      403,
      'INSUFFICIENT_SCOPE',
    );
    refused(
      await h.get(url(), h.headers(consent, { scopes: ['openid', 'accounts'], consentId: null })),
      401,
      'CONSENT_MISSING',
    );
    // Another client's token naming this consent.
    refused(await h.get(url(), h.headers(consent, { clientId: CLIENT_B })), 401, 'CONSENT_MISSING');
  });

  it('a consent awaiting authorisation, rejected, revoked or expired (401)', async (t) => {
    const h = await startHolderHarness(t, { tdb, bank });
    const awaiting = await h.consent({ authorise: false });
    refused(await h.get(url(), h.headers(awaiting)), 401, 'CONSENT_NOT_AUTHORISED');

    const rejected = await h.consent({ authorise: false });
    await tdb.db.transaction((tx) =>
      h.consents.authorization.reject(tx, BRAND_ID, rejected, {
        rejectedBy: 'USER',
        reason: 'CUSTOMER_MANUALLY_REJECTED',
      }),
    );
    refused(await h.get(url(), h.headers(rejected)), 401, 'CONSENT_REJECTED');

    const revoked = await h.consent();
    await h.consents.service.revoke(BRAND_ID, revoked, 'client-a');
    refused(await h.get(url(), h.headers(revoked)), 401, 'CONSENT_REVOKED');

    const expiring = await h.consent({ expirationDateTime: '2025-06-30T16:00:00Z' });
    assert.equal((await h.get(url(), h.headers(expiring))).statusCode, 200);
    h.clock.advance(3_600_000);
    refused(await h.get(url(), h.headers(expiring)), 401, 'CONSENT_EXPIRED');
  });

  it('an endpoint whose permission the consent lacks (403 PERMISSION_NOT_GRANTED)', async (t) => {
    const h = await startHolderHarness(t, { tdb, bank });
    const consent = await h.consent({
      permissions: ['ACCOUNTS_READ', 'ACCOUNTS_BALANCES_READ', 'RESOURCES_READ'],
      resources: bank.person.resources.filter((r) => r.type === 'ACCOUNT'),
    });
    assert.equal((await h.get(url(PERSON_ACCOUNT, '/balances'), h.headers(consent))).statusCode, 200);
    refused(
      await h.get(url(PERSON_ACCOUNT, '/overdraft-limits'), h.headers(consent)),
      403,
      'PERMISSION_NOT_GRANTED',
    );
    refused(
      await h.get('/open-banking/loans/v2/contracts', h.headers(consent)),
      403,
      'PERMISSION_NOT_GRANTED',
    );
  });

  it('a resource the consent does not link: unknown, unchosen, another customer’s (403 RESOURCE_FORBIDDEN)', async (t) => {
    const h = await startHolderHarness(t, { tdb, bank });
    const chosen = bank.company.resources.filter((r) => r.resourceId !== SECOND_ACCOUNT);
    const consent = await h.consent({ kind: 'PJ', resources: chosen });
    assert.equal((await h.get(url(ACCOUNT), h.headers(consent))).statusCode, 200);
    refused(await h.get(url(SECOND_ACCOUNT), h.headers(consent)), 403, 'RESOURCE_FORBIDDEN');
    refused(await h.get(url(PERSON_ACCOUNT), h.headers(consent)), 403, 'RESOURCE_FORBIDDEN');
    refused(
      await h.get(url('4f1c8c1e-0000-4000-8000-000000000000'), h.headers(consent)),
      403,
      'RESOURCE_FORBIDDEN',
    );
    // The list shows only what the consent links.
    const list = await h.get('/open-banking/accounts/v2/accounts', h.headers(consent));
    assert.deepEqual(
      list.json<{ data: Array<{ accountId: string }> }>().data.map((a) => a.accountId),
      [ACCOUNT],
    );
  });

  it('a linked resource the core reports unavailable or blocked (403 STATUS_RESOURCE_*)', async (t) => {
    const statuses = new Map([
      [ACCOUNT!, 'UNAVAILABLE' as const],
      [SECOND_ACCOUNT!, 'TEMPORARILY_UNAVAILABLE' as const],
    ]);
    const core = bank.connector.resources;
    const blocked: TestBank = {
      ...bank,
      connector: {
        ...bank.connector,
        resources: {
          listResources: async (...args) =>
            (await core.listResources(...args)).map((r) => ({
              ...r,
              status: statuses.get(r.resourceId) ?? r.status,
            })),
        },
      },
    };
    const h = await startHolderHarness(t, { tdb, bank: blocked });
    const consent = await h.consent({ kind: 'PJ' });
    refused(await h.get(url(ACCOUNT), h.headers(consent)), 403, 'STATUS_RESOURCE_UNAVAILABLE');
    refused(
      await h.get(url(SECOND_ACCOUNT), h.headers(consent)),
      403,
      'STATUS_RESOURCE_TEMPORARILY_UNAVAILABLE',
    );
    const resources = await h.get('/open-banking/resources/v3/resources', h.headers(consent));
    const listed = resources.json<{ data: Array<{ resourceId: string; status: string }> }>().data;
    assert.equal(listed.find((r) => r.resourceId === ACCOUNT)?.status, 'UNAVAILABLE');
    const accounts = await h.get('/open-banking/accounts/v2/accounts', h.headers(consent));
    assert.equal(accounts.json<{ data: unknown[] }>().data.length, 0);
  });

  it('a missing or malformed x-fapi-interaction-id (400, with a generated id)', async (t) => {
    const h = await startHolderHarness(t, { tdb, bank });
    const consent = await h.consent();
    const { 'x-fapi-interaction-id': _id, ...headers } = h.headers(consent);
    const missing = await h.get(url(), headers);
    refused(missing, 400, 'PARAMETRO_NAO_INFORMADO');
    assert.match(String(missing.headers['x-fapi-interaction-id']), /^[0-9a-f-]{36}$/);
    refused(
      await h.get(url(), { ...headers, 'x-fapi-interaction-id': 'not-a-uuid' }),
      400,
      'PARAMETRO_INVALIDO',
    );
    refused(
      await h.get(url(), {
        ...headers,
        'x-fapi-interaction-id': randomUUID(),
        'x-fapi-auth-date': 'yesterday',
      }),
      400,
      'PARAMETRO_INVALIDO',
    );
  });
});
