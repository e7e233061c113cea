import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { BRAND, CLIENT_A, CNPJ, CPF, OTHER_CPF, createBody, createTestApp } from '../testing/harness.ts';
import { createConformanceChecker } from '../testing/spec-conformance.ts';
import { CONSENTS_PATH } from './present.ts';
import { GetExtensions, PostExtends } from './schemas/extensions.ts';

const tdb = await createTestDatabase();
const spec = createConformanceChecker((message) => console.log(`# ${message}`));

type Harness = Awaited<ReturnType<typeof createTestApp>>;
const user = (identification = CPF) => ({ document: { identification, rel: 'CPF' } });
const entity = { document: { identification: CNPJ, rel: 'CNPJ' } };

/** A consent created by receiver A and authorised by the customer. */
async function authorised(h: Harness, body = createBody()): Promise<string> {
  const res = await h.app.inject({
    method: 'POST',
    url: CONSENTS_PATH,
    headers: h.receiverHeaders(),
    payload: body,
  });
  assert.equal(res.statusCode, 201, res.body);
  const { consentId } = res.json<{ data: { consentId: string } }>().data;
  await tdb.db.transaction((tx) =>
    h.module.authorization.authorise(tx, BRAND.id, consentId, {
      customer: { customerId: 'c-1', personType: 'PESSOA_NATURAL' },
      resources: [],
    }),
  );
  return consentId;
}

function extend(
  h: Harness,
  consentId: string,
  data: Record<string, unknown>,
  headers: Record<string, string> = h.consentHeaders(consentId),
) {
  return h.app.inject({
    method: 'POST',
    url: `${CONSENTS_PATH}/${consentId}/extends`,
    headers,
    payload: { data },
  });
}

function codeOf(res: { json: <T>() => T }): string | undefined {
  return res.json<{ errors: Array<{ code: string }> }>().errors[0]?.code;
}

describe('POST /consents/{consentId}/extends', () => {
  it('renews an authorised consent to a later date: 201, spec body, and GET shows the new expiry', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await authorised(h);
    const res = await extend(h, consentId, {
      loggedUser: user(),
      expirationDateTime: '2026-01-21T08:30:00Z',
    });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json<{
      data: { expirationDateTime: string; status: string };
      links: { self: string };
    }>();
    spec.assertValid(body, 'ResponseConsentExtensions', PostExtends.response[201]);
    assert.equal(body.data.expirationDateTime, '2026-01-21T08:30:00Z');
    assert.equal(body.data.status, 'AUTHORISED');
    assert.equal(body.links.self, `https://api.banco-a.test${CONSENTS_PATH}/${consentId}/extends`);
    const read = await h.app.inject({
      method: 'GET',
      url: `${CONSENTS_PATH}/${consentId}`,
      headers: h.receiverHeaders(),
    });
    assert.equal(
      read.json<{ data: { expirationDateTime: string } }>().data.expirationDateTime,
      '2026-01-21T08:30:00Z',
    );
  });

  it('makes a consent indefinite when expirationDateTime is omitted', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await authorised(h);
    const res = await extend(h, consentId, { loggedUser: user() });
    assert.equal(res.statusCode, 201);
    assert.equal('expirationDateTime' in res.json<{ data: object }>().data, false);
  });

  it('answers 422 ESTADO_CONSENTIMENTO_INVALIDO for a consent that is not AUTHORISED', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const created = await h.app.inject({
      method: 'POST',
      url: CONSENTS_PATH,
      headers: h.receiverHeaders(),
      payload: createBody(),
    });
    const { consentId } = created.json<{ data: { consentId: string } }>().data;
    const res = await extend(h, consentId, {
      loggedUser: user(),
      expirationDateTime: '2026-01-21T08:30:00Z',
    });
    assert.equal(res.statusCode, 422);
    assert.equal(codeOf(res), 'ESTADO_CONSENTIMENTO_INVALIDO');
    spec.assertValid(res.json(), '422ResponseErrorCreateConsent', PostExtends.response[422]);
  });

  it('answers 422 DATA_EXPIRACAO_INVALIDA for an earlier date or one past 12 months', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await authorised(h);
    for (const expirationDateTime of ['2025-07-21T08:30:00Z', '2026-05-21T08:30:01Z']) {
      const res = await extend(h, consentId, { loggedUser: user(), expirationDateTime });
      assert.equal(res.statusCode, 422);
      assert.equal(codeOf(res), 'DATA_EXPIRACAO_INVALIDA');
      spec.assertValid(res.json(), '422ResponseErrorCreateConsent', PostExtends.response[422]);
    }
  });

  it('answers 422 ERRO_NAO_MAPEADO when another logged user renews a PF consent', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await authorised(h);
    const res = await extend(h, consentId, {
      loggedUser: user(OTHER_CPF),
      expirationDateTime: '2026-01-21T08:30:00Z',
    });
    assert.equal(res.statusCode, 422);
    assert.equal(codeOf(res), 'ERRO_NAO_MAPEADO');
  });

  it('lets any user of the company renew a PJ consent, provided the business entity matches', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await authorised(h, createBody({ businessEntity: entity }));
    const wrong = await extend(h, consentId, {
      loggedUser: user(OTHER_CPF),
      businessEntity: { document: { ...entity.document, identification: '11222333000262' } },
    });
    assert.equal(codeOf(wrong), 'ERRO_NAO_MAPEADO');
    const res = await extend(h, consentId, {
      loggedUser: user(OTHER_CPF),
      businessEntity: entity,
      expirationDateTime: '2026-01-21T08:30:00Z',
    });
    assert.equal(res.statusCode, 201, res.body);
  });

  it('requires an authorization_code token for this consent (403 otherwise)', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await authorised(h);
    const other = await authorised(h);
    const data = { loggedUser: user(), expirationDateTime: '2026-01-21T08:30:00Z' };
    const headers = { ...h.consentHeaders(consentId), ...h.receiverHeaders() };
    assert.equal((await extend(h, consentId, data, headers)).statusCode, 403);
    assert.equal((await extend(h, consentId, data, h.consentHeaders(other))).statusCode, 403);
  });

  it('answers 400 without the x-fapi-customer-ip-address or x-customer-user-agent headers', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await authorised(h);
    const data = { loggedUser: user(), expirationDateTime: '2026-01-21T08:30:00Z' };
    const { 'x-customer-user-agent': _ua, ...noAgent } = h.consentHeaders(consentId);
    const { 'x-fapi-customer-ip-address': _ip, ...noIp } = h.consentHeaders(consentId);
    for (const headers of [noAgent, noIp]) {
      const res = await extend(h, consentId, data, headers);
      assert.equal(res.statusCode, 400);
      assert.equal(codeOf(res), 'PARAMETRO_NAO_INFORMADO');
    }
  });
});

