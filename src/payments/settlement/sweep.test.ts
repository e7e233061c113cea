import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { addDays, brasiliaDate } from '../domain/dates.ts';
import { opened, payerOf, startPaymentsHarness } from '../testing/harness.ts';
import {
  authorise,
  consentData,
  createdConsent,
  paidOnce,
  paymentItem,
  postPayments,
} from '../testing/flows.ts';
import { sweep } from './sweep.ts';

const tdb = await createTestDatabase();
// No workers: the jobs pile up unworked, as after a crash or an outage of the worker processes.
const h = await startPaymentsHarness(tdb, { workers: false });
const payer = await payerOf(tdb, 'bank-a');

async function statuses(consentId: string): Promise<string[]> {
  const { rows } = await tdb.pool.query<{ status: string; rejection_code: string | null }>(
    'SELECT status, rejection_code FROM pix_payments WHERE consent_id = $1 ORDER BY scheduled_date',
    [consentId],
  );
  return rows.map((r) => (r.rejection_code ? `${r.status}:${r.rejection_code}` : r.status));
}

describe('the payments sweep', () => {
  it('rejects a whole schedule not scheduled within 60 minutes (FALHA_AGENDAMENTO_PAGAMENTOS)', async () => {
    const start = addDays(brasiliaDate(h.clock.now()), 2);
    const consentId = await createdConsent(
      h,
      consentData(h, { date: undefined, schedule: { daily: { startDate: start, quantity: 2 } } }),
    );
    await authorise(h, consentId, payer);
    const res = await postPayments(h, consentId, [
      paymentItem(h, {}, start),
      paymentItem(h, {}, addDays(start, 1)),
    ]);
    assert.equal(res.statusCode, 201, res.body);
    h.clock.advance(61 * 60_000);
    const result = await sweep(h.payments.context, 100);
    assert.equal(result.failedSchedules, 2);
    assert.deepEqual(await statuses(consentId), [
      'RJCT:FALHA_AGENDAMENTO_PAGAMENTOS',
      'RJCT:FALHA_AGENDAMENTO_PAGAMENTOS',
    ]);
  });

  it('queues the step of an open payment nobody moved again, and purges expired jtis and keys', async () => {
    const { paymentId } = await paidOnce(h, payer);
    h.clock.advance(5 * 60_000);
    const before = await h.jobs.find('payments.process', { data: { paymentId } });
    const result = await sweep(h.payments.context, 100);
    assert.ok(result.rekicked >= 1);
    assert.equal((await h.jobs.find('payments.process', { data: { paymentId } })).length, before.length + 1);
    h.clock.advance(25 * 3_600_000);
    assert.ok((await sweep(h.payments.context, 100)).purged > 0);
    const { rows } = await tdb.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM payment_jtis');
    assert.equal(rows[0]!.n, 0);
    void opened;
  });
});
