import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { AUTHORISATION_TIMEOUT_MS } from '../domain/status-policy.ts';
import { CNPJ, createBody, createTestApp } from '../testing/harness.ts';
import { assertErrorBody, createdConsent, postConsent, type ErrorBody } from '../testing/requests.ts';
import { createConformanceChecker, type SpecSchemaName } from '../testing/spec-conformance.ts';
import { CONSENTS_PATH } from './present.ts';
import { DeleteConsent, GetConsent, PostConsent } from './schemas/consents.ts';

const tdb = await createTestDatabase();
const spec = createConformanceChecker((message) => console.log(`# ${message}`));

const post = postConsent;
const created = createdConsent;
function assertError(
  res: { statusCode: number; json: <T>() => T },
  status: number,
  code: string,
  schema: SpecSchemaName,
) {
  assertErrorBody(spec, res, status, code, schema);
}

describe('POST /consents', () => {
  it('creates an AWAITING_AUTHORISATION consent: 201, spec body, links.self, x-v and the interaction id', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const headers = h.receiverHeaders();
    const res = await post(h, createBody(), headers);
    assert.equal(res.statusCode, 201);
    assert.equal(res.headers['x-v'], '3.3.1');
    assert.equal(res.headers['x-fapi-interaction-id'], headers['x-fapi-interaction-id']);
    const body = res.json<{ data: Record<string, unknown>; links: { self: string }; meta: unknown }>();
    spec.assertValid(body, 'ResponseConsent', PostConsent.response[201]);
    assert.match(String(body.data.consentId), /^urn:bancoa:/);
    assert.deepEqual(body.data, {
      consentId: body.data.consentId,
      creationDateTime: '2025-05-21T08:30:00Z',
      status: 'AWAITING_AUTHORISATION',
      statusUpdateDateTime: '2025-05-21T08:30:00Z',
      permissions: ['ACCOUNTS_READ', 'ACCOUNTS_BALANCES_READ', 'RESOURCES_READ'],
      expirationDateTime: '2025-08-21T08:30:00Z',
    });
    assert.equal(body.links.self, `https://api.banco-a.test${CONSENTS_PATH}/${String(body.data.consentId)}`);
    assert.deepEqual(body.meta, { requestDateTime: '2025-05-21T08:30:00Z' });
  });

  it('creates an indefinite consent when expirationDateTime is omitted', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const res = await post(h, createBody({ expirationDateTime: undefined }));
    assert.equal(res.statusCode, 201);
    assert.equal('expirationDateTime' in res.json<{ data: object }>().data, false);
  });

  const malformed: Array<[string, unknown, string]> = [
    ['malformed JSON', '{"data": {', 'PARAMETRO_INVALIDO'],
    ['an empty body', '', 'PARAMETRO_INVALIDO'],
    ['no data', {}, 'PARAMETRO_NAO_INFORMADO'],
    ['no loggedUser', { data: { permissions: ['RESOURCES_READ'] } }, 'PARAMETRO_NAO_INFORMADO'],
    [
      'a CPF sent as a number',
      createBody({ loggedUser: { document: { identification: 76109277673, rel: 'CPF' } } }),
      'PARAMETRO_INVALIDO',
    ],
    ['permissions as a string', createBody({ permissions: 'ACCOUNTS_READ' }), 'PARAMETRO_INVALIDO'],
    [
      'an unknown permission',
      createBody({ permissions: ['ACCOUNTS_READ', 'PIX_READ', 'RESOURCES_READ'] }),
      'PARAMETRO_INVALIDO',
    ],
    [
      'a repeated permission',
      createBody({
        permissions: ['ACCOUNTS_READ', 'ACCOUNTS_BALANCES_READ', 'RESOURCES_READ', 'RESOURCES_READ'],
      }),
      'PARAMETRO_INVALIDO',
    ],
    ['an empty permission list', createBody({ permissions: [] }), 'PARAMETRO_INVALIDO'],
    [
      'a date with an offset',
      createBody({ expirationDateTime: '2025-08-21T08:30:00-03:00' }),
      'PARAMETRO_INVALIDO',
    ],
    ['isLinked as a string', createBody({ isLinked: 'true' }), 'PARAMETRO_INVALIDO'],
    [
      'a CNPJ of the wrong shape',
      createBody({ businessEntity: { document: { identification: '123', rel: 'CNPJ' } } }),
      'PARAMETRO_INVALIDO',
    ],
  ];
  for (const [name, body, code] of malformed) {
    it(`answers 400 ${code} with the spec error body for ${name}, never 500`, async (t) => {
      const h = await createTestApp(t, tdb.db);
      assertError(await post(h, body), 400, code, 'ResponseError');
    });
  }

  const business = ['CUSTOMERS_BUSINESS_IDENTIFICATIONS_READ', 'RESOURCES_READ'];
  const entity = { document: { identification: CNPJ, rel: 'CNPJ' } };
  const unprocessable: Array<[string, Record<string, unknown>]> = [
    ['COMBINACAO_PERMISSOES_INCORRETA', { permissions: ['ACCOUNTS_READ', 'RESOURCES_READ'] }],
    [
      'PERMISSAO_PF_PJ_EM_CONJUNTO',
      { permissions: [...business, 'CUSTOMERS_PERSONAL_IDENTIFICATIONS_READ'], businessEntity: entity },
    ],
    ['INFORMACOES_PJ_NAO_INFORMADAS', { permissions: business }],
    [
      'PERMISSOES_PJ_INCORRETAS',
      { permissions: ['CUSTOMERS_PERSONAL_IDENTIFICATIONS_READ', 'RESOURCES_READ'], businessEntity: entity },
    ],
    ['DATA_EXPIRACAO_INVALIDA', { expirationDateTime: '2026-05-21T08:30:01Z' }],
  ];
  for (const [code, overrides] of unprocessable) {
    it(`answers 422 ${code}`, async (t) => {
      const h = await createTestApp(t, tdb.db);
      assertError(await post(h, createBody(overrides)), 422, code, 'ResponseErrorUnprocessableEntity');
    });
  }

  it('drops unsupported products, and answers 422 SEM_PERMISSOES_FUNCIONAIS_RESTANTES when nothing is left', async (t) => {
    const { consentBrand } = await import('../domain/brand.ts');
    const limited = consentBrand({
      id: 'banco-a',
      urnNamespace: 'bancoa',
      apiBaseUrl: 'https://a.test',
      supportedProducts: ['accounts'],
    });
    const h = await createTestApp(t, tdb.db, limited);
    const cards = ['CREDIT_CARDS_ACCOUNTS_READ', 'CREDIT_CARDS_ACCOUNTS_LIMITS_READ', 'RESOURCES_READ'];
    const res = await post(
      h,
      createBody({ permissions: ['ACCOUNTS_READ', 'ACCOUNTS_BALANCES_READ', ...cards] }),
    );
    assert.deepEqual(res.json<{ data: { permissions: string[] } }>().data.permissions, [
      'ACCOUNTS_READ',
      'ACCOUNTS_BALANCES_READ',
      'RESOURCES_READ',
    ]);
    assertError(
      await post(h, createBody({ permissions: cards })),
      422,
      'SEM_PERMISSOES_FUNCIONAIS_RESTANTES',
      'ResponseErrorUnprocessableEntity',
    );
  });
});

