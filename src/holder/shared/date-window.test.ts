import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { optionalRange, shiftDate, transactionWindow } from './date-window.ts';

const names = { from: 'fromBookingDate', to: 'toBookingDate' };
const refused = (fn: () => unknown) =>
  assert.throws(fn, (e: unknown) => (e as { code?: string }).code === 'INVALID_DATE_RANGE');

describe('transaction date windows (accounts 2.4.2, credit-cards-accounts 2.3.1)', () => {
  it('defaults both dates to today (Brasília)', () => {
    assert.deepEqual(transactionWindow({}, '2025-06-30', 'history', names), {
      from: '2025-06-30',
      to: '2025-06-30',
    });
  });

  it('requires both dates or neither', () => {
    refused(() => transactionWindow({ from: '2025-06-01' }, '2025-06-30', 'history', names));
    refused(() => transactionWindow({ to: '2025-06-01' }, '2025-06-30', 'history', names));
  });

  it('allows 12 months back and 12 forward on /transactions', () => {
    assert.ok(transactionWindow({ from: '2024-06-30', to: '2026-06-30' }, '2025-06-30', 'history', names));
    refused(() =>
      transactionWindow({ from: '2024-06-29', to: '2025-06-30' }, '2025-06-30', 'history', names),
    );
    refused(() =>
      transactionWindow({ from: '2025-06-30', to: '2026-07-01' }, '2025-06-30', 'history', names),
    );
    refused(() =>
      transactionWindow({ from: '2025-06-30', to: '2025-06-01' }, '2025-06-30', 'history', names),
    );
  });

  it('allows 7 days back inclusive (D-6) on /transactions-current', () => {
    assert.ok(transactionWindow({ from: '2025-06-24', to: '2025-06-30' }, '2025-06-30', 'current', names));
    refused(() =>
      transactionWindow({ from: '2025-06-23', to: '2025-06-30' }, '2025-06-30', 'current', names),
    );
  });

  it('checks only the order of optional ranges', () => {
    assert.doesNotThrow(() => optionalRange(undefined, '2025-01-01', names));
    refused(() => optionalRange('2025-02-01', '2025-01-01', names));
  });

  it('shifts dates by calendar months and days', () => {
    assert.equal(shiftDate('2025-03-31', { months: -1 }), '2025-02-28');
    assert.equal(shiftDate('2024-02-29', { months: 12 }), '2025-02-28');
    assert.equal(shiftDate('2025-06-30', { days: -6 }), '2025-06-24');
    assert.equal(shiftDate('2025-06-30', { months: -12 }), '2024-06-30');
  });
});
