import type { PaymentsContext } from '../context.ts';
import type { PixPayment } from '../pix-payments/model.ts';
import { movePayment } from '../pix-payments/transitions.ts';

export type StepResult = 'completed' | 'skipped';

/**
 * `payments.process`: a received payment (RCVD), or a scheduled one whose day has come (SCHD),
 * is either scheduled (a future occurrence → SCHD) or judged for acceptance: the risk interface
 * scores it (DESIGN §3.2) and the score decides RJCT (NAO_INFORMADO, suspected fraud, payments.yaml
 * item 4.1.8), PDNG (held for analysis, when a review threshold is set) or ACCP, which queues the
 * settlement in the same transaction. A payment in any other status is left alone (the job ran
 * before, or the payment was cancelled): running twice is harmless.
 */
export async function processPayment(
  ctx: PaymentsContext,
  brandId: string,
  paymentId: string,
): Promise<StepResult> {
  const payment = await ctx.payments.find(ctx.db, brandId, paymentId);
  if (payment === undefined) return 'skipped';
  const now = ctx.clock.now();
  const released = payment.scheduledDate === null || isReleased(ctx, payment.scheduledDate, now);
  if (payment.status === 'RCVD' && !released) {
    const moved = await ctx.db.transaction((tx) => movePayment(tx, ctx, payment, 'SCHD', { at: now }));
    return moved ? 'completed' : 'skipped';
  }
  if (payment.status !== 'RCVD' && !(payment.status === 'SCHD' && released)) return 'skipped';
  return accept(ctx, payment);
}

/** A scheduled occurrence is released for settlement on its day (`options.releaseAt`). */
export function isReleased(ctx: PaymentsContext, date: string, now: Date): boolean {
  return ctx.options.releaseAt(date).getTime() <= now.getTime();
}

async function accept(ctx: PaymentsContext, payment: PixPayment): Promise<StepResult> {
  const assessment = await ctx.risk.score({
    brandId: payment.brandId,
    paymentId: payment.paymentId,
    payerRef: payment.payerRef.toString('hex'),
    creditorRef: payment.creditorRef.toString('hex'),
    amount: payment.amount,
    at: ctx.clock.now(),
    localInstrument: payment.localInstrument,
  });
  const risk = { score: assessment.score, reasons: assessment.reasons.map((r) => `${r.rule}: ${r.detail}`) };
  const { riskRejectAt, riskReviewAt } = ctx.options;
  const now = ctx.clock.now();
  const moved = await ctx.db.transaction(async (tx) => {
    if (assessment.score >= riskRejectAt) {
      return movePayment(tx, ctx, payment, 'RJCT', {
        at: now,
        risk,
        rejection: {
          code: 'NAO_INFORMADO',
          detail: 'Pagamento recusado pela análise de risco da detentora.',
        },
      });
    }
    if (riskReviewAt !== undefined && assessment.score >= riskReviewAt) {
      return movePayment(tx, ctx, payment, 'PDNG', { at: now, risk });
    }
    const accepted = await movePayment(tx, ctx, payment, 'ACCP', { at: now, risk });
    if (accepted)
      await ctx.jobs.send(tx, 'payments.settle', { brandId: payment.brandId, paymentId: payment.paymentId });
    return accepted;
  });
  if (moved && assessment.score > 0) {
    ctx.logger.info(
      { paymentId: payment.paymentId, score: assessment.score, status: moved.status },
      'payment risk assessed',
    );
  }
  return moved ? 'completed' : 'skipped';
}

/**
 * An analyst's decision on a payment held for analysis (PDNG): approve (→ ACCP, settlement
 * queued) or reject (→ RJCT NAO_INFORMADO). False when the payment is no longer pending.
 */
export async function resolvePending(
  ctx: PaymentsContext,
  brandId: string,
  paymentId: string,
  decision: 'APPROVE' | 'REJECT',
): Promise<boolean> {
  const payment = await ctx.payments.find(ctx.db, brandId, paymentId);
  if (payment?.status !== 'PDNG') return false;
  const now = ctx.clock.now();
  const moved = await ctx.db.transaction(async (tx) => {
    if (decision === 'REJECT') {
      return movePayment(tx, ctx, payment, 'RJCT', {
        at: now,
        rejection: { code: 'NAO_INFORMADO', detail: 'Pagamento recusado após análise da detentora.' },
      });
    }
    const accepted = await movePayment(tx, ctx, payment, 'ACCP', { at: now });
    if (accepted) await ctx.jobs.send(tx, 'payments.settle', { brandId, paymentId });
    return accepted;
  });
  return moved !== undefined;
}
