import { AppError } from '../../platform/errors/index.ts';

/**
 * Stable codes a connector throws (as `AppError`). The data APIs map them: `*_NOT_FOUND` → 404
 * (never 403, so a client cannot probe which ids exist), `INVALID_QUERY` → 422/400,
 * `UNAVAILABLE` → 500 with no internals.
 */
export const ConnectorErrorCode = {
  /** No such customer for this brand, or the reference is of the other person type. */
  CUSTOMER_NOT_FOUND: 'CONNECTOR_CUSTOMER_NOT_FOUND',
  /** No such resource, or it belongs to another customer or brand. */
  RESOURCE_NOT_FOUND: 'CONNECTOR_RESOURCE_NOT_FOUND',
  /** Paging or filter values the contract does not allow (page < 1, from after to …). */
  INVALID_QUERY: 'CONNECTOR_INVALID_QUERY',
  /** The core system did not answer; retry later. */
  UNAVAILABLE: 'CONNECTOR_UNAVAILABLE',
} as const;

export type ConnectorErrorCode = (typeof ConnectorErrorCode)[keyof typeof ConnectorErrorCode];

export function resourceNotFound(kind: string, id: string): AppError {
  return new AppError(ConnectorErrorCode.RESOURCE_NOT_FOUND, `${kind} not found`, { detail: { kind, id } });
}

export function customerNotFound(): AppError {
  return new AppError(ConnectorErrorCode.CUSTOMER_NOT_FOUND, 'Customer not found');
}

export function invalidQuery(message: string, detail: Record<string, unknown> = {}): AppError {
  return new AppError(ConnectorErrorCode.INVALID_QUERY, message, { detail });
}
