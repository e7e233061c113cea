import { randomUUID } from 'node:crypto';
import type { EventBus } from '../platform/events/index.ts';
import type { JobRecord } from '../platform/jobs/index.ts';
import { desc, and, eq } from 'drizzle-orm';
import type { PaymentsBrand } from './brand.ts';
import { createConsentAuthorization, type PaymentConsentAuthorization } from './consents/authorisation.ts';
import { createConsent, readConsent } from './consents/consent-service.ts';
import type { ConsentRequest } from './consents/model.ts';
import { brandOf, createContext, type PaymentsContext, type PaymentsDeps } from './context.ts';
import type { Answer } from './idempotency/idempotent.ts';
import { signJwt } from './jws/crypto.ts';
import { rememberJti } from './jws/jti-store.ts';
import { verifySignedRequest } from './jws/verify-request.ts';
import {
  cancelConsentPayments,
  cancelPayment,
  type CancellationRequest,
} from './pix-payments/cancel-payments.ts';
import { createPayments, type PaymentToken } from './pix-payments/create-payments.ts';
import type { PaymentRequestItem } from './pix-payments/model.ts';
import { paymentData, paymentUrl } from './pix-payments/present.ts';
import { ownPayment } from './pix-payments/read-payment.ts';
import { paymentWebhookAttempts } from './schema.ts';
import { resolvePending } from './settlement/process.ts';
import { reconcileNow } from './settlement/reconcile.ts';
import { startPaymentWorkers, type WorkerOptions } from './settlement/workers.ts';
import { subscribeWebhookDispatcher } from './webhooks/dispatcher.ts';
import type { WebhookPayload } from './webhooks/deliver.ts';
import type { WebhookSender } from './webhooks/sender.ts';
import { requestDateTime } from '../platform/http/index.ts';

/**
 * The payments module: what the routes call (`api`), the authorisation seam for payment consents
 * (`authorization`, for the consent-kind registry of authz), the workers (`startWorkers`), the
 * webhook dispatcher (`subscribeWebhooks`), and a few operator functions.
 */
export interface PaymentsModule {
  api: PaymentsApi;
  authorization: PaymentConsentAuthorization;
  /** Works the payment queues in this process (process, settle, reconcile, webhooks) and runs the sweeper. */
  startWorkers(options: WorkerOptions & { sender: WebhookSender }): Promise<{ stop(): Promise<void> }>;
  /** Turns payment and payment-consent status events into webhook jobs. */
  subscribeWebhooks(bus: EventBus): () => void;
  /** For the rail's `onFinished`: reconcile the payment of a transfer that just ended. */
  transferFinished(brandId: string, endToEndId: string): void;
  /** An analyst's decision on a payment held for analysis (PDNG). */
  resolvePending(brandId: string, paymentId: string, decision: 'APPROVE' | 'REJECT'): Promise<boolean>;
  /** Webhook attempts for a consent or payment, newest first (operators' view). */
  webhookAttempts(
    brandId: string,
    resourceId: string,
  ): Promise<Array<typeof paymentWebhookAttempts.$inferSelect>>;
  /** Notifications that gave up (dead letters), oldest first. */
  deadWebhooks(): Promise<Array<JobRecord<WebhookPayload>>>;
  /** The module's context (tests, the benchmark). */
  readonly context: PaymentsContext;
}

/** The use cases behind the Open Finance routes, one per endpoint, plus the JWS envelope. */
export interface PaymentsApi {
  verifyRequest(input: {
    brandId: string;
    clientOrgId: string;
    jwksUris: readonly string[];
    clientId: string;
    jwt: string;
    url: string;
  }): Promise<Record<string, unknown>>;
  signResponse(brandId: string, audience: string | undefined, body: Record<string, unknown>): Promise<string>;
  createConsent(
    brandId: string,
    clientId: string,
    data: ConsentRequest,
    idempotencyKey: string,
  ): Promise<Answer>;
  getConsent(brandId: string, consentId: string, clientId: string): Promise<unknown>;
  createPayments(
    brandId: string,
    token: PaymentToken,
    items: PaymentRequestItem[],
    idempotencyKey: string,
  ): Promise<Answer>;
  getPayment(brandId: string, paymentId: string, clientId: string): Promise<unknown>;
  cancelPayment(
    brandId: string,
    clientId: string,
    paymentId: string,
    data: CancellationRequest,
    idempotencyKey: string,
  ): Promise<Answer>;
  cancelConsentPayments(
    brandId: string,
    clientId: string,
    consentId: string,
    data: CancellationRequest,
    idempotencyKey: string,
  ): Promise<Answer>;
}

