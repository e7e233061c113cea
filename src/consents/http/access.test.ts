import { describe, it } from 'node:test';
import { createTestDatabase } from '../../platform/db/testing.ts';
import {
  CERT_A,
  CERT_B,
  CLIENT_A,
  CLIENT_B,
  createBody,
  createTestApp,
  fapiHeaders,
} from '../testing/harness.ts';
import { assertErrorBody, createdConsent, postConsent } from '../testing/requests.ts';
import { createConformanceChecker } from '../testing/spec-conformance.ts';
import { CONSENTS_PATH } from './present.ts';

const tdb = await createTestDatabase();
const spec = createConformanceChecker((message) => console.log(`# ${message}`));
const post = postConsent;
const created = createdConsent;
const assertError = (res: Parameters<typeof assertErrorBody>[1], status: number, code: string) =>
  assertErrorBody(spec, res, status, code);

describe('access control', () => {
  it('answers 401 without a token, before looking at the body', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const { authorization: _token, ...headers } = h.receiverHeaders();
    assertError(await post(h, '{broken', headers), 401, 'UNAUTHORIZED');
  });

  it('answers 401 for a token not bound to the presented certificate, or with no certificate', async (t) => {
    const h = await createTestApp(t, tdb.db);
    assertError(
      await post(h, createBody(), h.receiverHeaders(CLIENT_A, { certificate: CERT_B })),
      401,
      'UNAUTHORIZED',
    );
    const { 'x-client-cert': _cert, ...noCert } = h.receiverHeaders();
    assertError(await post(h, createBody(), noCert), 401, 'UNAUTHORIZED');
  });

  it('answers 403 for a token without the consents scope', async (t) => {
    const h = await createTestApp(t, tdb.db);
    assertError(
      await post(h, createBody(), h.receiverHeaders(CLIENT_A, { scopes: ['accounts'] })),
      403,
      'FORBIDDEN',
    );
  });

  it("refuses another client's consent with 403 on GET and DELETE, and an unknown one with 404", async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await created(h);
    for (const method of ['GET', 'DELETE'] as const) {
      const res = await h.app.inject({
        method,
        url: `${CONSENTS_PATH}/${consentId}`,
        headers: h.receiverHeaders(CLIENT_B),
      });
      assertError(res, 403, 'FORBIDDEN');
    }
    const unknown = await h.app.inject({
      method: 'GET',
      url: `${CONSENTS_PATH}/urn:bancoa:unknown`,
      headers: h.receiverHeaders(),
    });
    assertError(unknown, 404, 'NOT_FOUND');
  });

  it('answers 400 for a consentId outside the URN pattern and for a missing interaction id', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const bad = await h.app.inject({
      method: 'GET',
      url: `${CONSENTS_PATH}/not-a-urn`,
      headers: h.receiverHeaders(),
    });
    assertError(bad, 400, 'PARAMETRO_INVALIDO');
    const { 'x-fapi-interaction-id': _id, ...headers } = h.receiverHeaders();
    assertError(await post(h, createBody(), headers), 400, 'PARAMETRO_NAO_INFORMADO');
  });

  it('answers 401 for an expired token and for a token issued by another brand', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const issue = (brandId: string, ttlSeconds = 300) =>
      h.tokens.issue({ brandId, clientId: CLIENT_A, certificate: CERT_A, scopes: ['consents'], ttlSeconds });
    const expiring = issue('banco-a', 60);
    h.clock.advance(60_000);
    assertError(await post(h, createBody(), fapiHeaders(expiring, CERT_A)), 401, 'UNAUTHORIZED');
    assertError(await post(h, createBody(), fapiHeaders(issue('banco-b'), CERT_A)), 401, 'UNAUTHORIZED');
  });

  it('answers 403 for an authorization_code token on the client_credentials endpoints', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await created(h);
    const res = await h.app.inject({
      method: 'GET',
      url: `${CONSENTS_PATH}/${consentId}`,
      headers: h.consentHeaders(consentId),
    });
    assertError(res, 403, 'FORBIDDEN');
  });

  it('answers 415 for a body that is not JSON', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const res = await h.app.inject({
      method: 'POST',
      url: CONSENTS_PATH,
      headers: { ...h.receiverHeaders(), 'content-type': 'text/plain' },
      payload: 'data',
    });
    assertError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});
