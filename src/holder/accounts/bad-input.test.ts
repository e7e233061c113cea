import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { seedTestBank } from '../testing/bank.ts';
import { startHolderHarness, type HolderHarness } from '../testing/harness.ts';

// Bad input never ends in a 500: malformed values are 400, well-formed values that break a rule
// 422, unknown things 404 (or 403 for resources outside the consent), each with the spec body.

const tdb = await createTestDatabase();
const bank = await seedTestBank(tdb);
const ACCOUNT = bank.person.resources.find((r) => r.type === 'ACCOUNT')!.resourceId;
const CARD = bank.person.resources.find((r) => r.type === 'CREDIT_CARD_ACCOUNT')!.resourceId;
const ACCOUNTS = '/open-banking/accounts/v2/accounts';
const TRANSACTIONS = `${ACCOUNTS}/${ACCOUNT}/transactions`;

function answered(response: LightMyRequestResponse, status: number, code: string): void {
  assert.equal(response.statusCode, status, response.body);
  const body = response.json<{ errors: Array<{ code: string; detail: string }>; meta: object }>();
  assert.equal(body.errors[0]?.code, code, response.body);
  assert.ok(body.errors[0]?.detail, 'a detail for the receiver');
}

describe('bad input gets the spec status and body', () => {
  let h: HolderHarness;
  let consent: string;
  const closers: Array<() => Promise<void>> = [];
  before(async () => {
    h = await startHolderHarness({ after: (fn) => closers.push(fn) }, { tdb, bank });
    consent = await h.consent();
  });
  after(async () => {
    for (const close of closers) await close();
  });
  const get = (url: string) => h.get(url, h.headers(consent));

  it('malformed query values are 400 PARAMETRO_INVALIDO', async () => {
    answered(await get(`${ACCOUNTS}?page=abc`), 400, 'PARAMETRO_INVALIDO');
    answered(await get(`${ACCOUNTS}?page=0`), 400, 'PARAMETRO_INVALIDO');
    answered(await get(`${ACCOUNTS}?page-size=0`), 400, 'PARAMETRO_INVALIDO');
    answered(await get(`${ACCOUNTS}?page-size=2.5`), 400, 'PARAMETRO_INVALIDO');
    answered(await get(`${ACCOUNTS}?accountType=CONTA_CORRENTE`), 400, 'PARAMETRO_INVALIDO');
    answered(
      await get(`${TRANSACTIONS}?fromBookingDate=2025-02-30&toBookingDate=2025-03-01`),
      400,
      'PARAMETRO_INVALIDO',
    );
    answered(await get(`${TRANSACTIONS}?creditDebitIndicator=AMBOS`), 400, 'PARAMETRO_INVALIDO');
    answered(await get(`${ACCOUNTS}/-bad-id`), 400, 'PARAMETRO_INVALIDO');
    answered(await get(`${ACCOUNTS}?pagination-key=${'k'.repeat(2049)}`), 400, 'PARAMETRO_INVALIDO');
  });

  it('well-formed values that break a rule are 422', async () => {
    answered(await get(`${ACCOUNTS}?page-size=1001`), 422, 'PAGE_SIZE_EXCEEDED');
    answered(await get(`${TRANSACTIONS}?fromBookingDate=2025-06-01`), 422, 'INVALID_DATE_RANGE');
    answered(
      await get(`${TRANSACTIONS}?fromBookingDate=2023-01-01&toBookingDate=2023-02-01`),
      422,
      'INVALID_DATE_RANGE',
    );
    answered(
      await get(
        `${ACCOUNTS}/${ACCOUNT}/transactions-current?fromBookingDate=2025-06-01&toBookingDate=2025-06-30`,
      ),
      422,
      'INVALID_DATE_RANGE',
    );
    const bills = `/open-banking/credit-cards-accounts/v2/accounts/${CARD}/bills`;
    answered(await get(`${bills}?fromDueDate=2025-06-01&toDueDate=2025-01-01`), 422, 'INVALID_DATE_RANGE');
  });

  it('unknown things are 404 (an unknown bill, an unknown route), foreign ids 403', async () => {
    const bill = `/open-banking/credit-cards-accounts/v2/accounts/${CARD}/bills/b0000000-0000-4000-8000-000000000000/transactions`;
    answered(await get(bill), 404, 'NOT_FOUND');
    answered(await get('/open-banking/accounts/v2/nothing-here'), 404, 'NOT_FOUND');
    answered(await get(`${ACCOUNTS}/0e4a5141-0000-4000-8000-000000000000`), 403, 'RESOURCE_FORBIDDEN');
  });

  it('an expired or foreign pagination-key is answered, with a fresh key, and counted', async () => {
    const first = await get(
      `${TRANSACTIONS}?fromBookingDate=2025-04-01&toBookingDate=2025-06-30&page-size=5`,
    );
    const next = first.json<{ links: { next: string } }>().links.next;
    h.clock.advance(61 * 60_000);
    const late = await get(next.replace('https://api.bank-a.test', ''));
    assert.equal(late.statusCode, 200, late.body);
    const key = (url: string) => new URL(url).searchParams.get('pagination-key');
    const fresh = late.json<{ links: { self: string } }>().links.self;
    assert.notEqual(key(fresh), key(next), 'a new key replaces the expired one');
    const garbage = await get(
      `${TRANSACTIONS}?pagination-key=not-ours&page=2&page-size=5&fromBookingDate=2025-04-01&toBookingDate=2025-06-30`,
    );
    assert.equal(garbage.statusCode, 200);
  });

  it('a malformed Authorization or x-fapi header is refused, never a 500', async () => {
    const headers = h.headers(consent);
    answered(await h.get(ACCOUNTS, { ...headers, authorization: 'Bearer' }), 401, 'ACCESS_TOKEN_MISSING');
    answered(
      await h.get(ACCOUNTS, { ...headers, 'x-customer-user-agent': 'x'.repeat(101) }),
      400,
      'PARAMETRO_INVALIDO',
    );
    answered(
      await h.get(ACCOUNTS, { ...headers, 'x-fapi-customer-ip-address': 'x'.repeat(101) }),
      400,
      'PARAMETRO_INVALIDO',
    );
  });
});
