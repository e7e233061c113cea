import { randomUUID } from 'node:crypto';
import { recordEvents } from '../../platform/events/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { requestDateTime } from '../../platform/http/index.ts';
import type { BrandRuntime } from '../brand.ts';
import type { PaymentConsent } from '../consents/model.ts';
import { currentConsent, moveConsent } from '../consents/transitions.ts';
import type { PaymentsContext } from '../context.ts';
import { dueExpiry } from '../domain/consent-status.ts';
import type { CreditorAccount } from '../domain/local-instrument.ts';
import { PaymentErrors } from '../errors.ts';
import { runIdempotent, type Answer } from '../idempotency/idempotent.ts';
import { matchItems } from './check-items.ts';
import { checkCreditorKey, ConsumingRefusal } from './dict-check.ts';
import type { PaymentRequestItem, PixPayment } from './model.ts';
import { paymentData, paymentUrl } from './present.ts';
import { wholeSeconds } from './transitions.ts';

/** The access token of POST /pix/payments: the customer's authorisation of one consent. */
export interface PaymentToken {
  clientId: string;
  consentId: string;
}

const invalidConsent = (message: string) => new AppError(PaymentErrors.CONSENTIMENTO_INVALIDO, message);

export function payerRef(ctx: PaymentsContext, brandId: string, customerId: string): Buffer {
  return ctx.cipher.hash(`payer:${brandId}:${customerId}`);
}

export function creditorRef(ctx: PaymentsContext, account: CreditorAccount): Buffer {
  return ctx.cipher.hash(
    `creditor:${account.ispb}:${account.issuer ?? ''}:${account.number}:${account.accountType}`,
  );
}

/** The consent the token authorises, usable now (payments.yaml item 2.2.2.5 and 2.2.2.11). */
async function usableConsent(
  ctx: PaymentsContext,
  brandId: string,
  token: PaymentToken,
): Promise<PaymentConsent> {
  const consent = await currentConsent(ctx, brandId, token.consentId);
  if (consent === undefined || consent.clientId !== token.clientId)
    throw invalidConsent('Consentimento inválido.');
  if (consent.status === 'PARTIALLY_ACCEPTED') {
    throw new AppError(
      PaymentErrors.CONSENTIMENTO_PENDENTE_AUTORIZACAO,
      'Consentimento pendente autorização de múltiplas alçadas (status “PARTIALLY_ACCEPTED”).',
    );
  }
  if (consent.status !== 'AUTHORISED')
    throw invalidConsent(`Consentimento inválido (status ${consent.status}).`);
  return consent;
}

function buildPayments(
  ctx: PaymentsContext,
  consent: PaymentConsent,
  matched: ReturnType<typeof matchItems>,
): PixPayment[] {
  const now = wholeSeconds(ctx.clock.now());
  const customer = consent.customer!;
  return matched.map(
    ({ item, scheduledDate }: { item: PaymentRequestItem; scheduledDate: string | null }) => ({
      paymentId: randomUUID(),
      brandId: consent.brandId,
      clientId: consent.clientId,
      consentId: consent.consentId,
      endToEndId: item.endToEndId,
      status: 'RCVD' as const,
      creationDateTime: now,
      statusUpdateDateTime: now,
      localInstrument: item.localInstrument,
      amount: item.payment.amount,
      currency: item.payment.currency,
      scheduledDate,
      details: {
        creditorAccount: item.creditorAccount,
        cnpjInitiator: item.cnpjInitiator,
        ...(item.proxy === undefined ? {} : { proxy: item.proxy }),
        ...(item.qrCode === undefined ? {} : { qrCode: item.qrCode }),
        ...(item.remittanceInformation === undefined
          ? {}
          : { remittanceInformation: item.remittanceInformation }),
        ...(item.transactionIdentification === undefined
          ? {}
          : { transactionIdentification: item.transactionIdentification }),
        ...(item.ibgeTownCode === undefined ? {} : { ibgeTownCode: item.ibgeTownCode }),
        ...(item.authorisationFlow === undefined ? {} : { authorisationFlow: item.authorisationFlow }),
      },
      debtorAccount: consent.debtorAccount!,
      customer,
      debtorAccountId: consent.debtorAccountId!,
      payerRef: payerRef(ctx, consent.brandId, customer.customerId),
      creditorRef: creditorRef(ctx, item.creditorAccount),
    }),
  );
}

