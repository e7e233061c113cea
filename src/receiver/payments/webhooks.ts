import { setTimeout as sleep } from 'node:timers/promises';
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
 * The holder may notify before our own call that created the resource has stored the holder's
 * answer: it accepts the payment (201), starts processing, and its first webhook can arrive while
 * we are still writing the paymentId. A resource not found is looked up again for up to
 * `IN_FLIGHT_MS` before it is declared unknown (a 404 ends the holder's delivery for good).
 */
const IN_FLIGHT_MS = 2_000;
const LOOKUP_EVERY_MS = 100;

async function findSoon<T>(lookup: () => Promise<T | undefined>): Promise<T | undefined> {
  for (let waited = 0; ; waited += LOOKUP_EVERY_MS) {
    const found = await lookup();
    if (found !== undefined || waited >= IN_FLIGHT_MS) return found;
    await sleep(LOOKUP_EVERY_MS);
  }
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
    const row = await findSoon(() => paymentQueries.paymentAtHolder(ctx.db, orgId, notice.id));
    if (!row) throw unknown();
    return { orgId, process: async () => void (await refreshPayment(deps, row.id)) };
  }
  const row = await findSoon(() => paymentQueries.paymentConsentAtHolder(ctx.db, orgId, notice.id));
  if (!row) throw unknown();
  return { orgId, process: async () => void (await refreshPaymentConsent(deps, row.id)) };
}
