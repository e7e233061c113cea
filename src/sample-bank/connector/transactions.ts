import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { fieldAad } from '../../platform/crypto/index.ts';
import {
  assertTransactionQuery,
  type AccountTransaction,
  type TransactionPage,
  type TransactionQuery,
} from '../../connectors/index.ts';
import { brasiliaStartOf, DAY_MS } from '../generator/calendar.ts';
import { sampleBankCounterparties, sampleBankTransactions } from '../schema/accounts.ts';
import { COUNTERPARTIES_TABLE } from '../seed/accounts-family.ts';
import type { SampleBankDeps } from '../seed/family.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

interface Partie {
  document: string;
  compeCode: string;
  branchCode: string;
  number: string;
  checkDigit: string;
}

const t = sampleBankTransactions;
const c = sampleBankCounterparties;

/**
 * One page of an account's transactions, newest first. Both paging modes walk the primary key
 * (account_id, transaction_date_time, transaction_id) backwards inside the booking-date window:
 * the cursor seeks straight to its row; a page number skips rows (fine for the shallow pages
 * clients ask by number).
 */
export async function listTransactions(
  deps: SampleBankDeps,
  brandId: string,
  accountId: string,
  query: TransactionQuery,
): Promise<TransactionPage> {
  assertTransactionQuery(query);
  const { paging } = query;
  const scope = [
    accountId,
    query.fromBookingDate,
    query.toBookingDate,
    query.creditDebitIndicator ?? '',
  ].join('|');
  const after = paging.cursor === undefined ? undefined : decodeCursor(paging.cursor, scope);
  const from = brasiliaStartOf(query.fromBookingDate);
  const until = new Date(brasiliaStartOf(query.toBookingDate).getTime() + DAY_MS);
  const rows = await deps.db
    .select({
      transactionId: t.transactionId,
      transactionDateTime: t.transactionDateTime,
      completedAuthorisedPaymentType: t.completedAuthorisedPaymentType,
      creditDebitType: t.creditDebitType,
      type: t.type,
      transactionName: t.transactionName,
      amount: t.amount,
      counterpartyId: t.counterpartyId,
      personType: c.personType,
      partieEnc: c.partieEnc,
    })
    .from(t)
    .leftJoin(c, and(eq(c.brandId, t.brandId), eq(c.id, t.counterpartyId)))
    .where(
      and(
        eq(t.accountId, accountId),
        gte(t.transactionDateTime, from),
        lt(t.transactionDateTime, until),
        query.creditDebitIndicator === undefined
          ? undefined
          : eq(t.creditDebitType, query.creditDebitIndicator),
        after === undefined
          ? undefined
          : sql`(${t.transactionDateTime}, ${t.transactionId}) < (${new Date(after.instantMs).toISOString()}::timestamptz, ${after.transactionId})`,
      ),
    )
    .orderBy(desc(t.transactionDateTime), desc(t.transactionId))
    .limit(paging.pageSize + 1)
    .offset(after === undefined ? ((paging.page ?? 1) - 1) * paging.pageSize : 0);

  const parties = new Map<number, Partie>();
  const items = rows.slice(0, paging.pageSize).map((row): AccountTransaction => {
    const base = {
      transactionId: row.transactionId,
      completedAuthorisedPaymentType: row.completedAuthorisedPaymentType,
      creditDebitType: row.creditDebitType,
      transactionName: row.transactionName,
      type: row.type as AccountTransaction['type'],
      transactionAmount: { amount: row.amount, currency: 'BRL' },
      transactionDateTime: row.transactionDateTime.toISOString(),
    };
    if (row.counterpartyId === null || row.partieEnc === null || row.personType === null) return base;
    let partie = parties.get(row.counterpartyId);
    if (!partie) {
      const aad = fieldAad(COUNTERPARTIES_TABLE, 'partie_enc', `${brandId}:${row.counterpartyId}`);
      partie = JSON.parse(deps.cipher.decrypt(row.partieEnc, aad)) as Partie;
      parties.set(row.counterpartyId, partie);
    }
    return {
      ...base,
      partieCnpjCpf: partie.document,
      partiePersonType: row.personType,
      partieCompeCode: partie.compeCode,
      partieBranchCode: partie.branchCode,
      partieNumber: partie.number,
      partieCheckDigit: partie.checkDigit,
    };
  });
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
