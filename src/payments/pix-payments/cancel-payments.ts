import { AppError } from '../../platform/errors/index.ts';
import { PlatformErrors, requestDateTime } from '../../platform/http/index.ts';
import type { BrandRuntime } from '../brand.ts';
import { PAYMENTS_PATH } from '../brand.ts';
import type { PaymentsContext } from '../context.ts';
import { brasiliaDate } from '../domain/dates.ts';
import { cancellationReason, cancellationRefusal } from '../domain/payment-status.ts';
import { PaymentErrors } from '../errors.ts';
import { runIdempotent, type Answer } from '../idempotency/idempotent.ts';
import type { Cancellation, PixPayment } from './model.ts';
import { paymentData, paymentUrl } from './present.ts';
import { ownPayment } from './read-payment.ts';
import { movePayment, wholeSeconds } from './transitions.ts';
import { formatRequestDateTime } from '../../platform/http/index.ts';

/** payments.yaml `PatchPixPayment.data`. */
export interface CancellationRequest {
  status: 'CANC';
  cancellation: { cancelledBy: { document: { identification: string; rel: string } } };
}

const notCancellable = (message: string) =>
  new AppError(PaymentErrors.PAGAMENTO_NAO_PERMITE_CANCELAMENTO, message);

function checkRequest(request: CancellationRequest): void {
  if (request.cancellation.cancelledBy.document.rel !== 'CPF') {
    throw new AppError(
      PaymentErrors.PAYMENTS_PARAMETRO_INVALIDO,
      'Parâmetro cancellation.cancelledBy.document.rel deve ser CPF.',
    );
  }
}

/** Cancels one payment if its status and date allow; undefined when it moved meanwhile. */
async function cancelOne(
  ctx: PaymentsContext,
  tx: Parameters<Parameters<PaymentsContext['db']['transaction']>[0]>[0],
  payment: PixPayment,
  request: CancellationRequest,
): Promise<PixPayment | undefined> {
  const at = wholeSeconds(ctx.clock.now());
  const cancellation: Cancellation = {
    reason: cancellationReason(payment.status)!,
    cancelledFrom: 'INICIADORA',
    cancelledAt: formatRequestDateTime(at),
    cancelledBy: request.cancellation.cancelledBy,
  };
  return movePayment(tx, ctx, payment, 'CANC', { at, cancellation });
}

/**
 * PATCH /pix/payments/{paymentId}: a PDNG or SCHD payment becomes CANC (reason by the status it
 * left; a scheduled one until 23:59 Brasília of the day before it settles); anything else is 422
 * PAGAMENTO_NAO_PERMITE_CANCELAMENTO.
 */
export async function cancelPayment(
  ctx: PaymentsContext,
  brand: BrandRuntime,
  clientId: string,
  paymentId: string,
  request: CancellationRequest,
  idempotencyKey: string,
): Promise<Answer> {
  const scope = {
    brandId: brand.id,
    clientId,
    endpoint: `PATCH /pix/payments/${paymentId}`,
    key: idempotencyKey,
  };
  return runIdempotent(ctx, scope, request, {
    async prepare() {
      checkRequest(request);
      const payment = await ownPayment(ctx, brand.id, paymentId, clientId);
      const refusal = cancellationRefusal(payment, brasiliaDate(ctx.clock.now()));
      if (refusal) throw notCancellable(refusal);
      return payment;
    },
    async commit(tx, payment) {
      const cancelled = await cancelOne(ctx, tx, payment, request);
      if (cancelled === undefined)
        throw notCancellable('O pagamento mudou de situação e não permite cancelamento.');
      return {
        status: 200,
        body: {
          data: paymentData(cancelled),
          links: { self: paymentUrl(brand, paymentId) },
          meta: { requestDateTime: requestDateTime(ctx.clock) },
        },
      };
    },
  });
}

/**
 * PATCH /pix/payments/consents/{consentId}: every PDNG or SCHD payment of the consent still
 * cancellable is cancelled; none left → 422 PAGAMENTO_NAO_PERMITE_CANCELAMENTO; an unknown
 * consent → 404.
 */
export async function cancelConsentPayments(
  ctx: PaymentsContext,
  brand: BrandRuntime,
  clientId: string,
  consentId: string,
  request: CancellationRequest,
  idempotencyKey: string,
): Promise<Answer> {
  const scope = {
    brandId: brand.id,
    clientId,
    endpoint: `PATCH /pix/payments/consents/${consentId}`,
    key: idempotencyKey,
  };
  return runIdempotent(ctx, scope, request, {
    async prepare() {
      checkRequest(request);
      const consent = await ctx.consents.find(ctx.db, brand.id, consentId);
      if (consent === undefined)
        throw new AppError(PlatformErrors.NOT_FOUND, 'Consentimento não encontrado.');
      if (consent.clientId !== clientId)
        throw new AppError(PlatformErrors.FORBIDDEN, 'O consentimento pertence a outro iniciador.');
      const today = brasiliaDate(ctx.clock.now());
      const payments = (await ctx.payments.byConsent(ctx.db, brand.id, consentId)).filter(
        (p) => cancellationRefusal(p, today) === undefined,
      );
      if (payments.length === 0)
        throw notCancellable('Não há pagamentos deste consentimento que permitam cancelamento.');
      return payments;
    },
    async commit(tx, payments) {
      const cancelled: PixPayment[] = [];
      for (const payment of payments) {
        const done = await cancelOne(ctx, tx, payment, request);
        if (done) cancelled.push(done);
      }
      if (cancelled.length === 0)
        throw notCancellable('Os pagamentos mudaram de situação e não permitem cancelamento.');
      return {
        status: 200,
        body: {
          data: cancelled.map((p) => ({
            paymentId: p.paymentId,
            statusUpdateDateTime: formatRequestDateTime(p.statusUpdateDateTime),
          })),
          links: { self: `${brand.apiBaseUrl}${PAYMENTS_PATH}/pix/payments/consents/${consentId}` },
          meta: { requestDateTime: requestDateTime(ctx.clock) },
        },
      };
    },
  });
}
