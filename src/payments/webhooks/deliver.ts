import { randomUUID } from 'node:crypto';
import type { JobContext, JobStatus } from '../../platform/jobs/index.ts';
import type { PaymentsJobPayloads } from '../jobs.ts';
import { brandOf, type PaymentsContext } from '../context.ts';
import { signDetached } from '../jws/crypto.ts';
import { paymentWebhookAttempts } from '../schema.ts';
import type { WebhookSender } from './sender.ts';

/** The header carrying the notification's detached JWS (RFC 7515 Appendix F). */
export const WEBHOOK_SIGNATURE_HEADER = 'x-jws-signature';
/** Version of the payments API the notification is about (webhook.yaml `versionApi`). */
const VERSION_API = 'v4';

export type WebhookPayload = PaymentsJobPayloads['payments.webhook'];

/** `<webhook_uri>/open-banking/webhook/v1/payments/v4/{consents|pix/payments}/{id}` (Convenção de Webhook). */
export function webhookUrl(base: string, payload: Pick<WebhookPayload, 'resource' | 'resourceId'>): string {
  const id = encodeURIComponent(payload.resourceId).replaceAll('%3A', ':');
  const path = payload.resource === 'consent' ? 'consents' : 'pix/payments';
  return `${base.replace(/\/+$/, '')}/open-banking/webhook/v1/payments/${VERSION_API}/${path}/${id}`;
}

/**
 * `payments.webhook`: POSTs `{ data: { timestamp } }` (webhook.yaml RequestBodyWebhook) to the
 * initiator's registered webhook URI, over mTLS, with a fresh `x-webhook-interaction-id` per
 * attempt and the body signed PS256 by the brand's key (detached JWS in `x-jws-signature`,
 * verifiable with the brand's directory JWKS; the protected header carries `iss` = the brand's
 * organisationId, `aud` = the initiator's, `iat`). Every attempt is recorded. A 2xx ends it; a
 * 4xx other than 408/429 is final (dead letter at once); anything else is retried with backoff by
 * the queue, then dead-lettered.
 */
export async function deliverWebhook(
  ctx: PaymentsContext,
  sender: WebhookSender,
  payload: WebhookPayload,
  job: Pick<JobContext, 'attempt' | 'signal'>,
  maxAttempts: number,
): Promise<JobStatus> {
  const client = await ctx.clients.find(payload.brandId, payload.clientId);
  const base = client?.webhookUris[0];
  if (client === undefined || base === undefined) return 'skipped';
  const brand = brandOf(ctx, payload.brandId);
  const url = webhookUrl(base, payload);
  const body = JSON.stringify({ data: { timestamp: payload.timestamp } });
  const interactionId = randomUUID();
  const signature = await signDetached(brand.signer, Buffer.from(body), {
    iss: brand.orgId,
    aud: client.orgId,
    iat: Math.floor(ctx.clock.now().getTime() / 1000),
  });
  const record = async (outcome: 'DELIVERED' | 'RETRY' | 'DEAD', statusCode?: number, error?: string) => {
    await ctx.db.insert(paymentWebhookAttempts).values({
      brandId: payload.brandId,
      clientId: payload.clientId,
      resource: payload.resource,
      resourceId: payload.resourceId,
      url,
      interactionId,
      attempt: job.attempt,
      statusCode: statusCode ?? null,
      error: error ?? null,
      outcome,
      attemptedAt: ctx.clock.now(),
    });
  };
  const last = job.attempt >= maxAttempts;
  let status: number;
  try {
    ({ status } = await sender.post({
      brandId: payload.brandId,
      url,
      body,
      signal: job.signal,
      headers: {
        'content-type': 'application/json',
        'x-webhook-interaction-id': interactionId,
        [WEBHOOK_SIGNATURE_HEADER]: signature,
      },
    }));
  } catch (error) {
    await record(last ? 'DEAD' : 'RETRY', undefined, error instanceof Error ? error.message : String(error));
    throw error;
  }
  if (status >= 200 && status < 300) {
    await record('DELIVERED', status);
    return 'completed';
  }
  const final = status >= 400 && status < 500 && status !== 408 && status !== 429;
  await record(final || last ? 'DEAD' : 'RETRY', status);
  if (final) return 'deadletter';
  throw new Error(`webhook answered ${status}`);
}
