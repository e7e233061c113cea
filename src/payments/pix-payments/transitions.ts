import type { Transaction } from '../../platform/db/index.ts';
import { recordEvent } from '../../platform/events/index.ts';
import type { PaymentsContext } from '../context.ts';
import { canTransition, type PaymentStatus } from '../domain/payment-status.ts';
import type { PixPayment } from './model.ts';
import type { PaymentChange } from './payment-store.ts';

/** Whole seconds: the wire's date-times carry no fraction. */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/**
 * Moves a payment along its lifecycle and records `payment.status-changed` in the same
 * transaction. Undefined when a concurrent step moved it first; throws on a transition the
 * lifecycle does not have (a bug, never a client's fault).
 */
export async function movePayment(
  tx: Transaction,
  ctx: PaymentsContext,
  payment: PixPayment,
  to: PaymentStatus,
  change: PaymentChange,
): Promise<PixPayment | undefined> {
  if (!canTransition(payment.status, to)) {
    throw new Error(`payment ${payment.paymentId}: no transition ${payment.status} → ${to}`);
  }
  const at = wholeSeconds(change.at);
  const moved = await ctx.payments.transition(tx, payment, to, { ...change, at });
  if (moved === undefined) return undefined;
  await recordEvent(tx, {
    type: 'payment.status-changed',
    brandId: payment.brandId,
    aggregateId: payment.paymentId,
    occurredAt: at,
    payload: {
      paymentId: payment.paymentId,
      consentId: payment.consentId,
      clientId: payment.clientId,
      status: to,
      previousStatus: payment.status,
      ...(change.rejection === undefined ? {} : { reason: change.rejection.code }),
    },
  });
  return moved;
}
