import { PIX_CONFLICT, type PixTransfer } from '../../connectors/index.ts';
import type { Transaction } from '../../platform/db/index.ts';
import { isAppError } from '../../platform/errors/index.ts';
import type { PaymentsContext } from '../context.ts';
import type { PaymentRejectionCode } from '../domain/payment-status.ts';
import type { PixPayment } from '../pix-payments/model.ts';
import { movePayment } from '../pix-payments/transitions.ts';
import type { StepResult } from './process.ts';

/** The order the rail settles for a payment (debtor from the consent's authorisation). */
function orderOf(payment: PixPayment) {
  const { details } = payment;
  return {
    endToEndId: payment.endToEndId,
    debtor: { customer: payment.customer, accountId: payment.debtorAccountId },
    amount: payment.amount,
    creditor: details.creditorAccount,
    ...(details.proxy === undefined ? {} : { proxy: details.proxy }),
    ...(details.remittanceInformation === undefined
      ? {}
      : { remittanceInformation: details.remittanceInformation }),
    ...(details.transactionIdentification === undefined
      ? {}
      : { transactionIdentification: details.transactionIdentification }),
  };
}

/**
 * Applies what the rail says about a submitted transfer: SETTLED → ACSC, REJECTED → RJCT with
 * the rail's code; PENDING changes nothing. Returns the payment after the change, if any.
 */
export async function applyTransfer(
  tx: Transaction,
  ctx: PaymentsContext,
  payment: PixPayment,
  transfer: PixTransfer,
): Promise<PixPayment | undefined> {
  const now = ctx.clock.now();
  if (transfer.status === 'SETTLED') return movePayment(tx, ctx, payment, 'ACSC', { at: now });
  if (transfer.status === 'REJECTED') {
    const rejection = {
      code: (transfer.rejection?.code ?? 'NAO_INFORMADO') as PaymentRejectionCode,
      detail: transfer.rejection?.detail ?? '',
    };
    return movePayment(tx, ctx, payment, 'RJCT', { at: now, rejection });
  }
  return undefined;
}

/**
 * `payments.settle`: an accepted payment (ACCP) is submitted to the connector's Pix rail and
 * becomes ACPD, with its reconciliation queued in the same transaction; a transfer the core
 * refused at once makes it RJCT. Crash-safe by construction: the rail is idempotent by
 * endToEndId, so a job killed after the rail accepted the order submits it again and gets the
 * same transfer back (never a second debit), and the status moves only from ACCP.
 */
export async function settlePayment(
  ctx: PaymentsContext,
  brandId: string,
  paymentId: string,
): Promise<StepResult> {
  const payment = await ctx.payments.find(ctx.db, brandId, paymentId);
  if (payment?.status !== 'ACCP') return 'skipped';
  let transfer: PixTransfer;
  try {
    transfer = await ctx.pix.submitTransfer(brandId, orderOf(payment));
  } catch (error) {
    if (!isAppError(error) || (error.code !== PIX_CONFLICT && error.code !== 'CONNECTOR_RESOURCE_NOT_FOUND'))
      throw error;
    // Permanent refusals of the core (reused endToEndId, debtor account gone): the payment ends.
    await ctx.db.transaction((tx) =>
      movePayment(tx, ctx, payment, 'RJCT', {
        at: ctx.clock.now(),
        rejection: { code: 'PAGAMENTO_RECUSADO_DETENTORA', detail: 'Ordem recusada pela detentora.' },
      }),
    );
    return 'completed';
  }
  await ctx.db.transaction(async (tx) => {
    const submitted = await movePayment(tx, ctx, payment, 'ACPD', { at: ctx.clock.now() });
    if (submitted === undefined) return;
    const finished = await applyTransfer(tx, ctx, submitted, transfer);
    if (finished === undefined) {
      await ctx.jobs.send(
        tx,
        'payments.reconcile',
        { brandId, paymentId, attempt: 1 },
        { startAfter: new Date(ctx.clock.now().getTime() + ctx.options.reconcileDelayMs) },
      );
    }
  });
  return 'completed';
}
