import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { fixedClock } from '../../platform/clock/index.ts';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { ENDPOINTS } from '../policy/endpoints.ts';
import { seedTestBank } from '../testing/bank.ts';
import { NOW, startHolderHarness } from '../testing/harness.ts';
import { highFrequencyTpm, REGULATORY_LIMITS } from './policy.ts';
import { createTrafficLimits } from './traffic-limits.ts';

const tdb = await createTestDatabase();
const bank = await seedTestBank(tdb);
const ACCOUNT = bank.person.resources.find((r) => r.type === 'ACCOUNT')!.resourceId;
const ACCOUNT_URL = `/open-banking/accounts/v2/accounts/${ACCOUNT}`;
const TRANSACTIONS = `${ACCOUNT_URL}/transactions?fromBookingDate=2025-04-01&toBookingDate=2025-06-30&page-size=5`;

function codeOf(response: LightMyRequestResponse): string | undefined {
  return response.json<{ errors?: Array<{ code: string }> }>().errors?.[0]?.code;
}

describe('traffic limits (DIGEST §8.4–8.5)', () => {
  it('answers 423 once an endpoint × consent × resource had its monthly successful calls', async (t) => {
    const h = await startHolderHarness(t, { tdb, bank, start: '2025-06-30T15:01:00Z' });
    const consent = await h.consent();
    for (let i = 0; i < 8; i++) assert.equal((await h.get(ACCOUNT_URL, h.headers(consent))).statusCode, 200);
    const locked = await h.get(ACCOUNT_URL, h.headers(consent));
    assert.equal(locked.statusCode, 423);
    assert.equal(codeOf(locked), 'OPERATIONAL_LIMIT_EXCEEDED');
    // Another endpoint, and the same endpoint for another consent, count apart.
    assert.equal((await h.get(`${ACCOUNT_URL}/balances`, h.headers(consent))).statusCode, 200);
    assert.equal((await h.get(ACCOUNT_URL, h.headers(await h.consent()))).statusCode, 200);
    // A new (Brasília) month starts a new count.
    h.clock.set(new Date('2025-07-01T03:00:00Z'));
    assert.equal((await h.get(ACCOUNT_URL, h.headers(consent))).statusCode, 200);
  });

  it('neither counts nor refuses follow-up pages with a valid pagination-key; an expired key counts', async (t) => {
    const h = await startHolderHarness(t, { tdb, bank, start: '2025-06-30T15:03:00Z' });
    const consent = await h.consent();
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < 8; i++) last = await h.get(TRANSACTIONS, h.headers(consent));
    assert.equal((await h.get(TRANSACTIONS, h.headers(consent))).statusCode, 423);
    const next = last!.json<{ links: { next?: string } }>().links.next;
    assert.ok(next, 'the window has more than one page');
    const path = next.replace('https://api.bank-a.test', '');
    const page2 = await h.get(path, h.headers(consent));
    assert.equal(page2.statusCode, 200, page2.body);
    assert.equal((await h.get(path, h.headers(consent))).statusCode, 200, 'follow-ups stay free');
    // 60 minutes later the key is no longer valid: the call is an ordinary, counted one.
    h.clock.advance(60 * 60_000);
    assert.equal((await h.get(path, h.headers(consent))).statusCode, 423);
  });

  it('a key is bound to its filters: the same key with another window is not a follow-up', async (t) => {
    const h = await startHolderHarness(t, {
      tdb,
      bank,
      limits: { operationalOverrides: { 'accounts.transactions': 1 } },
      start: '2025-06-30T15:11:00Z',
    });
    const consent = await h.consent();
    const first = await h.get(TRANSACTIONS, h.headers(consent));
    const next = first.json<{ links: { next: string } }>().links.next;
    const tampered = next
      .replace('fromBookingDate=2025-04-01', 'fromBookingDate=2025-03-01')
      .replace('https://api.bank-a.test', '');
    assert.equal((await h.get(tampered, h.headers(consent))).statusCode, 423);
  });

  it('answers 429 past the per-client TPM of the endpoint class, until the next minute', async (t) => {
    const h = await startHolderHarness(t, {
      tdb,
      bank,
      limits: { tpm: { LOW: 3, MEDIUM: 5, MEDIUM_HIGH: 5 } },
      start: '2025-06-30T15:13:00Z',
    });
    const consent = await h.consent();
    for (let i = 0; i < 3; i++) assert.equal((await h.get(ACCOUNT_URL, h.headers(consent))).statusCode, 200);
    const throttled = await h.get(ACCOUNT_URL, h.headers(consent));
    assert.equal(throttled.statusCode, 429);
    assert.equal(codeOf(throttled), 'TOO_MANY_REQUESTS');
    // Resources is not subject to TPM (DIGEST §8.4).
    for (let i = 0; i < 5; i++) {
      assert.equal((await h.get('/open-banking/resources/v3/resources', h.headers(consent))).statusCode, 200);
    }
    h.clock.advance(60_000);
    assert.equal((await h.get(ACCOUNT_URL, h.headers(consent))).statusCode, 200);
  });

  it('answers 529 past the global requests per second of the brand', async (t) => {
    const h = await startHolderHarness(t, {
      tdb,
      bank,
      limits: { globalTps: 3 },
      start: '2025-06-30T15:05:00Z',
    });
    const consent = await h.consent();
    for (let i = 0; i < 3; i++) {
      assert.equal((await h.get('/open-banking/resources/v3/resources', h.headers(consent))).statusCode, 200);
    }
    const overloaded = await h.get('/open-banking/resources/v3/resources', h.headers(consent));
    assert.equal(overloaded.statusCode, 529);
    assert.equal(codeOf(overloaded), 'SITE_IS_OVERLOADED');
    h.clock.advance(1000);
    assert.equal((await h.get('/open-banking/resources/v3/resources', h.headers(consent))).statusCode, 200);
  });

  it('shares counts between processes through PostgreSQL', async () => {
    const clock = fixedClock(NOW);
    const deps = {
      pool: tdb.pool,
      clock,
      activeConsents: () => Promise.resolve(10),
      flushIntervalMs: 60_000,
    };
    const a = createTrafficLimits(deps);
    const b = createTrafficLimits(deps);
    try {
      const subject = {
        endpoint: ENDPOINTS['accounts.account'],
        consentId: 'urn:x:shared',
        resourceId: 'r1',
      };
      for (let i = 0; i < 5; i++) a.recordOperational('bank-a', subject);
      await a.flush();
      await b.checkOperational('bank-a', subject); // loads 5 from the shared row
      for (let i = 0; i < 3; i++) b.recordOperational('bank-a', subject);
      await assert.rejects(async () => b.checkOperational('bank-a', subject), {
        code: 'OPERATIONAL_LIMIT_EXCEEDED',
      });
      await b.flush();
      await a.flush(); // a re-reads the shared total
      await assert.rejects(async () => a.checkOperational('bank-a', subject), {
        code: 'OPERATIONAL_LIMIT_EXCEEDED',
      });
      // TPM: what one process admitted, the other learns at its next flush.
      for (let i = 0; i < 1000; i++)
        await a.admitClient('bank-a', 'client-x', ENDPOINTS['accounts.transactions']);
      await a.flush();
      await b.admitClient('bank-a', 'client-x', ENDPOINTS['accounts.transactions']);
      await b.flush();
      await assert.rejects(
        async () => b.admitClient('bank-a', 'client-x', ENDPOINTS['accounts.transactions']),
        {
          code: 'TOO_MANY_REQUESTS',
        },
      );
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('sets high-frequency TPM by the client’s active consents', () => {
    assert.equal(highFrequencyTpm(REGULATORY_LIMITS, 10), 2500);
    assert.equal(highFrequencyTpm(REGULATORY_LIMITS, 1_500_000), 5000);
    assert.equal(highFrequencyTpm(REGULATORY_LIMITS, 6_000_000), 10_000);
    assert.equal(highFrequencyTpm(REGULATORY_LIMITS, 7_000_000), 12_000);
    assert.equal(highFrequencyTpm(REGULATORY_LIMITS, 10_000_001), 16_000);
  });
});
