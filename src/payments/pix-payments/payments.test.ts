import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { opened, payerOf, startPaymentsHarness } from '../testing/harness.ts';
import {
  authorise,
  CREDITOR_ACCOUNT,
  clientHeaders,
  consentData,
  createdConsent,
  getPayment,
  paidOnce,
  paymentItem,
  postPayments,
  waitForStatus,
} from '../testing/flows.ts';
import { consentsUrl } from '../testing/harness.ts';

const tdb = await createTestDatabase();
const h = await startPaymentsHarness(tdb);
const payer = await payerOf(tdb, 'bank-a');

async function balance(accountId: string): Promise<{ available: number; blocked: number }> {
  const { rows } = await tdb.pool.query<{ available: string; blocked: string }>(
    'SELECT available_amount AS available, blocked_amount AS blocked FROM sample_bank.accounts WHERE id = $1',
    [accountId],
  );
  return {
    available: Math.round(Number(rows[0]!.available) * 100),
    blocked: Math.round(Number(rows[0]!.blocked) * 100),
  };
}

async function consentStatus(consentId: string) {
  const res = await h.app.inject({
    method: 'GET',
    url: consentsUrl(`/${consentId}`),
    headers: clientHeaders(h),
  });
  return (await opened(h, res)).data;
}

const errorCode = async (res: Parameters<typeof opened>[1]) => (await opened(h, res)).errors?.[0]?.code;

