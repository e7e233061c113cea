/**
 * The pattern a module follows to mount routes, written out as a test. In a real module the
 * three parts live in `errors.ts`, `schemas.ts` and `routes.ts`, and `src/app/` registers the
 * plugin with the module's dependencies.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from 'typebox';
import type { Clock } from '../clock/index.ts';
import { fixedClock } from '../clock/index.ts';
import { AppError } from '../errors/index.ts';
import {
  FapiRequestHeaders,
  MetaRequestDateTime,
  ResponseError,
  defineErrors,
  defineRoutes,
  requestDateTime,
} from './index.ts';
import { createTestHttpApp } from './testing.ts';

// errors.ts: the module's codes, declared once.
const AccountErrors = defineErrors({
  EXAMPLE_ACCOUNT_NOT_FOUND: { status: 404, title: 'Recurso não encontrado' },
});

// schemas.ts: one schema per endpoint, request and response (accounts.yaml GET /accounts/{accountId}).
const GetAccount = {
  params: Type.Object({
    accountId: Type.String({ pattern: '^[a-zA-Z0-9][a-zA-Z0-9\\-]{0,99}$', maxLength: 100 }),
  }),
  headers: FapiRequestHeaders,
  response: {
    200: Type.Object({
      data: Type.Object({ accountId: Type.String(), currency: Type.String({ pattern: '^[A-Z]{3}$' }) }),
      links: Type.Object({ self: Type.String() }),
      meta: MetaRequestDateTime,
    }),
    404: ResponseError,
  },
};

// routes.ts: thin handlers; dependencies come in as plugin options.
interface AccountRecord {
  accountId: string;
  currency: string;
  coreBankingKey: string;
}
interface AccountRoutesDeps {
  findAccount: (accountId: string) => Promise<AccountRecord | undefined>;
  clock: Clock;
}

const accountRoutes = defineRoutes<AccountRoutesDeps>((app, { findAccount, clock }) => {
  app.get(
    '/open-banking/accounts/v2/accounts/:accountId',
    { schema: GetAccount, config: { fapi: true } },
    async (request) => {
      const account = await findAccount(request.params.accountId); // typed from the schema
      if (account === undefined) {
        throw new AppError(AccountErrors.EXAMPLE_ACCOUNT_NOT_FOUND, 'Conta não encontrada.');
      }
      return {
        data: account,
        links: { self: `https://api.banco.com.br${request.url}` },
        meta: { requestDateTime: requestDateTime(clock) },
      };
    },
  );
});

const ID = 'd78fc4e5-37ca-4da3-adf2-9b082bf92280';

async function mounted(t: Parameters<typeof createTestHttpApp>[0]) {
  const { app } = createTestHttpApp(t);
  const accounts = new Map([['acc-1', { accountId: 'acc-1', currency: 'BRL', coreBankingKey: 'CB-0001' }]]);
  await app.register(accountRoutes, {
    findAccount: (accountId) => Promise.resolve(accounts.get(accountId)),
    clock: fixedClock('2025-05-21T08:30:00Z'),
  });
  return app;
}

describe('a module mounting routes', () => {
  it('answers through its response schema, which drops fields the schema does not declare', async (t) => {
    const app = await mounted(t);
    const res = await app.inject({
      method: 'GET',
      url: '/open-banking/accounts/v2/accounts/acc-1',
      headers: { 'x-fapi-interaction-id': ID },
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      data: { accountId: 'acc-1', currency: 'BRL' },
      links: { self: 'https://api.banco.com.br/open-banking/accounts/v2/accounts/acc-1' },
      meta: { requestDateTime: '2025-05-21T08:30:00Z' },
    });
  });

  it('turns its AppError into a 404 spec body', async (t) => {
    const app = await mounted(t);
    const res = await app.inject({
      method: 'GET',
      url: '/open-banking/accounts/v2/accounts/acc-9',
      headers: { 'x-fapi-interaction-id': ID },
    });
    assert.equal(res.statusCode, 404);
    assert.equal(
      res.json<{ errors: Array<{ code: string }> }>().errors[0]?.code,
      'EXAMPLE_ACCOUNT_NOT_FOUND',
    );
  });

  it('rejects a path parameter outside the spec pattern with 400', async (t) => {
    const app = await mounted(t);
    const res = await app.inject({
      method: 'GET',
      url: '/open-banking/accounts/v2/accounts/-bad',
      headers: { 'x-fapi-interaction-id': ID },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'PARAMETRO_INVALIDO');
  });
});
