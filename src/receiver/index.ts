// The receiver (DESIGN §3.3): Ponte as a client of other institutions — DCR at every holder,
// consents in one call, token lifecycle, and a proxy of the holders' data APIs — behind a plain
// REST API for the institution's own apps. Wiring: see README.md.
export { receiverQueues, type ReceiverJobPayloads } from './jobs.ts';
export { receiverEvents, type ReceiverEventPayloads } from './events.ts';
export { createReceiver, type Receiver } from './receiver.ts';
export { receiverRoutes, type ReceiverRoutesOptions } from './routes/index.ts';
export type { ReceiverCredentials, ReceiverDeps, ReceiverDirectory } from './types.ts';
export { createMtlsTransport, type ReceiverFetch, type ReceiverTransport } from './transport.ts';
export { ReceiverErrors, type ReceiverErrorCode } from './errors.ts';
export { DATA_GROUPS, DATA_GROUP_NAMES, consentScope, type DataGroup } from './consents/data-groups.ts';
export { DATA_ENDPOINTS, type DataEndpoint } from './data/endpoints.ts';
export type { ConsentView, ReceiverConsentStatus } from './consents/store.ts';
export type { RegistrationView, RegistrationStatus } from './registration/store.ts';
export type { SyncSummary } from './registration/sync.ts';
export type { StartConsentInput, StartedConsent } from './consents/start.ts';
export type { DataAnswer, DataRequest } from './data/fetch-data.ts';
export type { StartPaymentInput } from './payments/order.ts';
export type { StartedPaymentConsent } from './payments/start.ts';
export type { PaymentView, ReceiverPaymentStatus } from './payments/store.ts';
export type { PaymentConsentView } from './payments/views.ts';
export {
  receiverConsents,
  receiverPaymentConsents,
  receiverPayments,
  receiverRegistrations,
} from './schema.ts';