describe('Pix payments (POST /pix/payments, GET, settlement through the sample bank)', () => {
  it('creates a signed RCVD payment, consumes the consent, and settles it to ACSC debiting once', async () => {
    const before = await balance(payer.accountId);
    const { consentId, paymentId, claims } = await paidOnce(h, payer, '25.50');
    const [created] = claims.data;
    assert.equal(created?.status, 'RCVD');
    assert.equal(created?.consentId, consentId);
    assert.deepEqual(created?.creditorAccount, CREDITOR_ACCOUNT);
    assert.equal((created?.debtorAccount as { ispb: string }).ispb.length, 8);
    assert.equal(claims.aud, h.initiators.A.orgId);
    assert.equal((await consentStatus(consentId)).status, 'CONSUMED');

    const settled = await waitForStatus(h, paymentId, ['ACSC', 'RJCT']);
    assert.equal(settled.status, 'ACSC', JSON.stringify(settled));
    const after = await balance(payer.accountId);
    assert.equal(after.available, before.available - 2550);
    assert.equal(after.blocked, before.blocked);
    const { rows } = await tdb.pool.query(
      "SELECT payload->>'status' AS status FROM outbox_events WHERE aggregate_id = $1 ORDER BY seq",
      [paymentId],
    );
    assert.deepEqual(
      rows.map((r: { status: string }) => r.status),
      ['RCVD', 'ACCP', 'ACPD', 'ACSC'],
    );
  });

  it('refuses to use a consent past its limit: a second payment is 422 CONSENTIMENTO_INVALIDO', async () => {
    const { consentId } = await paidOnce(h, payer);
    const again = await postPayments(h, consentId, [paymentItem(h)]);
    assert.equal(again.statusCode, 422);
    assert.equal(await errorCode(again), 'CONSENTIMENTO_INVALIDO');
  });

  it('refuses a consent that was never authorised', async () => {
    const consentId = await createdConsent(h);
    const res = await postPayments(h, consentId, [paymentItem(h)]);
    assert.equal(await errorCode(res), 'CONSENTIMENTO_INVALIDO');
  });

  it('rejects a payment the account cannot pay (RJCT SALDO_INSUFICIENTE) and leaves the balance as it was', async () => {
    const poor = await payerOf(tdb, 'bank-a', 0, true);
    const before = await balance(poor.accountId);
    const amount = (Math.round(Number(poor.funds) * 100 + 100) / 100).toFixed(2);
    const { paymentId } = await paidOnce(h, poor, amount);
    const ended = await waitForStatus(h, paymentId, ['RJCT', 'ACSC']);
    assert.equal(ended.status, 'RJCT');
    assert.deepEqual(ended.rejectionReason, {
      code: 'SALDO_INSUFICIENTE',
      detail: 'A conta selecionada não possui saldo suficiente.',
    });
    assert.deepEqual(await balance(poor.accountId), before);
  });

  it('rejects with PAGAMENTO_RECUSADO_SPI when the receiving PSP refuses, giving the money back', async () => {
    const other = await payerOf(tdb, 'bank-a', 1);
    const before = await balance(other.accountId);
    const creditorAccount = { ...CREDITOR_ACCOUNT, number: '4499901' };
    const consentId = await createdConsent(
      h,
      consentData(h, { details: { localInstrument: 'MANU', creditorAccount } }),
    );
    await authorise(h, consentId, other);
    const res = await postPayments(h, consentId, [paymentItem(h, { creditorAccount })]);
    const paymentId = String((await opened(h, res)).data[0]!.paymentId);
    const ended = await waitForStatus(h, paymentId, ['RJCT', 'ACSC']);
    assert.deepEqual(ended.rejectionReason, { code: 'PAGAMENTO_RECUSADO_SPI', detail: 'AC03' });
    assert.deepEqual(await balance(other.accountId), before);
  });

  it('refuses a payment that diverges from its consent (422 PAGAMENTO_DIVERGENTE_CONSENTIMENTO)', async () => {
    const consentId = await createdConsent(h);
    await authorise(h, consentId, payer);
    const cases = [
      { payment: { amount: '10.01', currency: 'BRL' } },
      { creditorAccount: { ...CREDITOR_ACCOUNT, number: '7654321' } },
      { localInstrument: 'DICT', proxy: 'loja@example.com' },
    ];
    for (const overrides of cases) {
      const res = await postPayments(h, consentId, [paymentItem(h, overrides)]);
      assert.equal(await errorCode(res), 'PAGAMENTO_DIVERGENTE_CONSENTIMENTO', JSON.stringify(overrides));
    }
    assert.equal(
      (await consentStatus(consentId)).status,
      'AUTHORISED',
      'a refused payment does not spend the consent',
    );
  });

  it('checks the endToEndId: format, 12-hour window, and uniqueness', async () => {
    const consentId = await createdConsent(h);
    await authorise(h, consentId, payer);
    const stale = paymentItem(h, { endToEndId: 'E12345678202001011200abcdefghijk' });
    assert.equal(await errorCode(await postPayments(h, consentId, [stale])), 'PARAMETRO_INVALIDO');
    const malformed = paymentItem(h, { endToEndId: 'X12345678202001011200abcdefghijk' });
    assert.equal(await errorCode(await postPayments(h, consentId, [malformed])), 'PARAMETRO_INVALIDO');
    const { claims } = await paidOnce(h, payer);
    const used = String(claims.data[0]!.endToEndId);
    const res = await postPayments(h, consentId, [paymentItem(h, { endToEndId: used })]);
    assert.equal(await errorCode(res), 'PARAMETRO_INVALIDO');
    assert.match((await opened(h, res)).errors![0]!.detail, /endToEndId já utilizado/);
  });

  it('refuses a DICT payment whose key is unknown, and consumes the consent (payments.yaml 2.3)', async () => {
    const details = {
      localInstrument: 'DICT',
      proxy: 'ninguem@example.com',
      creditorAccount: CREDITOR_ACCOUNT,
    };
    const consentId = await createdConsent(h, consentData(h, { details }));
    await authorise(h, consentId, payer);
    const res = await postPayments(h, consentId, [
      paymentItem(h, { localInstrument: 'DICT', proxy: 'ninguem@example.com' }),
    ]);
    assert.equal(await errorCode(res), 'PAGAMENTO_RECUSADO_DETENTORA');
    assert.equal((await consentStatus(consentId)).status, 'CONSUMED');
  });

  it('settles a DICT payment whose key points at the creditor account', async () => {
    await h.pix.registerKey({ key: 'loja@example.com', account: CREDITOR_ACCOUNT, ownerName: 'Loja', ownerDocument: '11222333000181' }); // prettier-ignore
    const details = { localInstrument: 'DICT', proxy: 'loja@example.com', creditorAccount: CREDITOR_ACCOUNT };
    const consentId = await createdConsent(h, consentData(h, { details }));
    await authorise(h, consentId, payer);
    const res = await postPayments(h, consentId, [
      paymentItem(h, { localInstrument: 'DICT', proxy: 'loja@example.com' }),
    ]);
    assert.equal(res.statusCode, 201, res.body);
    const paymentId = String((await opened(h, res)).data[0]!.paymentId);
    assert.equal((await waitForStatus(h, paymentId, ['ACSC', 'RJCT'])).status, 'ACSC');
  });

  it('shows a payment only to its initiator (403 to another, 404 when unknown)', async () => {
    const { paymentId } = await paidOnce(h, payer);
    assert.equal((await getPayment(h, paymentId, 'B')).statusCode, 403);
    assert.equal((await getPayment(h, 'nao-existe')).statusCode, 404);
  });

  it('refuses POST /pix/payments with a client_credentials token (403)', async () => {
    const consentId = await createdConsent(h);
    await authorise(h, consentId, payer);
    const res = await h.app.inject({
      method: 'POST',
      url: '/open-banking/payments/v4/pix/payments',
      headers: { ...clientHeaders(h), 'content-type': 'application/jwt', 'x-idempotency-key': 'k-1' },
      payload: await h.initiators.A.sign([paymentItem(h)]),
    });
    assert.equal(res.statusCode, 403);
  });
});
