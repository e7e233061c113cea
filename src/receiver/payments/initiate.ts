import { randomUUID } from 'node:crypto';
import { buildEndToEndId } from '../../payments/index.ts';
import { normaliseCnpj } from '../../platform/documents/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { accessTokenFor } from '../consents/tokens.ts';
import { consentQueries } from '../consents/store.ts';
import { NO_TOKENS, transition } from '../consents/transition.ts';
import { ReceiverErrors } from '../errors.ts';
import { HolderResponseError } from '../holders/holder-call.ts';
import { apiBase, findHolder, holderServers } from '../holders/holders.ts';
import { receiverPayments, type ReceiverConsentRow, type ReceiverPaymentRow } from '../schema.ts';
import type { ReceiverContext } from '../types.ts';
import type { PaymentDeps } from './deps.ts';
import type { PaymentOrder } from './order.ts';
import { callSigned } from './signed-call.ts';
import {
  PAYMENT_STATUSES,
  paymentQueries,
  paymentView,
  recordPaymentStatus,
  type PaymentView,
} from './store.ts';
import { eq } from 'drizzle-orm';

/** `cnpjInitiator` and the ISPB of our endToEndIds (credentials, else the directory's CNPJ). */
async function initiatorOf(ctx: ReceiverContext): Promise<{ cnpj: string; ispb: string }> {
  const own = (await ctx.directory.participants()).find((org) => org.OrganisationId === ctx.identity.orgId);
  const cnpj = normaliseCnpj(ctx.identity.initiator.cnpj ?? own?.RegistrationNumber ?? '');
  if (cnpj === null) {
    throw new AppError(
      ReceiverErrors.RECEIVER_INITIATOR_UNKNOWN,
      'O CNPJ da iniciadora não está configurado nem publicado no diretório.',
    );
  }
  return { cnpj, ispb: ctx.identity.initiator.ispb ?? cnpj.slice(0, 8) };
}

/** payments.yaml `CreatePixPayment.data` (one item: one single payment) from the consent's order. */
function paymentItems(
  order: PaymentOrder,
  consentId: string,
  initiator: { cnpj: string; ispb: string },
  now: Date,
) {
  const { payment } = order.consent;
  const scheduledDate = payment.schedule?.single.date;
  return [
    {
      // payments.yaml EndToEndId: E + ISPB + yyyyMMddHHmm (UTC) + 11; scheduled: the day at 15:00 UTC.
      endToEndId: buildEndToEndId(initiator.ispb, scheduledDate ? { scheduledDate } : now),
      localInstrument: payment.details.localInstrument,
      payment: { amount: payment.amount, currency: payment.currency },
      creditorAccount: payment.details.creditorAccount,
      ...(order.remittanceInformation && { remittanceInformation: order.remittanceInformation }),
      ...(payment.details.qrCode && { qrCode: payment.details.qrCode }),
      ...(payment.details.proxy && { proxy: payment.details.proxy }),
      cnpjInitiator: initiator.cnpj,
      consentId,
    },
  ];
}

function notPaymentConsent(row: ReceiverConsentRow | undefined): asserts row is ReceiverConsentRow {
  if (!row) throw new AppError(ReceiverErrors.RECEIVER_CONSENT_NOT_FOUND, 'Consentimento não encontrado.');
  if (row.kind !== 'PAYMENT') {
    throw new AppError(
      ReceiverErrors.RECEIVER_NOT_A_PAYMENT_CONSENT,
      'Este consentimento não é de pagamento.',
    );
  }
}

/**
 * The payment row, created once per consent before the holder is called: its x-idempotency-key
 * and its `data` (endToEndId included) are what every retry sends again (DIGEST §4.3), so a
 * retried second call can only return the same payment.
 */
