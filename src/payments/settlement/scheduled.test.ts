import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { addDays, brasiliaDate } from '../domain/dates.ts';
import { opened, payerOf, paymentsUrl, startPaymentsHarness } from '../testing/harness.ts';
import {
  authorise,
  consentData,
  createdConsent,
  paidOnce,
  paymentItem,
  postPayments,
  signedPost,
  clientHeaders,
  waitForStatus,
} from '../testing/flows.ts';

const tdb = await createTestDatabase();
/** Scheduled occurrences are released when the test says so (a date → instant map). */
const released = new Set<string>();
const h = await startPaymentsHarness(tdb, {
  payments: {
    sweepIntervalSeconds: 1,
    releaseAt: (date) => (released.has(date) ? new Date(0) : new Date(8.64e15)),
  },
});
const payer = await payerOf(tdb, 'bank-a');
const today = () => brasiliaDate(h.clock.now());

async function scheduledConsent(schedule: unknown) {
  const consentId = await createdConsent(h, consentData(h, { date: undefined, schedule }));
  await authorise(h, consentId, payer);
  return consentId;
}
const cancelBody = {
  status: 'CANC',
  cancellation: { cancelledBy: { document: { identification: '76109277673', rel: 'CPF' } } },
};
async function cancel(paymentId: string) {
  return signedPost(
    h,
    paymentsUrl(`/${paymentId}`),
    await h.initiators.A.sign(cancelBody),
    clientHeaders(h),
    undefined,
    'PATCH',
  );
}

describe('scheduled Pix payments', () => {
  it('schedules a single future payment (SCHD) and settles it when its day comes', async () => {
    const date = addDays(today(), 1);
    const consentId = await scheduledConsent({ single: { date } });
    const res = await postPayments(h, consentId, [paymentItem(h, {}, date)]);
    assert.equal(res.statusCode, 201, res.body);
    const paymentId = String((await opened(h, res)).data[0]!.paymentId);
    assert.equal((await waitForStatus(h, paymentId, ['SCHD'])).status, 'SCHD');
    released.add(date);
    assert.equal((await waitForStatus(h, paymentId, ['ACSC', 'RJCT'])).status, 'ACSC');
  });

  it('takes every occurrence of a recurring schedule in one request, one item per date', async () => {
    const start = addDays(today(), 3);
    const consentId = await scheduledConsent({ daily: { startDate: start, quantity: 3 } });
    const dates = [start, addDays(start, 1), addDays(start, 2)];
    const tooFew = await postPayments(
      h,
      consentId,
      dates.slice(0, 2).map((d) => paymentItem(h, {}, d)),
    );
    assert.equal((await opened(h, tooFew)).errors?.[0]?.code, 'PAGAMENTO_DIVERGENTE_CONSENTIMENTO');
    const wrongDay = await postPayments(h, consentId, [paymentItem(h, {}, dates[0]), paymentItem(h, {}, dates[1]), paymentItem(h, {}, addDays(start, 5))]); // prettier-ignore
    const error = (await opened(h, wrongDay)).errors?.[0];
    assert.deepEqual([error?.code, error?.detail], ['PARAMETRO_INVALIDO', 'Data de liquidação inválida']);
    const res = await postPayments(h, consentId, dates.map((d) => paymentItem(h, {}, d)).reverse());
    assert.equal(res.statusCode, 201, res.body);
    const payments = (await opened(h, res)).data;
    assert.equal(payments.length, 3);
    for (const p of payments)
      assert.equal((await waitForStatus(h, String(p.paymentId), ['SCHD'])).status, 'SCHD');
  });
});

describe('cancellation (PATCH /pix/payments/{paymentId})', () => {
  it('cancels a scheduled payment before its day (CANCELADO_AGENDAMENTO) and it never settles', async () => {
    const date = addDays(today(), 2);
    const consentId = await scheduledConsent({ single: { date } });
    const paymentId = String((await opened(h, await postPayments(h, consentId, [paymentItem(h, {}, date)]))).data[0]!.paymentId); // prettier-ignore
    await waitForStatus(h, paymentId, ['SCHD']);
    const res = await cancel(paymentId);
    assert.equal(res.statusCode, 200, res.body);
    const data = (await opened(h, res)).data;
    assert.equal(data.status, 'CANC');
    const cancellation = data.cancellation as Record<string, unknown>;
    assert.equal(cancellation.reason, 'CANCELADO_AGENDAMENTO');
    assert.equal(cancellation.cancelledFrom, 'INICIADORA');
    assert.deepEqual(cancellation.cancelledBy, cancelBody.cancellation.cancelledBy);
    released.add(date);
    await new Promise((r) => setTimeout(r, 2_500));
    assert.equal((await waitForStatus(h, paymentId, ['CANC'])).status, 'CANC');
  });

  it('refuses to cancel a scheduled payment on its own day, or a settled one (PAGAMENTO_NAO_PERMITE_CANCELAMENTO)', async () => {
    const date = addDays(today(), 4);
    const consentId = await scheduledConsent({ single: { date } });
    const paymentId = String((await opened(h, await postPayments(h, consentId, [paymentItem(h, {}, date)]))).data[0]!.paymentId); // prettier-ignore
    await waitForStatus(h, paymentId, ['SCHD']);
    h.clock.advance(4 * 86_400_000);
    const onTheDay = await cancel(paymentId);
    assert.equal(onTheDay.statusCode, 422);
    assert.equal((await opened(h, onTheDay)).errors?.[0]?.code, 'PAGAMENTO_NAO_PERMITE_CANCELAMENTO');
    h.clock.advance(-4 * 86_400_000);

    const settled = await paidOnce(h, payer);
    await waitForStatus(h, settled.paymentId, ['ACSC']);
    assert.equal(
      (await opened(h, await cancel(settled.paymentId))).errors?.[0]?.code,
      'PAGAMENTO_NAO_PERMITE_CANCELAMENTO',
    );
  });

  it('cancels every remaining occurrence of a consent (PATCH /pix/payments/consents/{consentId})', async () => {
    const start = addDays(today(), 6);
    const consentId = await scheduledConsent({
      weekly: { dayOfWeek: 'SEGUNDA_FEIRA', startDate: start, quantity: 2 },
    });
    const created = await opened(
      h,
      await postPayments(
        h,
        consentId,
        (await datesOf(consentId)).map((d) => paymentItem(h, {}, d)),
      ),
    );
    for (const p of created.data) await waitForStatus(h, String(p.paymentId), ['SCHD']);
    const res = await signedPost(h, paymentsUrl(`/consents/${consentId}`), await h.initiators.A.sign(cancelBody), clientHeaders(h), undefined, 'PATCH'); // prettier-ignore
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      (await opened(h, res)).data.map((d) => d.paymentId).sort(),
      created.data.map((d) => d.paymentId).sort(),
    );
    const again = await signedPost(h, paymentsUrl(`/consents/${consentId}`), await h.initiators.A.sign(cancelBody), clientHeaders(h), undefined, 'PATCH'); // prettier-ignore
    assert.equal((await opened(h, again)).errors?.[0]?.code, 'PAGAMENTO_NAO_PERMITE_CANCELAMENTO');
  });
});

async function datesOf(consentId: string): Promise<string[]> {
  const { rows } = await tdb.pool.query<{ d: string }>(
    "SELECT to_char(unnest(payment_dates), 'YYYY-MM-DD') AS d FROM payment_consents WHERE consent_id = $1",
    [consentId],
  );
  return rows.map((r) => r.d);
}
