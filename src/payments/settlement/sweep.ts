import { lt } from 'drizzle-orm';
import type { PaymentsContext } from '../context.ts';
import { expireInTx } from '../consents/transitions.ts';
import { FINAL_PAYMENT_STATUSES } from '../domain/payment-status.ts';
import { movePayment } from '../pix-payments/transitions.ts';
import { paymentIdempotency, paymentJtis } from '../schema.ts';
import { isReleased, processPayment } from './process.ts';

/** payments.yaml: a list of scheduled payments must all reach SCHD within 60 minutes. */
export const SCHEDULING_DEADLINE_MS = 60 * 60_000;

export interface SweepResult {
  expiredConsents: number;
  released: number;
  rekicked: number;
  failedSchedules: number;
  purged: number;
}

/**
 * One pass of the payments sweep:
 * 1. consents whose time ran out become REJECTED (TEMPO_EXPIRADO_AUTORIZACAO / _CONSUMO);
 * 2. scheduled payments whose day has come are processed (SCHD → ACCP …);
 * 3. open payments nobody moved for `stuckAfterMs` get their step's job again (steps are
 *    idempotent, so a job that is merely slow does no harm); a schedule still not SCHD after
 *    60 minutes is rejected whole (FALHA_AGENDAMENTO_PAGAMENTOS);
 * 4. jtis and idempotency keys older than 24 h are purged.
 */
export async function sweep(ctx: PaymentsContext, batchSize: number): Promise<SweepResult> {
  const now = ctx.clock.now();
  const result: SweepResult = { expiredConsents: 0, released: 0, rekicked: 0, failedSchedules: 0, purged: 0 };

  for (const consent of await ctx.consents.dueForExpiry(ctx.db, now, batchSize)) {
    const after = await ctx.db.transaction((tx) => expireInTx(tx, ctx, consent, now));
    if (after.status === 'REJECTED' && consent.status !== 'REJECTED') result.expiredConsents++;
  }

  for (const due of await ctx.payments.scheduled(ctx.db, batchSize)) {
    if (!isReleased(ctx, due.scheduledDate, now)) break;
    if ((await processPayment(ctx, due.brandId, due.paymentId)) === 'completed') result.released++;
  }

  const stuckBefore = new Date(now.getTime() - ctx.options.stuckAfterMs);
  for (const open of await ctx.payments.stuck(ctx.db, stuckBefore, batchSize)) {
    const late = now.getTime() - open.creationDateTime.getTime() > SCHEDULING_DEADLINE_MS;
    if (open.status === 'RCVD' && open.scheduledDate !== null && late) {
      result.failedSchedules += await failSchedule(ctx, open.brandId, open.consentId);
      continue;
    }
    const payload = { brandId: open.brandId, paymentId: open.paymentId };
    if (open.status === 'RCVD') await ctx.jobs.send('payments.process', payload);
    if (open.status === 'ACCP') await ctx.jobs.send('payments.settle', payload);
    if (open.status === 'ACPD') await ctx.jobs.send('payments.reconcile', { ...payload, attempt: 0 });
    result.rekicked++;
  }

  const purgedJtis = await ctx.db
    .delete(paymentJtis)
    .where(lt(paymentJtis.expiresAt, now))
    .returning({ jti: paymentJtis.jti });
  const purgedKeys = await ctx.db
    .delete(paymentIdempotency)
    .where(lt(paymentIdempotency.expiresAt, now))
    .returning({ key: paymentIdempotency.key });
  result.purged = purgedJtis.length + purgedKeys.length;
  return result;
}

/** Every not-yet-final payment of the consent's schedule ends RJCT FALHA_AGENDAMENTO_PAGAMENTOS. */
async function failSchedule(ctx: PaymentsContext, brandId: string, consentId: string): Promise<number> {
  const payments = await ctx.payments.byConsent(ctx.db, brandId, consentId);
  let failed = 0;
  await ctx.db.transaction(async (tx) => {
    for (const payment of payments) {
      if (
        FINAL_PAYMENT_STATUSES.has(payment.status) ||
        (payment.status !== 'RCVD' && payment.status !== 'SCHD')
      )
        continue;
      const moved = await movePayment(tx, ctx, payment, 'RJCT', {
        at: ctx.clock.now(),
        rejection: { code: 'FALHA_AGENDAMENTO_PAGAMENTOS', detail: 'Falha ao agendar pagamentos.' },
      });
      if (moved) failed++;
    }
  });
  return failed;
}