describe('GET /consents/{consentId}/extensions', () => {
  it('lists renewals newest first with the previous expiry, paginated by at least 25', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await authorised(h);
    const dates = Array.from(
      { length: 27 },
      (_, i) =>
        `2025-${String(9 + Math.floor(i / 28)).padStart(2, '0')}-${String(i + 1).padStart(2, '0')}T08:30:00Z`,
    );
    for (const expirationDateTime of dates) {
      h.clock.advance(1000);
      const res = await extend(h, consentId, { loggedUser: user(), expirationDateTime });
      assert.equal(res.statusCode, 201, res.body);
    }
    const url = `${CONSENTS_PATH}/${consentId}/extensions`;
    const first = await h.app.inject({
      method: 'GET',
      url: `${url}?page-size=10`,
      headers: h.receiverHeaders(),
    });
    assert.equal(first.statusCode, 200, first.body);
    const body = first.json<{
      data: Array<Record<string, string>>;
      links: Record<string, string>;
      meta: Record<string, unknown>;
    }>();
    spec.assertValid(body, 'ResponseConsentReadExtensions', GetExtensions.response[200]);
    assert.equal(body.data.length, 25);
    assert.deepEqual(body.data[0], {
      expirationDateTime: '2025-09-27T08:30:00Z',
      loggedUser: user(),
      requestDateTime: '2025-05-21T08:30:27Z',
      previousExpirationDateTime: '2025-09-26T08:30:00Z',
      xFapiCustomerIpAddress: '172.217.22.14',
      xCustomerUserAgent: 'Mozilla/5.0 (test)',
    });
    assert.equal(body.data[24]?.expirationDateTime, '2025-09-03T08:30:00Z');
    assert.deepEqual(body.meta, { totalRecords: 27, totalPages: 2, requestDateTime: '2025-05-21T08:30:27Z' });
    const base = `https://api.banco-a.test${url}`;
    assert.deepEqual(body.links, {
      self: `${base}?page=1&page-size=25`,
      next: `${base}?page=2&page-size=25`,
      last: `${base}?page=2&page-size=25`,
    });
    const second = await h.app.inject({ method: 'GET', url: `${url}?page=2`, headers: h.receiverHeaders() });
    const page2 = second.json<{ data: Array<Record<string, string>>; links: Record<string, string> }>();
    assert.deepEqual(
      page2.data.map((e) => e.previousExpirationDateTime),
      ['2025-09-01T08:30:00Z', '2025-08-21T08:30:00Z'],
    );
    assert.deepEqual(Object.keys(page2.links), ['self', 'first', 'prev']);
  });

  it('answers 400 for a page-size above 1000 and 403 for another client', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await authorised(h);
    const url = `${CONSENTS_PATH}/${consentId}/extensions`;
    assert.equal(
      (await h.app.inject({ method: 'GET', url: `${url}?page-size=1001`, headers: h.receiverHeaders() }))
        .statusCode,
      400,
    );
    assert.equal(
      (await h.app.inject({ method: 'GET', url, headers: h.receiverHeaders('client-b') })).statusCode,
      403,
    );
    assert.equal(
      (await h.app.inject({ method: 'GET', url, headers: h.receiverHeaders(CLIENT_A) })).statusCode,
      200,
    );
  });
});
