import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCursor, encodeCursor } from './cursor.ts';

describe('transaction cursor', () => {
  const cursor = { instantMs: 1_751_300_000_123, transactionId: 'a1b2c3d4e5f60718' };

  it('round-trips for the query it was issued for', () => {
    assert.deepEqual(
      decodeCursor(encodeCursor(cursor, 'acc|2025-01-01|2025-01-31|'), 'acc|2025-01-01|2025-01-31|'),
      cursor,
    );
  });

  it('refuses a cursor issued for another account, window or filter', () => {
    const issued = encodeCursor(cursor, 'acc|2025-01-01|2025-01-31|');
    for (const scope of [
      'other|2025-01-01|2025-01-31|',
      'acc|2025-01-02|2025-01-31|',
      'acc|2025-01-01|2025-01-31|DEBITO',
    ]) {
      assert.throws(() => decodeCursor(issued, scope), { code: 'CONNECTOR_INVALID_QUERY' });
    }
  });

  it('refuses garbage and a tampered id', () => {
    assert.throws(() => decodeCursor('not-a-cursor', 's'), { code: 'CONNECTOR_INVALID_QUERY' });
    const tampered = Buffer.from(`v1|${cursor.instantMs}|x' OR 1=1|abc`).toString('base64url');
    assert.throws(() => decodeCursor(tampered, 's'), { code: 'CONNECTOR_INVALID_QUERY' });
  });
});
