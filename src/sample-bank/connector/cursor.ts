import { createHash } from 'node:crypto';
import { invalidQuery } from '../../connectors/index.ts';

/**
 * Keyset cursor for transaction pages: the (date-time, id) of the last item returned, plus a
 * fingerprint of the query it belongs to, so a cursor cannot be replayed against another account,
 * window or filter. Opaque to callers; not a secret (it names nothing the caller has not seen).
 */
export interface TransactionCursor {
  readonly instantMs: number;
  readonly transactionId: string;
}

const ID = /^[a-zA-Z0-9][a-zA-Z0-9-]{0,99}$/;

function fingerprint(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 12);
}

export function encodeCursor(cursor: TransactionCursor, scope: string): string {
  return Buffer.from(`v1|${cursor.instantMs}|${cursor.transactionId}|${fingerprint(scope)}`).toString(
    'base64url',
  );
}

/** Throws `CONNECTOR_INVALID_QUERY` for anything this connector did not issue for this query. */
export function decodeCursor(value: string, scope: string): TransactionCursor {
  const parts = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const [version, instant, transactionId, print] = parts;
  const instantMs = Number(instant);
  if (
    parts.length !== 4 ||
    version !== 'v1' ||
    !Number.isSafeInteger(instantMs) ||
    transactionId === undefined ||
    !ID.test(transactionId) ||
    print !== fingerprint(scope)
  ) {
    throw invalidQuery('the pagination cursor is not valid for this query');
  }
  return { instantMs, transactionId };
}
