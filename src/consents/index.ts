/**
 * Data-sharing consents (Open Finance Brasil consents API 3.3.1) and the internal consent
 * management API. Other modules import only from here.
 *
 * - `createConsentModule` builds the services; `consentRoutes` and `internalConsentRoutes`
 *   mount the HTTP APIs; `startExpirySweeps` runs the expiry job.
 * - authz consumes `ConsentAuthorization` (trust-core seam) and provides an
 *   `AccessTokenVerifier` and a `ClientDirectory`.
 * - Status changes are announced on the outbox: `consent.authorised`, `consent.rejected`,
 *   `consent.revoked`, `consent.expired` (src/platform/events catalog).
 */
export { createConsentModule, type ConsentModule, type ConsentService } from './service/index.ts';
export type { ConsentServiceDeps } from './service/context.ts';
export type { CreateConsentInput } from './service/create.ts';
export type { ExtendConsentInput } from './service/extend.ts';
export type { ConsentAuthorization, ConsentView } from './service/authorization.ts';
export {
  createConsentResourceAccess,
  type ConsentResourceAccess,
  type ConsentResourceAccessReader,
} from './service/resource-access.ts';
export type {
  ClientDirectory,
  ConsentManagement,
  CustomerDocumentRef,
  ManagedConsent,
} from './service/management.ts';
export { consentsQueues, type ConsentsJobPayloads } from './jobs.ts';
export { consentsEvents, type ConsentEnded, type ConsentsEventPayloads } from './events.ts';
export { startExpirySweeps, type ExpirySweepOptions } from './service/expiry-sweep.ts';

export {
  consentRoutes,
  singleBrand,
  CONSENTS_API_VERSION,
  type BrandResolver,
  type ConsentRoutesDeps,
} from './http/routes.ts';
export type { AccessTokenVerifier, VerifiedToken } from './http/access.ts';
export { CONSENTS_PATH } from './http/present.ts';
export {
  internalConsentRoutes,
  INTERNAL_CONSENTS_PATH,
  type InternalConsentRoutesDeps,
} from './internal/routes.ts';
export {
  apiKeyAuthenticator,
  API_KEY_HEADER,
  type ApiKey,
  type InternalAuthenticator,
  type InternalCaller,
} from './internal/auth.ts';

export { consentBrand, productsOfferedBy, CONSENT_ID_PATTERN, type ConsentBrand } from './domain/brand.ts';
export {
  PERMISSIONS,
  PERMISSION_GROUPS,
  PRODUCTS,
  type Permission,
  type PermissionGroup,
  type Product,
} from './domain/permissions.ts';
export {
  AUTHORISATION_TIMEOUT_MS,
  CONSENT_ENDED_EVENTS,
  CONSENT_STATUSES,
  REJECTED_BY,
  REJECTION_REASON_CODES,
  type ConsentStatus,
  type RejectedBy,
  type RejectionReasonCode,
} from './domain/status-policy.ts';
export { MAX_TERM_MONTHS } from './domain/expiration-policy.ts';
export type {
  Consent,
  ConsentDocument,
  ConsentExtension,
  ConsentResource,
  ConsentResourceStatus,
  Rejection,
} from './domain/model.ts';
export { ConsentErrors, type ConsentErrorCode } from './errors.ts';
export { consents, consentResources, consentExtensions } from './storage/schema.ts';
