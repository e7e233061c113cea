import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';
import type { PaymentDeps } from './deps.ts';
import { verifyWebhookSignature } from './signatures.ts';
import { refreshPayment, refreshPaymentConsent } from './status.ts';
import { paymentQueries } from './store.ts';

export interface WebhookNotice {
  resource: 'payment' | 'consent';
  /** The holder's paymentId or consentId, from the path. */
  id: string;
  /** `x-jws-signature`. */
  signature: string | undefined;
  /** The body exactly as received. */
  body: Buffer;
}

/**
 * A holder's notification (webhook.yaml 1.2.0; DIGEST §4.7 "Webhooks"): the signature is
 * verified and the resource found among ours from that holder before the notification is
 * acknowledged; the work it announces (asking the holder for the new status, webhook.yaml: "a
 * receptora então faz GET") runs after the acknowledgement, through the returned `process`.
 */
export async function acceptWebhook(
  deps: PaymentDeps,
  notice: WebhookNotice,
): Promise<{ orgId: string; process: () => Promise<void> }> {
  const { ctx } = deps.consents;
  const { orgId } = await verifyWebhookSignature(ctx, deps.orgJwksUri, notice.signature, notice.body);
  const unknown = () =>
    new AppError(ReceiverErrors.RECEIVER_WEBHOOK_UNKNOWN_RESOURCE, 'Recurso desconhecido nesta detentora.', {
      detail: { resource: notice.resource, id: notice.id },
    });
  if (notice.resource === 'payment') {
    const row = await paymentQueries.paymentAtHolder(ctx.db, orgId, notice.id);
    if (!row) throw unknown();
    return { orgId, process: async () => void (await refreshPayment(deps, row.id)) };
  }
  const row = await paymentQueries.paymentConsentAtHolder(ctx.db, orgId, notice.id);
  if (!row) throw unknown();
  return { orgId, process: async () => void (await refreshPaymentConsent(deps, row.id)) };
}
