import { eq } from 'drizzle-orm';
import * as client from 'openid-client';
import { recordEvent } from '../../platform/events/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { registeredClientAt } from '../consents/authorisation-request.ts';
import { consentQueries } from '../consents/store.ts';
import { NO_TOKENS, transition } from '../consents/transition.ts';
import { ReceiverErrors } from '../errors.ts';
import { apiBase, findHolder, holderServers, type HolderServer } from '../holders/holders.ts';
import { receiverPaymentConsents, type ReceiverConsentRow } from '../schema.ts';
import type { PaymentDeps } from './deps.ts';
import { callSigned } from './signed-call.ts';
import {
  FINAL_PAYMENT_STATUSES,
  PAYMENT_CONSENT_STATUSES,
  PAYMENT_STATUSES,
  paymentQueries,
  paymentView,
  recordPaymentStatus,
  type PaymentView,
} from './store.ts';

/** A signed GET at the holder's payments API with a client_credentials token (DIGEST §4.1 item 4). */
async function readAtHolder(deps: PaymentDeps, consent: ReceiverConsentRow, route: string) {
  const { ctx } = deps.consents;
  const server: HolderServer = findHolder(
    holderServers(await ctx.directory.participants()),
    consent.authorisationServerId,
  );
  const { config } = await registeredClientAt(deps.consents, server);
  const { access_token: token } = await deps.consents.oauth(() =>
    client.clientCredentialsGrant(config, { scope: 'payments' }),
  );
  const answer = await callSigned(ctx, deps.orgJwksUri, `${apiBase(server, 'payments', 4)}${route}`, {
    method: 'GET',
    token,
    holderOrgId: consent.orgId,
  });
  return (answer.data ?? {}) as Record<string, unknown>;
}

/** Asks the holder for the payment's status (GET /pix/payments/{paymentId}) and records it. */
export async function refreshPayment(deps: PaymentDeps, id: string): Promise<PaymentView> {
  const { ctx } = deps.consents;
  const row = await paymentQueries.payment(ctx.db, id);
  if (!row) throw new AppError(ReceiverErrors.RECEIVER_PAYMENT_NOT_FOUND, 'Pagamento não encontrado.');
  if (!row.paymentId) return paymentView(row);
  const consent = (await consentQueries.byId(ctx.db, row.consentRowId))!;
  const data = await readAtHolder(deps, consent, `/pix/payments/${encodeURIComponent(row.paymentId)}`);
  const status = PAYMENT_STATUSES.find((s) => s !== 'PENDING' && s === data.status);
  if (status === undefined) {
    throw new AppError(
      ReceiverErrors.RECEIVER_HOLDER_REJECTED,
      'A detentora respondeu um status desconhecido.',
      {
        detail: { status: data.status },
      },
    );
  }
  const reason = (data.rejectionReason as { code?: unknown } | undefined)?.code;
  const updated = await ctx.db.transaction(async (tx) => {
    const locked = (await paymentQueries.payment(tx, id, { forUpdate: true }))!;
    return recordPaymentStatus(tx, {
      row: locked,
      status,
      brandId: ctx.brandId,
      now: ctx.clock.now(),
      reason: typeof reason === 'string' ? reason : null,
    });
  });
  return paymentView(updated);
}

/**
 * The payment as last known, asked again at the holder first when it is not final and its
 * status is older than `staleAfterMs`. A holder that cannot answer now leaves the known status.
 */
export async function getPayment(deps: PaymentDeps, id: string): Promise<PaymentView> {
  const { ctx } = deps.consents;
  const row = await paymentQueries.payment(ctx.db, id);
  if (!row) throw new AppError(ReceiverErrors.RECEIVER_PAYMENT_NOT_FOUND, 'Pagamento não encontrado.');
  const age = ctx.clock.now().getTime() - (row.checkedAt ?? row.createdAt).getTime();
  if (!row.paymentId || FINAL_PAYMENT_STATUSES.has(row.status) || age < deps.staleAfterMs) {
    return paymentView(row);
  }
  try {
    return await refreshPayment(deps, id);
  } catch (error) {
    ctx.logger.warn({ id, err: error }, 'payment status refresh failed; answering the known status');
    return paymentView(row);
  }
}

/**
 * Asks the holder for the payment consent (GET /consents/{consentId}) and records its status;
 * a change records `receiver-payment-consent.status-changed`. A consent the holder rejected
 * (customer refused, time ran out) ends here too, tokens wiped.
 */
export async function refreshPaymentConsent(deps: PaymentDeps, id: string): Promise<string> {
  const { ctx } = deps.consents;
  const consent = await consentQueries.byId(ctx.db, id);
  if (consent?.kind !== 'PAYMENT') {
    throw new AppError(ReceiverErrors.RECEIVER_CONSENT_NOT_FOUND, 'Consentimento não encontrado.');
  }
  const data = await readAtHolder(deps, consent, `/consents/${encodeURIComponent(consent.consentId)}`);
  const status = PAYMENT_CONSENT_STATUSES.find((s) => s === data.status);
  if (status === undefined) {
    throw new AppError(
      ReceiverErrors.RECEIVER_HOLDER_REJECTED,
      'A detentora respondeu um status desconhecido.',
    );
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const locked = (await paymentQueries.paymentConsent(tx, id, { forUpdate: true }))!;
    await tx
      .update(receiverPaymentConsents)
      .set({ holderStatus: status, checkedAt: now, updatedAt: now })
      .where(eq(receiverPaymentConsents.id, id));
    if (locked.holderStatus === status) return;
    await recordEvent(tx, {
      type: 'receiver-payment-consent.status-changed',
      brandId: ctx.brandId,
      aggregateId: id,
      payload: {
        id,
        consentId: consent.consentId,
        orgId: consent.orgId,
        status,
        previousStatus: locked.holderStatus,
      },
    });
    const current = (await consentQueries.byId(tx, id, { forUpdate: true }))!;
    if (
      status === 'REJECTED' &&
      (current.status === 'AWAITING_AUTHORISATION' || current.status === 'AUTHORISED')
    ) {
      const code = (data.rejectionReason as { code?: unknown } | undefined)?.code;
      await transition(tx, {
        row: current,
        status: 'REJECTED',
        brandId: ctx.brandId,
        now,
        reason: typeof code === 'string' ? code : 'rejected_at_holder',
        set: NO_TOKENS,
      });
    }
  });
  return status;
}
