import { MAX_PAGE_SIZE, type PageRequest } from './common.ts';
import type { TransactionQuery } from './accounts.ts';
import { invalidQuery } from './errors.ts';

/**
 * Checks an implementation runs before touching its store, so every connector refuses the same
 * inputs with the same code (`CONNECTOR_INVALID_QUERY`).
 */
export function assertPageRequest(page: PageRequest): void {
  if (!Number.isInteger(page.page) || page.page < 1) throw invalidQuery('page must be an integer ≥ 1');
  assertPageSize(page.pageSize);
}

export function assertPageSize(pageSize: number): void {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw invalidQuery(`page size must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function assertTransactionQuery(query: TransactionQuery): void {
  const { fromBookingDate: from, toBookingDate: to, paging } = query;
  if (!isIsoDate(from) || !isIsoDate(to)) throw invalidQuery('booking dates must be YYYY-MM-DD');
  if (from > to) throw invalidQuery('fromBookingDate is after toBookingDate', { from, to });
  assertPageSize(paging.pageSize);
  if (paging.cursor === undefined && (!Number.isInteger(paging.page) || paging.page < 1)) {
    throw invalidQuery('page must be an integer ≥ 1');
  }
}

/** Number of pages for `totalRecords` items, as the spec's `meta.totalPages` counts them. */
export function totalPages(totalRecords: number, pageSize: number): number {
  return Math.ceil(totalRecords / pageSize);
}
