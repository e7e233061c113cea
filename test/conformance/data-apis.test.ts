import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createTestDatabase } from '../../src/platform/db/testing.ts';
import { seedTestBank } from '../../src/holder/testing/bank.ts';
import { startHolderHarness } from '../../src/holder/testing/harness.ts';
import { conformanceValidator } from './specs.ts';

// Conformance (DESIGN §5, issue item 6): every endpoint of the eight Phase-2 APIs, called live
// through the resource guard, validated against the OpenAPI files: status, content type, body
// and headers, on success, on follow-up pages, and on the error answers.

const tdb = await createTestDatabase();
const bank = await seedTestBank(tdb);
const h = await startHolderHarness({ after }, { tdb, bank });

const FILES = {
  resources: 'resources.yaml',
  customers: 'customers.yaml',
  accounts: 'accounts.yaml',
  'credit-cards-accounts': 'credit-cards-accounts.yaml',
  loans: 'loans.yaml',
  financings: 'financings.yaml',
  'unarranged-accounts-overdraft': 'unarranged-accounts-overdraft.yaml',
  'invoice-financings': 'invoice-financings.yaml',
} as const;
type Api = keyof typeof FILES;
const VERSION: Record<Api, string> = {
  resources: 'v3',
  customers: 'v2',
  accounts: 'v2',
  'credit-cards-accounts': 'v2',
  loans: 'v2',
  financings: 'v2',
  'unarranged-accounts-overdraft': 'v2',
  'invoice-financings': 'v2',
};
const fileToApi = new Map<string, Api>(Object.entries(FILES).map(([api, file]) => [file, api as Api]));
const spec = await conformanceValidator(
  (file) =>
    h.app.inject({
      method: 'GET',
      url: `/open-banking/${fileToApi.get(file)!}/${VERSION[fileToApi.get(file)!]}/openapi.json`,
    }),
  Object.values(FILES),
);

const pf = await h.consent({ kind: 'PF' });
const pj = await h.consent({ kind: 'PJ' });
let checked = 0;

/** Calls `api` + `path` (spec path with ids filled in) and checks the answer against the spec. */
async function call(
  api: Api,
  specPath: string,
  url: string,
  headers: Record<string, string>,
  expected = 200,
): Promise<LightMyRequestResponse> {
  const full = url.startsWith('/open-banking') ? url : `/open-banking/${api}/${VERSION[api]}${url}`;
  const response = await h.get(full, headers);
  assert.equal(response.statusCode, expected, `${full}: ${response.body.slice(0, 400)}`);
  spec.assertResponse(FILES[api], 'get', specPath, response);
  if (headers['x-fapi-interaction-id'] !== undefined && expected !== 400) {
    assert.equal(response.headers['x-fapi-interaction-id'], headers['x-fapi-interaction-id'], 'mirrored');
  } else {
    assert.match(String(response.headers['x-fapi-interaction-id']), /^[0-9a-f-]{36}$/);
  }
  checked += 1;
  return response;
}

/** Follows `links.next` (when there is one) and checks that page too. */
async function followNext(api: Api, specPath: string, response: LightMyRequestResponse, consentId: string) {
  const next = response.json<{ links: { next?: string } }>().links.next;
  if (next === undefined) return undefined;
  assert.ok(next.startsWith('https://api.bank-a.test/open-banking/'), next);
  return call(api, specPath, next.replace('https://api.bank-a.test', ''), h.headers(consentId));
}

const ids = (holder: typeof bank.person, type: string) =>
  holder.resources.filter((r) => r.type === type).map((r) => r.resourceId);

