import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { opened, payerOf, paymentsUrl, startPaymentsHarness } from '../testing/harness.ts';
import {
  authorise,
  consentData,
  consentHeaders,
  createdConsent,
  paymentItem,
  postConsent,
  postPayments,
  waitForStatus,
} from '../testing/flows.ts';
import { canonicalJson } from './idempotent.ts';

const tdb = await createTestDatabase();
const h = await startPaymentsHarness(tdb);
const second = await h.startProcess();
const payer = await payerOf(tdb, 'bank-a');
// The balance assertion needs an account no other test in this file debits: earlier tests
// leave payments settling in the background, and their debits would land mid-measurement.
const soloPayer = await payerOf(tdb, 'bank-a', 1);

async function authorisedConsent(amount = '10.00', by = payer) {
  const consentId = await createdConsent(h, consentData(h, { amount }));
  await authorise(h, consentId, by);
  return consentId;
}
async function paymentRows(consentId: string): Promise<number> {
  const { rows } = await tdb.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM pix_payments WHERE consent_id = $1',
    [consentId],
  );
  return rows[0]!.n;
}
async function available(accountId: string): Promise<number> {
  const { rows } = await tdb.pool.query<{ v: string }>(
    'SELECT available_amount AS v FROM sample_bank.accounts WHERE id = $1',
    [accountId],
  );
  return Math.round(Number(rows[0]!.v) * 100);
}

describe('x-idempotency-key (payments 4.0.0; DIGEST §4.3)', () => {
  it('answers a repeated request (re-signed, new jti) with the original response, creating nothing new', async () => {
    const consentId = await authorisedConsent();
    const key = randomUUID();
    const items = [paymentItem(h)];
    const first = await opened(h, await postPayments(h, consentId, items, key));
    const again = await postPayments(h, consentId, items, key);
    assert.equal(again.statusCode, 201);
    const replayed = await opened(h, again);
    assert.deepEqual(replayed.data, first.data);
    assert.notEqual(replayed.jti, first.jti, 'each answer is signed afresh');
    assert.equal(await paymentRows(consentId), 1);
  });

  it('answers 422 ERRO_IDEMPOTENCIA when the same key comes with a different data claim', async () => {
    const consentId = await authorisedConsent();
    const key = randomUUID();
    const item = paymentItem(h);
    assert.equal((await postPayments(h, consentId, [item], key)).statusCode, 201);
    const changed = await postPayments(
      h,
      consentId,
      [{ ...item, remittanceInformation: 'outra coisa' }],
      key,
    );
    assert.equal(changed.statusCode, 422);
    const body = await opened(h, changed);
    assert.equal(body.errors?.[0]?.code, 'ERRO_IDEMPOTENCIA');
    assert.match(body.errors[0].detail, /claim data/);
  });

  it('compares data claims whatever the order of their keys', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'z' } }),
      '{"a":{"c":"z","d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });

  it('turns 20 concurrent duplicates, across two processes, into one payment and one debit', async () => {
    const consentId = await authorisedConsent('3.33', soloPayer);
    const before = await available(soloPayer.accountId);
    const key = randomUUID();
    const items = [paymentItem(h, { payment: { amount: '3.33', currency: 'BRL' } })];
    const answers = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const app = i % 2 === 0 ? h.app : second.app;
        return app.inject({
          method: 'POST',
          url: paymentsUrl(),
          headers: {
            ...consentHeaders(h, consentId),
            'content-type': 'application/jwt',
            'x-idempotency-key': key,
          },
          payload: await h.initiators.A.sign(items),
        });
      }),
    );
    assert.deepEqual(new Set(answers.map((a) => a.statusCode)), new Set([201]));
    const ids = new Set(
      await Promise.all(answers.map(async (a) => String((await opened(h, a)).data[0]!.paymentId))),
    );
    assert.equal(ids.size, 1);
    assert.equal(await paymentRows(consentId), 1);
    await waitForStatus(h, [...ids][0]!, ['ACSC']);
    assert.equal(await available(soloPayer.accountId), before - 333);
  });

  it('stores a 422 business refusal under its key: the same request gets it again', async () => {
    const consentId = await createdConsent(h);
    const key = randomUUID();
    const items = [paymentItem(h)];
    const refused = await postPayments(h, consentId, items, key);
    assert.equal((await opened(h, refused)).errors?.[0]?.code, 'CONSENTIMENTO_INVALIDO');
    await authorise(h, consentId, payer);
    const replayed = await postPayments(h, consentId, items, key);
    assert.equal(replayed.statusCode, 422);
    assert.equal((await opened(h, replayed)).errors?.[0]?.code, 'CONSENTIMENTO_INVALIDO');
    assert.equal(
      (await postPayments(h, consentId, items, randomUUID())).statusCode,
      201,
      'a new key is a new request',
    );
  });

  it('keys consents too, per endpoint, for 24 hours', async () => {
    const key = randomUUID();
    const data = consentData(h);
    const first = await opened(h, await postConsent(h, data, 'A', key));
    const again = await opened(h, await postConsent(h, data, 'A', key));
    assert.equal(again.data.consentId, first.data.consentId);
    // The same key on another endpoint is another key.
    const consentId = await authorisedConsent();
    assert.equal((await postPayments(h, consentId, [paymentItem(h)], key)).statusCode, 201);
    // Another initiator's key space is its own.
    assert.equal((await postConsent(h, consentData(h, { amount: '11.00' }), 'B', key)).statusCode, 201);
    h.clock.advance(24 * 3_600_000 + 1_000);
    const later = await postConsent(h, consentData(h, { amount: '12.00' }), 'A', key);
    assert.equal(later.statusCode, 201, 'after 24 h the key is free again');
    assert.notEqual((await opened(h, later)).data.consentId, first.data.consentId);
  });
});
