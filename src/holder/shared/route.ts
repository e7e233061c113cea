import type { PagingMode } from '../guard/context.ts';
import { ENDPOINTS, type EndpointId } from '../policy/endpoints.ts';

/**
 * Route options of a protected Phase-2 endpoint: the platform's x-fapi-* checks (`fapi`), the
 * endpoint's policy for the resource guard (`holder`), and validation errors attached to the
 * request so the guard decides what they answer (401 before 400; 422 for a page-size over 1000).
 */
export function protectedRoute<S>(schema: S, id: EndpointId, paging?: PagingMode) {
  return {
    schema,
    attachValidation: true,
    config: { fapi: true, holder: { endpoint: ENDPOINTS[id], ...(paging ? { paging } : {}) } },
  };
}