async function pendingPayment(deps: PaymentDeps, consent: ReceiverConsentRow): Promise<ReceiverPaymentRow> {
  const { ctx } = deps.consents;
  const existing = await paymentQueries.paymentOfConsent(ctx.db, consent.id);
  if (existing) return existing;
  const paymentConsent = await paymentQueries.paymentConsent(ctx.db, consent.id);
  const order = deps.paymentSecrets.openOrder(paymentConsent!);
  const now = ctx.clock.now();
  const items = paymentItems(order, consent.consentId, await initiatorOf(ctx), now);
  const id = randomUUID();
  await ctx.db
    .insert(receiverPayments)
    .values({
      id,
      consentRowId: consent.id,
      orgId: consent.orgId,
      consentId: consent.consentId,
      endToEndId: items[0]!.endToEndId,
      idempotencyKey: randomUUID(),
      requestEncrypted: deps.paymentSecrets.sealItems(id, items),
      status: 'PENDING',
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: receiverPayments.consentRowId });
  // A concurrent call may have won: whichever row exists is the payment.
  return (await paymentQueries.paymentOfConsent(ctx.db, consent.id))!;
}

/**
 * The second call: the signed `POST /pix/payments` (DIGEST §4.5) with the payment consent's
 * authorization_code token. On the holder's 201 the payment takes its status (event recorded)
 * and the consent becomes CONSUMED with its tokens wiped, in one transaction. Answers
 * `{ payment, created }`: `created` false when an earlier call already made it.
 */
export async function initiatePayment(
  deps: PaymentDeps,
  consentRowId: string,
): Promise<{ payment: PaymentView; created: boolean }> {
  const { ctx } = deps.consents;
  const consent = await consentQueries.byId(ctx.db, consentRowId);
  notPaymentConsent(consent);
  const existing = await paymentQueries.paymentOfConsent(ctx.db, consent.id);
  if (existing?.paymentId) return { payment: paymentView(existing), created: false };
  if (consent.status !== 'AUTHORISED') {
    throw new AppError(
      ReceiverErrors.RECEIVER_CONSENT_NOT_ACTIVE,
      `O consentimento de pagamento está ${consent.status}: o cliente ainda não o autorizou.`,
      { detail: { id: consent.id, status: consent.status } },
    );
  }
  const { token } = await accessTokenFor(deps.consents, consent.id);
  const row = await pendingPayment(deps, consent);
  const server = findHolder(holderServers(await ctx.directory.participants()), consent.authorisationServerId);
  let answer;
  try {
    answer = await callSigned(ctx, deps.orgJwksUri, `${apiBase(server, 'payments', 4)}/pix/payments`, {
      method: 'POST',
      token,
      holderOrgId: consent.orgId,
      data: deps.paymentSecrets.openItems(row),
      idempotencyKey: row.idempotencyKey,
    });
  } catch (error) {
    const reason = error instanceof HolderResponseError ? error.message : (error as Error).message;
    await ctx.db
      .update(receiverPayments)
      .set({ lastError: reason.slice(0, 500), updatedAt: ctx.clock.now() })
      .where(eq(receiverPayments.id, row.id));
    throw error;
  }
  const [created] = Array.isArray(answer.data) ? (answer.data as Array<Record<string, unknown>>) : [];
  const status = PAYMENT_STATUSES.find((s) => s !== 'PENDING' && s === created?.status);
  if (typeof created?.paymentId !== 'string' || status === undefined) {
    throw new AppError(
      ReceiverErrors.RECEIVER_HOLDER_REJECTED,
      'A detentora não devolveu paymentId e status.',
    );
  }
  const now = ctx.clock.now();
  const paid = await ctx.db.transaction(async (tx) => {
    const locked = (await paymentQueries.payment(tx, row.id, { forUpdate: true }))!;
    if (locked.paymentId) return locked;
    const updated = await recordPaymentStatus(tx, {
      row: locked,
      status,
      brandId: ctx.brandId,
      now,
      reason: (created.rejectionReason as { code?: string } | undefined)?.code ?? null,
      set: { paymentId: created.paymentId as string, lastError: null },
    });
    const current = await consentQueries.byId(tx, consent.id, { forUpdate: true });
    if (current?.status === 'AUTHORISED') {
      // DIGEST §4.1: the consent is CONSUMED by its payment; its tokens have no further use.
      await transition(tx, { row: current, status: 'CONSUMED', brandId: ctx.brandId, now, set: NO_TOKENS });
    }
    return updated;
  });
  ctx.logger.info(
    {
      id: paid.id,
      paymentId: paid.paymentId,
      status: paid.status,
      fapiInteractionId: answer.fapiInteractionId,
    },
    'payment initiated at holder',
  );
  return { payment: paymentView(paid), created: true };
}
