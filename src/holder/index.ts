/**
 * holder: the Phase-2 data APIs a transmitter serves (resources, customers, accounts, credit
 * cards, loans, financings, unarranged overdraft, invoice financings), behind the resource guard,
 * with pagination keys and traffic limits. Other modules import only from here. See README.md.
 */
export { holderRoutes, apisOffered, type HolderDeps } from './holder-routes.ts';
export type { HolderBrand } from './shared/respond.ts';
export { createResourceGuard, type ResourceGuard, type ResourceGuardDeps } from './guard/resource-guard.ts';
export type { HolderRequestContext, HolderRouteConfig } from './guard/context.ts';
export {
  createTrafficLimits,
  type OperationalKey,
  type TrafficLimits,
  type TrafficLimitsDeps,
} from './limits/traffic-limits.ts';
export {
  REGULATORY_LIMITS,
  trafficPolicy,
  type TrafficLimitsOverrides,
  type TrafficLimitsPolicy,
} from './limits/policy.ts';
export { createPaginationKeys, PAGINATION_KEY_TTL_MS, type PaginationKeys } from './paging/pagination-key.ts';
export { HOLDER_APIS, HOLDER_API_NAMES, type HolderApiName } from './policy/apis.ts';
export { ENDPOINTS, FREQUENCY_CLASSES, type EndpointId, type EndpointPolicy } from './policy/endpoints.ts';
export { HolderErrors, ConnectorAnswers, type HolderErrorCode } from './errors.ts';
export { holderTrafficCounters } from './limits/schema.ts';
export {
  createRouteCollector,
  openApiDocument,
  type ApiDescription,
  type CollectedRoute,
} from './openapi/document.ts';
export { registerApiDocs } from './openapi/routes.ts';
