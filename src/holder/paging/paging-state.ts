import { hash } from 'node:crypto';
import type { PaginationKeyPayload, PaginationKeys } from './pagination-key.ts';

/**
 * The paging of one request: page and size asked, and the pagination-key situation. A request
 * that presents a valid key for its own query is a follow-up page (`followUp`): it is neither
 * checked nor counted against the operational limits (DIGEST §8.5).
 */
export interface PagingState {
  readonly page: number;
  readonly pageSize: number;
  readonly followUp: boolean;
  /** The connector cursor for this page, when the presented key carried it. */
  readonly cursor?: string;
  /**
   * The key for a link (optionally with the cursor of the page it leads to); undefined on
   * endpoints without operational limits, where a key would exempt nothing (resources).
   */
  keyFor(target?: { page: number; cursor?: string }): string | undefined;
}

/** Query parameters that page rather than filter: they never change the key's scope. */
const PAGING_PARAMS = new Set(['page', 'pagination-key']);

/** Fingerprint of what a pagination is over: consent, endpoint, resource, filters and page size. */
export function pagingScope(parts: {
  consentId: string;
  endpointId: string;
  resourceId?: string;
  query: Readonly<Record<string, unknown>>;
}): string {
  const filters = Object.keys(parts.query)
    .filter((k) => !PAGING_PARAMS.has(k) && parts.query[k] !== undefined)
    .sort()
    .map((k) => `${k}=${String(parts.query[k])}`)
    .join('&');
  const subject = `${parts.consentId}\u0000${parts.endpointId}\u0000${parts.resourceId ?? ''}\u0000${filters}`;
  return hash('sha256', subject, 'base64url').slice(0, 22);
}

export function pagingState(input: {
  /** Absent: the endpoint issues no pagination-key. */
  keys: PaginationKeys | undefined;
  scope: string;
  now: number;
  page: number;
  pageSize: number;
  presentedKey: string | undefined;
}): PagingState {
  const keys = input.keys;
  const presented = keys?.verify(input.presentedKey, input.scope);
  // Whole seconds: the keys of one page asked within a second are the same (and memoised).
  const iat = presented?.iat ?? input.now - (input.now % 1000);
  const cursor = presented?.page === input.page ? presented.cursor : undefined;
  let plain: string | undefined;
  return {
    page: input.page,
    pageSize: input.pageSize,
    followUp: presented !== undefined,
    ...(cursor === undefined ? {} : { cursor }),
    keyFor(target) {
      if (keys === undefined) return undefined;
      if (target?.cursor === undefined) {
        plain ??= keys.issue({ iat, scope: input.scope });
        return plain;
      }
      const payload: PaginationKeyPayload = {
        iat,
        scope: input.scope,
        page: target.page,
        cursor: target.cursor,
      };
      return keys.issue(payload);
    },
  };
}