/**
 * @example
 *   const payments = createPaymentsModule({ db, clock, cipher, jobs, pix, clients, keys: directory, logger }, { brands: [brand] });
 *   await app.register(paymentRoutes, { payments, verifier, brands: () => brand.id });
 *   await payments.startWorkers({ sender: undiciWebhookSender(() => brandAgent) });
 *   payments.subscribeWebhooks(events);
 */
export function createPaymentsModule(
  deps: PaymentsDeps,
  input: { brands: readonly PaymentsBrand[] },
): PaymentsModule {
  const ctx = createContext(deps, input.brands);
  const api: PaymentsApi = {
    verifyRequest: ({ brandId, clientOrgId, jwksUris, clientId, jwt, url }) => {
      const brand = brandOf(ctx, brandId);
      return verifySignedRequest(jwt, {
        clientOrgId,
        jwksUris,
        audiences: [brand.orgId, url],
        now: ctx.clock.now(),
        keys: ctx.keys,
        rememberJti: (jti) => rememberJti(ctx.db, { brandId, clientId, jti }, ctx.clock.now()),
      });
    },
    signResponse: (brandId, audience, body) => {
      const brand = brandOf(ctx, brandId);
      const claims = {
        ...(audience === undefined ? {} : { aud: audience }),
        iss: brand.orgId,
        iat: Math.floor(ctx.clock.now().getTime() / 1000),
        jti: randomUUID(),
        ...body,
      };
      return signJwt(brand.signer, claims);
    },
    createConsent: (brandId, clientId, data, key) =>
      createConsent(ctx, brandOf(ctx, brandId), clientId, data, key),
    getConsent: (brandId, consentId, clientId) =>
      readConsent(ctx, brandOf(ctx, brandId), consentId, clientId),
    createPayments: (brandId, token, items, key) =>
      createPayments(ctx, brandOf(ctx, brandId), token, items, key),
    async getPayment(brandId, paymentId, clientId) {
      const brand = brandOf(ctx, brandId);
      const payment = await ownPayment(ctx, brandId, paymentId, clientId);
      return {
        data: paymentData(payment),
        links: { self: paymentUrl(brand, paymentId) },
        meta: { requestDateTime: requestDateTime(ctx.clock) },
      };
    },
    cancelPayment: (brandId, clientId, paymentId, data, key) =>
      cancelPayment(ctx, brandOf(ctx, brandId), clientId, paymentId, data, key),
    cancelConsentPayments: (brandId, clientId, consentId, data, key) =>
      cancelConsentPayments(ctx, brandOf(ctx, brandId), clientId, consentId, data, key),
  };
  return {
    api,
    authorization: createConsentAuthorization(ctx),
    startWorkers: (options) => startPaymentWorkers(ctx, options),
    subscribeWebhooks: (bus) => subscribeWebhookDispatcher(bus, ctx.jobs),
    transferFinished(brandId, endToEndId) {
      reconcileNow(ctx, brandId, endToEndId).catch((error: unknown) =>
        ctx.logger.warn(
          { err: error, endToEndId },
          'could not queue the reconciliation of a finished transfer',
        ),
      );
    },
    resolvePending: (brandId, paymentId, decision) => resolvePending(ctx, brandId, paymentId, decision),
    async webhookAttempts(brandId, resourceId) {
      return ctx.db
        .select()
        .from(paymentWebhookAttempts)
        .where(
          and(eq(paymentWebhookAttempts.brandId, brandId), eq(paymentWebhookAttempts.resourceId, resourceId)),
        )
        .orderBy(desc(paymentWebhookAttempts.id));
    },
    deadWebhooks: () => ctx.jobs.find('payments.webhook.dead'),
    context: ctx,
  };
}
