import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../platform/db/testing.ts';
import {
  API_KEY,
  BRAND,
  CLIENT_A,
  CLIENT_B,
  CNPJ,
  CPF,
  OTHER_CPF,
  createBody,
  createTestApp,
} from '../testing/harness.ts';
import { CONSENTS_PATH } from '../http/present.ts';
import { INTERNAL_CONSENTS_PATH } from './routes.ts';

const tdb = await createTestDatabase();
type Harness = Awaited<ReturnType<typeof createTestApp>>;

async function create(
  h: Harness,
  clientId = CLIENT_A,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await h.app.inject({
    method: 'POST',
    url: CONSENTS_PATH,
    headers: h.receiverHeaders(clientId),
    payload: createBody(overrides),
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ data: { consentId: string } }>().data.consentId;
}

function internal(h: Harness, method: 'GET' | 'POST', path: string, payload?: object, key = API_KEY) {
  return h.app.inject({
    method,
    url: `${INTERNAL_CONSENTS_PATH}${path}`,
    headers: { 'x-api-key': key },
    ...(payload === undefined ? {} : { payload }),
  });
}

interface Listed {
  data: Array<{
    consentId: string;
    status: string;
    active: boolean;
    clientName?: string;
    personType: string;
    resources: unknown[];
  }>;
  meta: { totalRecords: number; totalPages: number };
}

describe('internal consent management API', () => {
  it('refuses calls without the API key, or with a wrong one, with 401', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const search = { customer: { type: 'CPF', identification: CPF } };
    assert.equal((await internal(h, 'POST', '/search', search, '')).statusCode, 401);
    assert.equal((await internal(h, 'POST', '/search', search, 'x'.repeat(40))).statusCode, 401);
  });

  it("lists a customer's consents by CPF, newest first, with the receiver's name and active flag", async (t) => {
    const h = await createTestApp(t, tdb.db);
    const older = await create(h, CLIENT_A, {
      loggedUser: { document: { identification: OTHER_CPF, rel: 'CPF' } },
    });
    h.clock.advance(1000);
    const newer = await create(h, CLIENT_B, {
      loggedUser: { document: { identification: OTHER_CPF, rel: 'CPF' } },
    });
    await create(h, CLIENT_A, {
      loggedUser: { document: { identification: OTHER_CPF, rel: 'CPF' } },
      businessEntity: { document: { identification: CNPJ, rel: 'CNPJ' } },
    });
    await tdb.db.transaction((tx) =>
      h.module.authorization.authorise(tx, BRAND.id, older, {
        customer: { customerId: 'c-9', personType: 'PESSOA_NATURAL' },
        resources: [{ type: 'ACCOUNT', id: 'acc-9' }],
      }),
    );
    const res = await internal(h, 'POST', '/search', {
      customer: { type: 'CPF', identification: OTHER_CPF },
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<Listed>();
    assert.deepEqual(
      body.data.map((c) => [c.consentId, c.status, c.active, c.clientName]),
      [
        [newer, 'AWAITING_AUTHORISATION', false, undefined],
        [older, 'AUTHORISED', true, 'Receptora A'],
      ],
    );
    assert.deepEqual(body.data[1]?.resources, [
      { type: 'ACCOUNT', resourceId: 'acc-9', status: 'AVAILABLE' },
    ]);
    assert.deepEqual(body.meta, { totalRecords: 2, totalPages: 1 });
    const company = await internal(h, 'POST', '/search', {
      customer: { type: 'CNPJ', identification: CNPJ },
    });
    assert.deepEqual(
      company.json<Listed>().data.map((c) => c.personType),
      ['PESSOA_JURIDICA'],
    );
  });

  it('shows past consents too, expired lazily', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await create(h);
    h.clock.advance(60 * 60 * 1000);
    const res = await internal(h, 'POST', '/search', { customer: { type: 'CPF', identification: CPF } });
    const mine = res.json<Listed>().data.find((c) => c.consentId === consentId);
    assert.equal(mine?.status, 'REJECTED');
    assert.equal(mine?.active, false);
  });

  it('revokes for the customer (USER, CUSTOMER_MANUALLY_REVOKED), and only their own consent', async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await create(h);
    await tdb.db.transaction((tx) =>
      h.module.authorization.authorise(tx, BRAND.id, consentId, {
        customer: { customerId: 'c-1', personType: 'PESSOA_NATURAL' },
        resources: [],
      }),
    );
    const stranger = await internal(h, 'POST', `/${consentId}/revoke`, {
      customer: { type: 'CPF', identification: OTHER_CPF },
    });
    assert.equal(stranger.statusCode, 404);
    const res = await internal(h, 'POST', `/${consentId}/revoke`, {
      customer: { type: 'CPF', identification: CPF },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json<{ data: { rejection: unknown } }>().data.rejection, {
      rejectedBy: 'USER',
      reason: { code: 'CUSTOMER_MANUALLY_REVOKED' },
    });
    const again = await internal(h, 'POST', `/${consentId}/revoke`, {
      customer: { type: 'CPF', identification: CPF },
    });
    assert.equal(again.statusCode, 422);
    const read = await internal(h, 'GET', `/${consentId}`);
    assert.equal(read.json<{ data: { status: string } }>().data.status, 'REJECTED');
  });

  it("does not show another brand's consents", async (t) => {
    const h = await createTestApp(t, tdb.db);
    const consentId = await create(h);
    const { consentBrand } = await import('../domain/brand.ts');
    const other = await createTestApp(
      t,
      tdb.db,
      consentBrand({
        id: 'banco-b',
        urnNamespace: 'bancob',
        apiBaseUrl: 'https://b.test',
        supportedProducts: ['accounts'],
      }),
    );
    assert.equal((await internal(other, 'GET', `/${consentId}`)).statusCode, 404);
    const listed = await internal(other, 'POST', '/search', {
      customer: { type: 'CPF', identification: CPF },
    });
    assert.deepEqual(listed.json<Listed>().data, []);
  });

  it('answers 400 for a malformed document rather than searching', async (t) => {
    const h = await createTestApp(t, tdb.db);
    assert.equal(
      (await internal(h, 'POST', '/search', { customer: { type: 'CPF', identification: 761 } })).statusCode,
      400,
    );
    assert.equal(
      (await internal(h, 'POST', '/search', { customer: { type: 'RG', identification: CPF } })).statusCode,
      400,
    );
  });
});
