import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { opened, payerOf, paymentsUrl, startPaymentsHarness } from '../testing/harness.ts';
import { clientHeaders, paidOnce, signedPost, waitForStatus } from '../testing/flows.ts';

const tdb = await createTestDatabase();
// Review (PDNG) from 30 points, rejection from 60: a first payment to a stranger scores 20,
// 35 from R$ 1.000, and a first payment above R$ 5.000 adds 30 (src/risk/README.md).
const h = await startPaymentsHarness(tdb, { payments: { riskReviewAt: 30, riskRejectAt: 60 } });
const payer = await payerOf(tdb, 'bank-a');

describe('the fraud hook before acceptance', () => {
  it('accepts what scores below the thresholds', async () => {
    const { paymentId } = await paidOnce(h, payer, '50.00');
    const settled = await waitForStatus(h, paymentId, ['ACSC', 'RJCT', 'PDNG']);
    assert.equal(settled.status, 'ACSC');
    const { rows } = await tdb.pool.query(
      'SELECT risk_score, risk_reasons FROM pix_payments WHERE payment_id = $1',
      [paymentId],
    );
    assert.deepEqual(rows, [
      { risk_score: 20, risk_reasons: ['new-creditor: Primeiro pagamento a este recebedor.'] },
    ]);
  });

  it('rejects at the threshold with the spec reason NAO_INFORMADO, debiting nothing', async () => {
    const { paymentId } = await paidOnce(h, await payerOf(tdb, 'bank-a', 1), '6000.00');
    const rejected = await waitForStatus(h, paymentId, ['RJCT', 'ACSC', 'PDNG']);
    assert.equal(rejected.status, 'RJCT');
    assert.equal((rejected.rejectionReason as { code: string }).code, 'NAO_INFORMADO');
    const { rows } = await tdb.pool.query("SELECT count(*)::int AS n FROM sample_bank.pix_transfers WHERE end_to_end_id = $1", [rejected.endToEndId]); // prettier-ignore
    assert.deepEqual(rows, [{ n: 0 }]);
  });

  // Each case pays from another account, so that one case's history does not score the next.
  it('holds for analysis (PDNG), which the initiator can cancel (CANCELADO_PENDENCIA) or an analyst approve', async () => {
    const other = await payerOf(tdb, 'bank-a', 2);
    const first = await paidOnce(h, other, '1500.00');
    assert.equal((await waitForStatus(h, first.paymentId, ['PDNG', 'ACSC', 'RJCT'])).status, 'PDNG');
    const body = {
      status: 'CANC',
      cancellation: { cancelledBy: { document: { identification: '76109277673', rel: 'CPF' } } },
    };
    const res = await signedPost(h, paymentsUrl(`/${first.paymentId}`), await h.initiators.A.sign(body), clientHeaders(h), undefined, 'PATCH'); // prettier-ignore
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(
      ((await opened(h, res)).data.cancellation as { reason: string }).reason,
      'CANCELADO_PENDENCIA',
    );

    const second = await paidOnce(h, other, '1500.00');
    await waitForStatus(h, second.paymentId, ['PDNG']);
    assert.equal(await h.payments.resolvePending(h.brand.id, second.paymentId, 'APPROVE'), true);
    assert.equal((await waitForStatus(h, second.paymentId, ['ACSC', 'RJCT'])).status, 'ACSC');
    assert.equal(await h.payments.resolvePending(h.brand.id, second.paymentId, 'REJECT'), false);
  });
});
