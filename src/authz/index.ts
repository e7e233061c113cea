/**
 * The FAPI-BR authorization server (oidc-provider 9), one issuer per brand: DCR/DCM with
 * software statements, PAR, mTLS-bound tokens, consent-scoped grants, the customer's login and
 * consent pages, PostgreSQL storage; and the access-token verifier the resource servers use.
 * See README.md.
 */
export { createAuthorizationServer } from './create-authorization-server.ts';
export type { AuthorizationServer, AuthorizationServerDeps } from './create-authorization-server.ts';
export { combineVerifiers, certificateThumbprint } from './verifier/access-token-verifier.ts';
export { createDemoAuthenticator } from './customer-auth/demo.ts';
export { createCustomerAuthenticator } from './customer-auth/create-customer-authenticator.ts';
export type {
  ClosableCustomerAuthenticator,
  CustomerAuthConfig,
  CustomerAuthenticatorDeps,
  DemoAuthConfig,
} from './customer-auth/create-customer-authenticator.ts';
export type { LoginApiConfig } from './customer-auth/login-api.ts';
export type { OidcFederationConfig } from './customer-auth/oidc-federation.ts';
export type {
  Authentication,
  AuthenticatedCustomer,
  CustomerAuthenticator,
  FormAuthenticator,
  PendingRedirect,
  RedirectAuthenticator,
  RedirectCompletion,
} from './customer-auth/authenticator.ts';
export { ACR_LOA2, ACR_LOA3, type Acr } from './provider/acr.ts';
export type { AcrPolicy } from './policies/acr-requirements.ts';
export type { ConsentGrants } from './consent-grants/consent-grants.ts';
export { purgeExpiredHandler, purgeExpiredPayloads, type PurgeExpiredPayload } from './adapter/cleanup.ts';
export { authzQueues, type AuthzJobPayloads } from './jobs.ts';
export { AuthzErrors } from './errors.ts';
export {
  ACCESS_TOKEN_TTL_DEFAULT,
  ACCESS_TOKEN_TTL_MAX,
  ACCESS_TOKEN_TTL_MIN,
} from './policies/lifetimes.ts';
export { consentScope, consentIdOfScope } from './policies/consent-scope.ts';
export { MANDATORY_DISCOVERY_SCOPES, ROLE_SCOPES } from './policies/scopes.ts';
export type {
  AccessTokenVerifier,
  AuthzBrand,
  AuthzConsents,
  AuthzConsentView,
  AuthzDirectory,
  SoftwareStatementClaims,
  VerifiedAccessToken,
} from './types.ts';
