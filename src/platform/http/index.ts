export { createHttpApp } from './app.ts';
export type { HttpAppDeps, HttpAppOptions } from './app.ts';
export { defineErrors } from './error-catalogue.ts';
export type { ErrorDefinition, OAuthErrorCode } from './error-catalogue.ts';
export { PlatformErrors } from './platform-errors.ts';
export {
  formatRequestDateTime,
  requestDateTime,
  MetaRequestDateTime,
  OAuthErrorResponse,
  ResponseError,
} from './envelope.ts';
export { FapiRequestHeaders, INTERACTION_ID_HEADER, isValidInteractionId } from './fapi-headers.ts';
export type { ReadinessCheck } from './health.ts';
export { defineRoutes } from './routes.ts';
export type { ErrorShape, PonteApp, RouteApp, RoutePlugin } from './types.ts';
export { installClientCertificate } from './client-certificate.ts';
export type { ClientCertificateSource, PresentedCertificate } from './client-certificate.ts';
export { verifyBearer, type AccessTokenVerifier, type VerifiedToken } from './access-token.ts';
