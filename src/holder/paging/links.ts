import type { PagingState } from './paging-state.ts';

/**
 * HATEOAS links of Phase-2 responses (DIGEST §3.2): absolute URLs on the brand's API base; `self`
 * always, `first`/`prev` when not on the first page, `next`/`last` when not on the last one.
 * Query strings are rebuilt from the validated parameters (never echoed raw), each page link with
 * the pagination-key that keeps follow-up pages out of the operational limits.
 */
export interface LinkTarget {
  /** `https://api.bank.example/open-banking/accounts/v2/accounts` (no query). */
  readonly url: string;
  /** Filters of the request in a stable order (page, page-size and pagination-key excluded). */
  readonly filters: ReadonlyArray<readonly [string, string | number | undefined]>;
}

function href(target: LinkTarget, page?: number, pageSize?: number, key?: string): string {
  const params = new URLSearchParams();
  for (const [name, value] of target.filters) if (value !== undefined) params.set(name, String(value));
  if (page !== undefined) params.set('page', String(page));
  if (pageSize !== undefined) params.set('page-size', String(pageSize));
  if (key !== undefined) params.set('pagination-key', key);
  const query = params.toString();
  return query === '' ? target.url : `${target.url}?${query}`;
}

/** `links` of a single resource (LinksSingle, LinksAccountId …). */
export function selfLink(target: LinkTarget): { self: string } {
  return { self: href(target) };
}

export interface PageLinks {
  self: string;
  first?: string;
  prev?: string;
  next?: string;
  last?: string;
}

/** `Links` of a numbered list: `totalPages` from the count (0 for an empty list). */
export function pageLinks(target: LinkTarget, paging: PagingState, totalPages: number): PageLinks {
  const { page, pageSize } = paging;
  const key = paging.keyFor();
  const at = (p: number) => href(target, p, pageSize, key);
  const links: PageLinks = { self: at(page) };
  if (page > 1) {
    links.first = at(1);
    links.prev = at(Math.min(page - 1, Math.max(totalPages, 1)));
  }
  if (page < totalPages) {
    links.next = at(page + 1);
    links.last = at(totalPages);
  }
  return links;
}

export interface TransactionLinks {
  self: string;
  first?: string;
  prev?: string;
  next?: string;
}

/**
 * `TransactionsLinks` (no `last`): `next` when the connector has more, its key carrying the
 * keyset cursor so the next page is a seek, not an offset scan.
 */
export function transactionLinks(
  target: LinkTarget,
  paging: PagingState,
  nextCursor: string | null,
): TransactionLinks {
  const { page, pageSize } = paging;
  const plain = (p: number) => href(target, p, pageSize, paging.keyFor());
  const links: TransactionLinks = {
    self: href(
      target,
      page,
      pageSize,
      paging.keyFor(paging.cursor ? { page, cursor: paging.cursor } : undefined),
    ),
  };
  if (page > 1) {
    links.first = plain(1);
    links.prev = plain(page - 1);
  }
  if (nextCursor !== null) {
    links.next = href(target, page + 1, pageSize, paging.keyFor({ page: page + 1, cursor: nextCursor }));
  }
  return links;
}
