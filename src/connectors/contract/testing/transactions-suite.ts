import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AccountTransaction, TransactionQuery } from '../accounts.ts';
import { ConnectorErrorCode } from '../errors.ts';
import { assertTransactionShape, customerOf, firstAccount } from './helpers.ts';
import type { ContractContext } from './fixtures.ts';
import { assertRejectsWithCode, brasiliaDate } from './spec-formats.ts';

/** Newest first: `transactionDateTime` descending, then `transactionId` descending. */
function assertNewestFirst(items: readonly AccountTransaction[]): void {
  for (let i = 1; i < items.length; i += 1) {
    const [a, b] = [items[i - 1]!, items[i]!];
    const ordered =
      a.transactionDateTime > b.transactionDateTime ||
      (a.transactionDateTime === b.transactionDateTime && a.transactionId > b.transactionId);
    assert.ok(ordered, `transactions ${a.transactionId} and ${b.transactionId} are newest first`);
  }
}

/** accounts 2.4.2 `GET /accounts/{accountId}/transactions`: window, filter, order, paging. */
export function transactionTests(ctx: ContractContext): void {
  const { connector, fixtures } = ctx;
  const { brandId, transactionWindow } = fixtures;
  const list = async (
    query: Omit<TransactionQuery, 'fromBookingDate' | 'toBookingDate'> & Partial<TransactionQuery>,
  ) => {
    const ref = await customerOf(ctx, 'natural');
    const account = await firstAccount(ctx);
    return connector.accounts.listTransactions(brandId, ref, account.accountId, {
      ...transactionWindow,
      ...query,
    });
  };

  void it('returns only transactions booked inside the window, newest first, in spec formats', async () => {
    const page = await list({ paging: { page: 1, pageSize: 1000 } });
    assert.ok(page.items.length >= 2, 'the window holds at least two transactions');
    for (const t of page.items) {
      assertTransactionShape(t);
      const day = brasiliaDate(t.transactionDateTime);
      assert.ok(
        day >= transactionWindow.fromBookingDate && day <= transactionWindow.toBookingDate,
        `${day} is in the window`,
      );
    }
    assertNewestFirst(page.items);
    assert.equal(new Set(page.items.map((t) => t.transactionId)).size, page.items.length, 'ids are unique');
  });

  void it('walks the same transactions page by page with the cursor, without gaps or repeats', async () => {
    const all = await list({ paging: { page: 1, pageSize: 1000 } });
    const pageSize = Math.max(1, Math.floor(all.items.length / 3));
    const walked: string[] = [];
    let page = await list({ paging: { page: 1, pageSize } });
    for (let guard = 0; ; guard += 1) {
      assert.ok(page.items.length <= pageSize);
      walked.push(...page.items.map((t) => t.transactionId));
      if (page.nextCursor === null || guard > all.items.length) break;
      page = await list({ paging: { cursor: page.nextCursor, pageSize } });
    }
    assert.deepEqual(
      walked,
      all.items.map((t) => t.transactionId),
    );
  });

  void it('gives the same second page by page number and by cursor', async () => {
    const first = await list({ paging: { page: 1, pageSize: 1 } });
    assert.ok(first.nextCursor, 'a first page of one transaction has a next cursor');
    const byCursor = await list({ paging: { cursor: first.nextCursor, pageSize: 1 } });
    const byNumber = await list({ paging: { page: 2, pageSize: 1 } });
    assert.deepEqual(byNumber.items, byCursor.items);
  });

  void it('filters by credit/debit indicator', async () => {
    const all = await list({ paging: { page: 1, pageSize: 1000 } });
    for (const indicator of ['CREDITO', 'DEBITO'] as const) {
      const some = await list({ creditDebitIndicator: indicator, paging: { page: 1, pageSize: 1000 } });
      assert.ok(some.items.every((t) => t.creditDebitType === indicator));
      assert.equal(some.items.length, all.items.filter((t) => t.creditDebitType === indicator).length);
    }
  });

  void it('returns an empty last page for a window with no transactions', async () => {
    const page = await list({
      fromBookingDate: '1990-01-01',
      toBookingDate: '1990-01-31',
      paging: { page: 1, pageSize: 25 },
    });
    assert.deepEqual(page, { items: [], nextCursor: null });
  });

  void it('refuses a window that ends before it starts, bad dates, bad sizes and a forged cursor', async () => {
    const bad: [string, Parameters<typeof list>[0]][] = [
      [
        'from after to',
        { fromBookingDate: '2025-02-01', toBookingDate: '2025-01-01', paging: { page: 1, pageSize: 25 } },
      ],
      [
        'not a date',
        { fromBookingDate: '2025-02-30', toBookingDate: '2025-03-01', paging: { page: 1, pageSize: 25 } },
      ],
      ['page size 0', { paging: { page: 1, pageSize: 0 } }],
      ['page size 1001', { paging: { page: 1, pageSize: 1001 } }],
      ['forged cursor', { paging: { cursor: 'not-a-cursor', pageSize: 25 } }],
    ];
    for (const [label, query] of bad)
      await assertRejectsWithCode(() => list(query), ConnectorErrorCode.INVALID_QUERY, label);
  });
}
