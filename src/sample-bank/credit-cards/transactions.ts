import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import {
  assertPageSize,
  invalidQuery,
  isIsoDate,
  totalPages,
  type CreditCardBillTransactionQuery,
  type CreditCardTransaction,
  type CreditCardTransactionFilter,
  type CreditCardTransactionPage,
  type CreditCardTransactionQuery,
  type Page,
} from '../../connectors/index.ts';
import { decodeCursor, encodeCursor } from '../connector/cursor.ts';
import { brasiliaStartOf, DAY_MS } from '../generator/calendar.ts';
import type { SampleBankDeps } from '../seed/family.ts';
import { sampleBankCreditCardTransactions as t } from './schema.ts';

type Row = typeof t.$inferSelect;

/** The spec's dummy `billPostDate` for transactions not yet on a bill. */
export const NOT_ON_A_BILL = '0001-01-01';

function view(row: Row): CreditCardTransaction {
  const optional = <K extends keyof CreditCardTransaction>(key: K, value: CreditCardTransaction[K] | null) =>
    value === null ? {} : { [key]: value };
  return {
    transactionId: row.transactionId,
    identificationNumber: row.identificationNumber,
    transactionName: row.transactionName,
    ...optional('billId', row.billId),
    creditDebitType: row.creditDebitType,
    transactionType: row.transactionType as CreditCardTransaction['transactionType'],
    ...optional('transactionalAdditionalInfo', row.transactionalAdditionalInfo),
    ...optional('paymentType', row.paymentType),
    ...optional('feeType', row.feeType as CreditCardTransaction['feeType'] | null),
    ...optional('feeTypeAdditionalInfo', row.feeTypeAdditionalInfo),
    ...optional('otherCreditsType', row.otherCreditsType as CreditCardTransaction['otherCreditsType'] | null),
    ...optional('otherCreditsAdditionalInfo', row.otherCreditsAdditionalInfo),
    ...optional('chargeIdentificator', row.chargeIdentificator),
    ...optional('chargeNumber', row.chargeNumber),
    brazilianAmount: { amount: row.brazilianAmount, currency: 'BRL' },
    amount: { amount: row.amount, currency: row.currency },
    transactionDateTime: row.transactionDateTime.toISOString(),
    billPostDate: row.billPostDate ?? NOT_ON_A_BILL,
    ...optional('payeeMCC', row.payeeMcc),
  };
}

/** Brasília calendar days [from, to] as UTC instants [start, end). */
function window(from: string | undefined, to: string | undefined): (SQL | undefined)[] {
  return [
    from === undefined ? undefined : gte(t.transactionDateTime, brasiliaStartOf(from)),
    to === undefined
      ? undefined
      : lt(t.transactionDateTime, new Date(brasiliaStartOf(to).getTime() + DAY_MS)),
  ];
}

function filters(query: CreditCardTransactionFilter): (SQL | undefined)[] {
  if (query.payeeMCC !== undefined && !Number.isInteger(query.payeeMCC))
    throw invalidQuery('payeeMCC must be an integer');
  return [
    query.transactionType === undefined ? undefined : eq(t.transactionType, query.transactionType),
    query.payeeMCC === undefined ? undefined : eq(t.payeeMcc, query.payeeMCC),
  ];
}

/**
 * One page of a card account's transactions in a window, newest first: the primary key
 * (account_id, transaction_date_time, transaction_id) walked backwards, as for account
 * transactions; the cursor seeks to its row, a page number skips rows.
 */
export async function listCardTransactions(
  deps: SampleBankDeps,
  accountId: string,
  query: CreditCardTransactionQuery,
): Promise<CreditCardTransactionPage> {
  const { fromTransactionDate: from, toTransactionDate: to, paging } = query;
  if (!isIsoDate(from) || !isIsoDate(to)) throw invalidQuery('transaction dates must be YYYY-MM-DD');
  if (from > to) throw invalidQuery('fromTransactionDate is after toTransactionDate', { from, to });
  assertPageSize(paging.pageSize);
  if (paging.cursor === undefined && (!Number.isInteger(paging.page) || paging.page < 1)) {
    throw invalidQuery('page must be an integer ≥ 1');
  }
  const scope = ['card', accountId, from, to, query.transactionType ?? '', query.payeeMCC ?? ''].join('|');
  const after = paging.cursor === undefined ? undefined : decodeCursor(paging.cursor, scope);
  const rows = await deps.db
    .select()
    .from(t)
    .where(
      and(
        eq(t.accountId, accountId),
        ...window(from, to),
        ...filters(query),
        after === undefined
          ? undefined
          : sql`(${t.transactionDateTime}, ${t.transactionId}) < (${new Date(after.instantMs).toISOString()}::timestamptz, ${after.transactionId})`,
      ),
    )
    .orderBy(desc(t.transactionDateTime), desc(t.transactionId))
    .limit(paging.pageSize + 1)
    .offset(after === undefined ? ((paging.page ?? 1) - 1) * paging.pageSize : 0);
  const items = rows.slice(0, paging.pageSize).map(view);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > paging.pageSize && last
      ? encodeCursor(
          { instantMs: Date.parse(last.transactionDateTime), transactionId: last.transactionId },
          scope,
        )
      : null;
  return { items, nextCursor };
}

/** The transactions of one closed bill, newest first, offset-paged with totals. */
export async function listBillTransactions(
  deps: SampleBankDeps,
  accountId: string,
  billId: string,
  query: CreditCardBillTransactionQuery,
): Promise<Page<CreditCardTransaction>> {
  const where = and(
    eq(t.accountId, accountId),
    eq(t.billId, billId),
    ...window(query.fromTransactionDate, query.toTransactionDate),
    ...filters(query),
  );
  const { page, pageSize } = query.page;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(t)
      .where(where)
      .orderBy(desc(t.transactionDateTime), desc(t.transactionId))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    deps.db.select({ n: count() }).from(t).where(where),
  ]);
  const totalRecords = total?.n ?? 0;
  return { items: rows.map(view), totalRecords, totalPages: totalPages(totalRecords, pageSize) };
}
