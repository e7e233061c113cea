import type { PaymentsContext } from '../context.ts';
import type { StepResult } from './process.ts';
import { applyTransfer } from './settle.ts';

/**
 * `payments.reconcile`: asks the rail how a submitted (ACPD) payment ended and applies it. While
 * the transfer is pending, the job queues its next run with exponential backoff (1 s doubling to
 * 60 s by default) in the same transaction as nothing else: it never gives up, because a debit
 * whose outcome is unknown must be reconciled eventually.
 */
export async function reconcilePayment(
  ctx: PaymentsContext,
  brandId: string,
  paymentId: string,
  attempt: number,
): Promise<StepResult> {
  const payment = await ctx.payments.find(ctx.db, brandId, paymentId);
  if (payment?.status !== 'ACPD') return 'skipped';
  const transfer = await ctx.pix.getTransfer(brandId, payment.endToEndId);
  return ctx.db.transaction(async (tx): Promise<StepResult> => {
    const finished = transfer === undefined ? undefined : await applyTransfer(tx, ctx, payment, transfer);
    if (finished !== undefined) return 'completed';
    if (transfer === undefined)
      ctx.logger.warn({ paymentId, endToEndId: payment.endToEndId }, 'submitted payment unknown to the rail');
    const delay = Math.min(
      ctx.options.reconcileMaxDelayMs,
      ctx.options.reconcileDelayMs * 2 ** Math.min(attempt, 20),
    );
    await ctx.jobs.send(
      tx,
      'payments.reconcile',
      { brandId, paymentId, attempt: attempt + 1 },
      { startAfter: new Date(ctx.clock.now().getTime() + delay) },
    );
    return 'completed';
  });
}

/** The rail told us a transfer ended (its `onFinished`): reconcile the payment now. */
export async function reconcileNow(ctx: PaymentsContext, brandId: string, endToEndId: string): Promise<void> {
  const [payment] = await ctx.payments.byEndToEndIds(ctx.db, brandId, [endToEndId]);
  if (payment?.status === 'ACPD') {
    await ctx.jobs.send('payments.reconcile', { brandId, paymentId: payment.paymentId, attempt: 0 });
  }
}
