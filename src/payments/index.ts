/**
 * Payments: Pix payment initiation, account holder side (Open Finance Brasil payments API 4.0.0).
 * Signed messages (JWS PS256 both ways), payment consents with their expiries and the customer's
 * authorisation page, Pix payments (immediate and scheduled) settled through the connector's
 * Pix rail by pg-boss jobs, idempotency keys, signed webhooks to initiators, a fraud hook.
 * See README.md. Other modules import only from here.
 */
export { paymentsQueues, type PaymentsJobPayloads } from './jobs.ts';
export { paymentsEvents, type PaymentsEventPayloads } from './events.ts';
export { createPaymentsModule, type PaymentsApi, type PaymentsModule } from './module.ts';
export type { PaymentsDeps, PaymentsOptions } from './context.ts';
export { PAYMENTS_API_VERSION, PAYMENTS_PATH, type PaymentsBrand } from './brand.ts';
export { paymentRoutes, type PaymentRoutesDeps } from './http/routes.ts';
export type { AccessTokenVerifier, VerifiedToken } from './http/access.ts';
export {
  paymentClientsFromProviders,
  type ClientFinder,
  type PaymentClient,
  type PaymentClients,
  type RegisteredClient,
} from './clients/payment-clients.ts';
export {
  createConsentKindRegistry,
  type ConsentAuthorizationPort,
  type ConsentKind,
} from './consent-kinds/registry.ts';
export type { PaymentConsentAuthorization, PaymentConsentView } from './consents/authorisation.ts';
export type { JwksSource } from './jws/directory-keys.ts';
export { undiciWebhookSender, type WebhookSender } from './webhooks/sender.ts';
export { WEBHOOK_SIGNATURE_HEADER, webhookUrl } from './webhooks/deliver.ts';
export type { WorkerOptions } from './settlement/workers.ts';
export { PaymentErrors, type PaymentErrorCode } from './errors.ts';
export { buildEndToEndId, parseEndToEndId } from './domain/end-to-end-id.ts';
export { buildStaticQrCode, parsePixQrCode } from './domain/qr-code.ts';
export { CONSENT_STATUSES, type ConsentStatus } from './domain/consent-status.ts';
export { PAYMENT_STATUSES, type PaymentStatus } from './domain/payment-status.ts';
export {
  paymentConsents,
  pixPayments,
  paymentIdempotency,
  paymentJtis,
  paymentWebhookAttempts,
} from './schema.ts';