/**
 * POST /pix/payments: one payment per item (an immediate payment, or every occurrence of the
 * consent's schedule), all RCVD, and the consent CONSUMED, in one transaction with their events
 * and their processing jobs, under the request's idempotency key. A DICT refusal answers 422
 * without creating anything but still consumes the consent (payments.yaml item 2.3).
 */
export async function createPayments(
  ctx: PaymentsContext,
  brand: BrandRuntime,
  token: PaymentToken,
  items: PaymentRequestItem[],
  idempotencyKey: string,
): Promise<Answer> {
  const scope = {
    brandId: brand.id,
    clientId: token.clientId,
    endpoint: 'POST /pix/payments',
    key: idempotencyKey,
  };
  return runIdempotent(ctx, scope, items, {
    async prepare() {
      const consent = await usableConsent(ctx, brand.id, token);
      const matched = matchItems(items, consent, ctx.clock.now());
      await checkCreditorKey(ctx, brand.id, consent);
      return { consent, payments: buildPayments(ctx, consent, matched) };
    },

    async commit(tx, { consent, payments }) {
      const now = ctx.clock.now();
      const locked = await ctx.consents.find(tx, brand.id, consent.consentId, true);
      if (
        locked?.status !== 'AUTHORISED' ||
        locked.paymentsCreated !== consent.paymentsCreated ||
        dueExpiry(locked, now) !== undefined
      ) {
        // Spent or expired since it was read: the consent cannot be used past its limit.
        throw invalidConsent(`Consentimento inválido (status ${locked?.status ?? 'desconhecido'}).`);
      }
      if ((await ctx.payments.insert(tx, payments)) !== payments.length) {
        // The endToEndId is unique at the SPI; the rows written so far go with the savepoint.
        throw new AppError(PaymentErrors.PAYMENTS_PARAMETRO_INVALIDO, 'Parâmetro endToEndId já utilizado.');
      }
      const at = wholeSeconds(now);
      const consumed = await ctx.consents.transition(tx, locked, 'CONSUMED', {
        at,
        paymentsCreated: consent.paymentDates.length,
      });
      if (consumed === undefined) throw invalidConsent('Consentimento inválido.');
      // One statement for every event of the request: the consent's and each payment's.
      await recordEvents(tx, [
        {
          type: 'payment-consent.status-changed' as const,
          brandId: locked.brandId,
          aggregateId: locked.consentId,
          occurredAt: at,
          payload: {
            consentId: locked.consentId,
            clientId: locked.clientId,
            status: 'CONSUMED',
            previousStatus: 'AUTHORISED',
          },
        },
        ...payments.map((p) => ({
          type: 'payment.status-changed' as const,
          brandId: p.brandId,
          aggregateId: p.paymentId,
          occurredAt: p.creationDateTime,
          payload: {
            paymentId: p.paymentId,
            consentId: p.consentId,
            clientId: p.clientId,
            status: 'RCVD',
            previousStatus: null,
          },
        })),
      ]);
      for (const p of payments) {
        await ctx.jobs.send(tx, 'payments.process', { brandId: p.brandId, paymentId: p.paymentId });
      }
      return {
        status: 201,
        body: {
          data: payments.map(paymentData),
          links: { self: paymentUrl(brand, payments[0]!.paymentId) },
          meta: { requestDateTime: requestDateTime(ctx.clock) },
        },
      };
    },

    async onRefusal(tx, error) {
      if (!(error instanceof ConsumingRefusal)) return;
      const locked = await ctx.consents.find(tx, brand.id, token.consentId, true);
      if (locked?.status === 'AUTHORISED') {
        await moveConsent(tx, ctx, locked, 'CONSUMED', { at: wholeSeconds(ctx.clock.now()) });
      }
    },
  });
}