describe('GET and DELETE /consents/{consentId}', () => {
  it('reads the consent, then REJECTED by CONSENT_EXPIRED once 60 minutes pass (lazily, no sweep)', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await created(h, createBody({ isLinked: true }));
    const get = () =>
      h.app.inject({ method: 'GET', url: `${CONSENTS_PATH}/${consentId}`, headers: h.receiverHeaders() });
    const first = (await get()).json<{ data: Record<string, unknown> }>();
    spec.assertValid(first, 'ResponseConsentRead', GetConsent.response[200]);
    assert.equal(first.data.status, 'AWAITING_AUTHORISATION');
    assert.deepEqual(first.data.journey, { isLinked: true });
    h.clock.advance(AUTHORISATION_TIMEOUT_MS);
    const res = await get();
    const body = res.json<{ data: Record<string, unknown> }>();
    spec.assertValid(body, 'ResponseConsentRead', GetConsent.response[200]);
    assert.equal(body.data.status, 'REJECTED');
    assert.equal(body.data.statusUpdateDateTime, '2025-05-21T09:30:00Z');
    assert.deepEqual(body.data.rejection, { rejectedBy: 'ASPSP', reason: { code: 'CONSENT_EXPIRED' } });
  });

  it('DELETE rejects an awaiting consent (USER, CUSTOMER_MANUALLY_REJECTED) with 204, then 422 on a second DELETE', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await created(h);
    const del = () =>
      h.app.inject({ method: 'DELETE', url: `${CONSENTS_PATH}/${consentId}`, headers: h.receiverHeaders() });
    const res = await del();
    assert.equal(res.statusCode, 204);
    assert.equal(res.body, '');
    const read = await h.app.inject({
      method: 'GET',
      url: `${CONSENTS_PATH}/${consentId}`,
      headers: h.receiverHeaders(),
    });
    assert.deepEqual(read.json<{ data: { rejection: unknown } }>().data.rejection, {
      rejectedBy: 'USER',
      reason: { code: 'CUSTOMER_MANUALLY_REJECTED' },
    });
    const again = await del();
    assert.equal(again.statusCode, 422);
    const body = again.json<ErrorBody>();
    spec.assertValid(body, 'ResponseErrorUnprocessableEntityDelete', DeleteConsent.response[422]);
    assert.deepEqual(body, {
      errors: [
        {
          code: 'CONSENTIMENTO_EM_STATUS_REJEITADO',
          title: 'Consentimento em status rejeitado',
          detail: 'O consentimento já se encontra no status REJECTED.',
        },
      ],
      meta: { requestDateTime: '2025-05-21T08:30:00Z' },
    });
  });

  it('DELETE revokes an authorised consent (USER, CUSTOMER_MANUALLY_REVOKED)', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await created(h);
    await tdb.db.transaction((tx) =>
      h.module.authorization.authorise(tx, 'banco-a', consentId, {
        customer: { customerId: 'c-1', personType: 'PESSOA_NATURAL' },
        resources: [],
      }),
    );
    const res = await h.app.inject({
      method: 'DELETE',
      url: `${CONSENTS_PATH}/${consentId}`,
      headers: h.receiverHeaders(),
    });
    assert.equal(res.statusCode, 204);
    const read = await h.app.inject({
      method: 'GET',
      url: `${CONSENTS_PATH}/${consentId}`,
      headers: h.receiverHeaders(),
    });
    assert.deepEqual(read.json<{ data: { rejection: unknown } }>().data.rejection, {
      rejectedBy: 'USER',
      reason: { code: 'CUSTOMER_MANUALLY_REVOKED' },
    });
  });
});