describe(`Phase-2 data APIs conform to their OpenAPI files (${spec.source})`, () => {
  it('resources v3: the consent resources, paged', async () => {
    const first = await call('resources', '/resources', '/resources?page-size=1', h.headers(pf));
    assert.ok(first.json<{ data: unknown[] }>().data.length === 1);
    assert.ok(await followNext('resources', '/resources', first, pf));
    await call('resources', '/resources', '/resources', h.headers(pj));
  });

  it('customers v2: personal and business identifications, qualifications, financial relations', async () => {
    for (const [consent, side] of [
      [pf, 'personal'],
      [pj, 'business'],
    ] as const) {
      for (const endpoint of ['identifications', 'qualifications', 'financial-relations']) {
        await call('customers', `/${side}/${endpoint}`, `/${side}/${endpoint}`, h.headers(consent));
      }
    }
  });

  it('accounts v2: list, account, balances, transactions (both), overdraft limits', async () => {
    for (const [consent, holder] of [
      [pf, bank.person],
      [pj, bank.company],
    ] as const) {
      const list = await call('accounts', '/accounts', '/accounts', h.headers(consent));
      assert.equal(list.json<{ data: unknown[] }>().data.length, ids(holder, 'ACCOUNT').length);
      for (const id of ids(holder, 'ACCOUNT')) {
        const base = `/accounts/${id}`;
        await call('accounts', '/accounts/{accountId}', base, h.headers(consent));
        await call('accounts', '/accounts/{accountId}/balances', `${base}/balances`, h.headers(consent));
        await call(
          'accounts',
          '/accounts/{accountId}/overdraft-limits',
          `${base}/overdraft-limits`,
          h.headers(consent),
        );
        const path = '/accounts/{accountId}/transactions';
        const window = 'fromBookingDate=2025-04-01&toBookingDate=2025-06-30&page-size=25';
        const page1 = await call('accounts', path, `${base}/transactions?${window}`, h.headers(consent));
        const page2 = await followNext('accounts', path, page1, consent);
        if (page2) assert.ok(page2.json<{ links: { prev?: string } }>().links.prev, 'page 2 links back');
        await call(
          'accounts',
          `${path}-current`,
          `${base}/transactions-current?fromBookingDate=2025-06-24&toBookingDate=2025-06-30`,
          h.headers(consent),
        );
        await call('accounts', `${path}-current`, `${base}/transactions-current`, h.headers(consent));
      }
    }
  });

  it('credit-cards-accounts v2: accounts, account, limits, bills, bill transactions, transactions (both)', async () => {
    for (const [consent, holder] of [
      [pf, bank.person],
      [pj, bank.company],
    ] as const) {
      await call('credit-cards-accounts', '/accounts', '/accounts', h.headers(consent));
      for (const id of ids(holder, 'CREDIT_CARD_ACCOUNT')) {
        const base = `/accounts/${id}`;
        const p = '/accounts/{creditCardAccountId}';
        await call('credit-cards-accounts', p, base, h.headers(consent));
        await call('credit-cards-accounts', `${p}/limits`, `${base}/limits`, h.headers(consent));
        const bills = await call(
          'credit-cards-accounts',
          `${p}/bills`,
          `${base}/bills?page-size=2`,
          h.headers(consent),
        );
        await followNext('credit-cards-accounts', `${p}/bills`, bills, consent);
        const [bill] = bills.json<{ data: Array<{ billId: string }> }>().data;
        if (bill) {
          const path = `${p}/bills/{billId}/transactions`;
          const txs = await call(
            'credit-cards-accounts',
            path,
            `${base}/bills/${bill.billId}/transactions?page-size=5`,
            h.headers(consent),
          );
          await followNext('credit-cards-accounts', path, txs, consent);
        }
        const window = 'fromTransactionDate=2025-01-01&toTransactionDate=2025-06-30&page-size=10';
        const txs = await call(
          'credit-cards-accounts',
          `${p}/transactions`,
          `${base}/transactions?${window}`,
          h.headers(consent),
        );
        await followNext('credit-cards-accounts', `${p}/transactions`, txs, consent);
        await call(
          'credit-cards-accounts',
          `${p}/transactions-current`,
          `${base}/transactions-current`,
          h.headers(consent),
        );
      }
    }
  });

  for (const [api, type] of [
    ['loans', 'LOAN'],
    ['financings', 'FINANCING'],
    ['unarranged-accounts-overdraft', 'UNARRANGED_ACCOUNT_OVERDRAFT'],
    ['invoice-financings', 'INVOICE_FINANCING'],
  ] as const) {
    it(`${api} v2: contracts, contract, warranties, scheduled instalments, payments`, async () => {
      let contracts = 0;
      for (const [consent, holder] of [
        [pf, bank.person],
        [pj, bank.company],
      ] as const) {
        await call(api, '/contracts', '/contracts', h.headers(consent));
        for (const id of ids(holder, type)) {
          const p = '/contracts/{contractId}';
          await call(api, p, `/contracts/${id}`, h.headers(consent));
          await call(api, `${p}/warranties`, `/contracts/${id}/warranties`, h.headers(consent));
          await call(
            api,
            `${p}/scheduled-instalments`,
            `/contracts/${id}/scheduled-instalments`,
            h.headers(consent),
          );
          await call(api, `${p}/payments`, `/contracts/${id}/payments`, h.headers(consent));
          contracts += 1;
        }
      }
      assert.ok(contracts > 0, `the sample bank has ${type} contracts to check`);
    });
  }

  it('error answers: 400, 401, 403, 404, 422 and their bodies', async () => {
    const [account] = ids(bank.person, 'ACCOUNT');
    const [card] = ids(bank.person, 'CREDIT_CARD_ACCOUNT');
    const noInteraction = { ...h.headers(pf) };
    delete noInteraction['x-fapi-interaction-id'];
    await call('accounts', '/accounts', '/accounts', noInteraction, 400);
    await call('accounts', '/accounts', '/accounts?page=0', h.headers(pf), 400);
    const anonymous = { 'x-fapi-interaction-id': h.headers(pf)['x-fapi-interaction-id']! };
    await call('accounts', '/accounts/{accountId}', `/accounts/${account}`, anonymous, 401);
    await call('resources', '/resources', '/resources', anonymous, 401);
    const [foreign] = ids(bank.otherPerson, 'ACCOUNT');
    await call(
      'accounts',
      '/accounts/{accountId}/balances',
      `/accounts/${foreign}/balances`,
      h.headers(pf),
      403,
    );
    await call('customers', '/business/identifications', '/business/identifications', h.headers(pf), 403);
    await call('accounts', '/accounts', '/accounts?page-size=1001', h.headers(pf), 422);
    await call(
      'accounts',
      '/accounts/{accountId}/transactions',
      `/accounts/${account}/transactions?fromBookingDate=2025-06-30&toBookingDate=2025-06-01`,
      h.headers(pf),
      422,
    );
    await call(
      'credit-cards-accounts',
      '/accounts/{creditCardAccountId}/transactions-current',
      `/accounts/${card}/transactions-current?fromTransactionDate=2025-06-01&toTransactionDate=2025-06-30`,
      h.headers(pf),
      422,
    );
    const [bill] = ['b0000000-0000-4000-8000-000000000000'];
    await call(
      'credit-cards-accounts',
      '/accounts/{creditCardAccountId}/bills/{billId}/transactions',
      `/accounts/${card}/bills/${bill}/transactions`,
      h.headers(pf),
      404,
    );
  });

  it('traffic answers: 423, 429 and 529 bodies', async () => {
    const closers: Array<() => Promise<void>> = [];
    try {
      const limited = await startHolderHarness(
        { after: (fn) => closers.push(fn) },
        {
          tdb,
          bank,
          start: '2025-06-30T16:10:00Z',
          limits: {
            operationalOverrides: { 'accounts.account': 1 },
            tpm: { LOW: 2, MEDIUM: 2, MEDIUM_HIGH: 2 },
            globalTps: 3,
          },
        },
      );
      const consent = await limited.consent();
      const [account] = ids(bank.person, 'ACCOUNT');
      const url = `/open-banking/accounts/v2/accounts/${account}`;
      const check = async (status: number) => {
        const response = await limited.get(url, limited.headers(consent));
        assert.equal(response.statusCode, status, response.body);
        spec.assertResponse(FILES.accounts, 'get', '/accounts/{accountId}', response);
        checked += 1;
      };
      await check(200);
      await check(423);
      await check(429);
      await check(529);
    } finally {
      for (const close of closers) await close();
    }
  });

  it("serves Ponte's own OpenAPI document of every API, with every endpoint, and a docs page", async () => {
    const expected: Record<Api, number> = {
      resources: 1,
      customers: 6,
      accounts: 6,
      'credit-cards-accounts': 7,
      loans: 5,
      financings: 5,
      'unarranged-accounts-overdraft': 5,
      'invoice-financings': 5,
    };
    for (const api of Object.keys(FILES) as Api[]) {
      const response = await h.app.inject(`/open-banking/${api}/${VERSION[api]}/openapi.json`);
      assert.equal(response.statusCode, 200);
      const document = response.json<{
        openapi: string;
        paths: Record<string, { get: { 'x-permission': string } }>;
      }>();
      assert.equal(document.openapi, '3.1.0');
      assert.equal(Object.keys(document.paths).length, expected[api], api);
      for (const operation of Object.values(document.paths))
        assert.match(operation.get['x-permission'], /_READ$/);
    }
    const page = await h.app.inject('/open-banking/docs');
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(page.body, /transactions-current/);
  });

  it('checked every answer above against the spec', () => {
    assert.ok(checked >= 64, `${checked} responses checked`);
  });
});
