import type { ConsentResourceAccess, VerifiedToken } from '../../consents/index.ts';
import type { CoreResourceStatus, CustomerRef, ResourceType } from '../../connectors/index.ts';
import type { EndpointPolicy } from '../policy/endpoints.ts';
import type { PagingState } from '../paging/paging-state.ts';

/** How a route pages: numbered pages with totals (Links + Meta) or transactions (no `last`). */
export type PagingMode = 'pages' | 'transactions';

/** What a protected route declares in its `config.holder`. */
export interface HolderRouteConfig {
  readonly endpoint: EndpointPolicy;
  readonly paging?: PagingMode;
}

/** Status of a linked resource as the data APIs see it (resources 3.1.0 `status`). */
export type LinkedResourceStatus = CoreResourceStatus | 'PENDING_AUTHORISATION';

/** What the guard established for a request, for its handler. */
export interface HolderRequestContext {
  /** When the guard admitted the request (one clock reading for every check of it). */
  readonly at: Date;
  /** Consent and request URL: what makes two requests the same (memos of scope and answer). */
  readonly requestKey: string;
  readonly token: VerifiedToken;
  readonly consent: ConsentResourceAccess;
  /** The customer who authorised the consent (the connector's reference). */
  readonly customer: CustomerRef;
  /** Current status of each linked resource of a type (consent link and core system combined). */
  resourceStatuses(type: ResourceType): Promise<ReadonlyMap<string, LinkedResourceStatus>>;
  /** The resource the endpoint reads (its path id), once checked. */
  resourceId?: string;
  /** Paged endpoints: page, size, pagination-key state. */
  paging?: PagingState;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the resource guard on protected Phase-2 routes. */
    holder: HolderRequestContext;
  }
  interface FastifyContextConfig {
    /** A protected Phase-2 endpoint: the resource guard enforces its policy. */
    holder?: HolderRouteConfig;
  }
}
