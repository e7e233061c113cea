import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock/index.ts';
import type { Database, Transaction } from '../../platform/db/index.ts';
import type { PixRejectionCode } from '../../connectors/index.ts';
import { sampleBankAccounts, sampleBankTransactions } from '../schema/accounts.ts';
import { sampleBankBrands } from '../schema/brands.ts';
import { ACCOUNT_NOT_FOUND_AT_RECEIVER, OUTCOME_REJECTION } from './outcomes.ts';
import { sampleBankPixTransfers as pix } from './schema.ts';

type TransferRow = typeof pix.$inferSelect;
export type SettleResult = 'SETTLED' | 'REJECTED' | 'ALREADY_FINISHED';

/**
 * Ends one pending transfer, exactly once: the transfer row is locked and must still be
 * PENDING, and every balance movement happens in the same transaction as its change of status.
 * A settle job that runs twice (retry, crash before completion) finds it finished and does
 * nothing. Between sample-bank brands the money lands in the creditor's account; an unknown
 * creditor account there is refused as the receiving PSP would (AC03).
 */
export async function settleTransfer(
  deps: { db: Database; clock: Clock },
  brandId: string,
  endToEndId: string,
): Promise<SettleResult> {
  return deps.db.transaction(async (tx) => {
    const [transfer] = await tx
      .select()
      .from(pix)
      .where(and(eq(pix.brandId, brandId), eq(pix.endToEndId, endToEndId)))
      .for('update');
    if (!transfer || transfer.status !== 'PENDING') return 'ALREADY_FINISHED';
    const now = deps.clock.now();
    const creditorAccountId = transfer.outcome === 'SETTLE' ? await bookCreditor(tx, transfer) : undefined;
    const ids = [transfer.debtorAccountId, ...(creditorAccountId ? [creditorAccountId] : [])];
    // Accounts locked in id order: two opposite transfers settling at once cannot deadlock.
    await tx
      .select({ id: sampleBankAccounts.id })
      .from(sampleBankAccounts)
      .where(inArray(sampleBankAccounts.id, ids))
      .orderBy(asc(sampleBankAccounts.id))
      .for('update');

    const rejection =
      transfer.outcome === 'SETTLE'
        ? creditorAccountId === null
          ? ACCOUNT_NOT_FOUND_AT_RECEIVER
          : undefined
        : OUTCOME_REJECTION[transfer.outcome];
    if (rejection) {
      await reverse(tx, transfer, now, rejection);
      return 'REJECTED';
    }
    await release(tx, transfer, now, 'settle');
    if (creditorAccountId) await credit(tx, transfer, creditorAccountId, now);
    await tx
      .update(pix)
      .set({ status: 'SETTLED', finishedAt: now })
      .where(and(eq(pix.brandId, brandId), eq(pix.endToEndId, endToEndId)));
    return 'SETTLED';
  });
}

/**
 * The creditor's account when its ISPB is one of the sample bank's brands: its id, or null when
 * no such account exists there; undefined when the creditor banks elsewhere (the SPI settles).
 */
async function bookCreditor(tx: Transaction, t: TransferRow): Promise<string | null | undefined> {
  const [brand] = await tx
    .select({ brandId: sampleBankBrands.brandId })
    .from(sampleBankBrands)
    .where(eq(sampleBankBrands.ispb, t.creditorIspb))
    .orderBy(asc(sampleBankBrands.brandId))
    .limit(1);
  if (!brand) return undefined;
  const [account] = await tx
    .select({ id: sampleBankAccounts.id })
    .from(sampleBankAccounts)
    .where(
      and(
        eq(sampleBankAccounts.brandId, brand.brandId),
        sql`regexp_replace(${sampleBankAccounts.number} || ${sampleBankAccounts.checkDigit}, '[^0-9]', '0', 'g') = ${t.creditorNumber}`,
        t.creditorIssuer === null ? undefined : eq(sampleBankAccounts.branchCode, t.creditorIssuer),
        eq(sampleBankAccounts.status, 'AVAILABLE'),
      ),
    )
    .limit(1);
  return account?.id ?? null;
}

/** The reserved amount leaves `blocked`; on settlement the debit becomes effective. */
async function release(tx: Transaction, t: TransferRow, now: Date, how: 'settle' | 'reverse'): Promise<void> {
  await tx
    .update(sampleBankAccounts)
    .set({
      blockedAmount: sql`${sampleBankAccounts.blockedAmount} - ${t.amount}::numeric`,
      ...(how === 'reverse'
        ? { availableAmount: sql`${sampleBankAccounts.availableAmount} + ${t.amount}::numeric` }
        : {}),
      balanceUpdatedAt: now,
    })
    .where(eq(sampleBankAccounts.id, t.debtorAccountId));
  const booked = and(
    eq(sampleBankTransactions.accountId, t.debtorAccountId),
    eq(sampleBankTransactions.transactionDateTime, t.bookedAt!),
    eq(sampleBankTransactions.transactionId, t.endToEndId),
  );
  if (how === 'settle') {
    await tx
      .update(sampleBankTransactions)
      .set({ completedAuthorisedPaymentType: 'TRANSACAO_EFETIVADA' })
      .where(booked);
  } else {
    await tx.delete(sampleBankTransactions).where(booked);
  }
}

async function reverse(
  tx: Transaction,
  t: TransferRow,
  now: Date,
  rejection: { code: PixRejectionCode; detail: string },
): Promise<void> {
  await release(tx, t, now, 'reverse');
  await tx
    .update(pix)
    .set({
      status: 'REJECTED',
      rejectionCode: rejection.code,
      rejectionDetail: rejection.detail,
      finishedAt: now,
    })
    .where(and(eq(pix.brandId, t.brandId), eq(pix.endToEndId, t.endToEndId)));
}

async function credit(tx: Transaction, t: TransferRow, accountId: string, now: Date): Promise<void> {
  const [account] = await tx
    .update(sampleBankAccounts)
    .set({
      availableAmount: sql`${sampleBankAccounts.availableAmount} + ${t.amount}::numeric`,
      balanceUpdatedAt: now,
    })
    .where(eq(sampleBankAccounts.id, accountId))
    .returning({ brandId: sampleBankAccounts.brandId });
  await tx.insert(sampleBankTransactions).values({
    brandId: account!.brandId,
    accountId,
    transactionId: t.endToEndId,
    transactionDateTime: now,
    completedAuthorisedPaymentType: 'TRANSACAO_EFETIVADA',
    creditDebitType: 'CREDITO',
    type: 'PIX',
    transactionName: 'PIX RECEBIDO',
    amount: t.amount,
    counterpartyId: null,
  });
}

/**
 * Pending transfers whose settle job should have run long ago: `grace` after their due time
 * (settle delay, or the PSP timeout). Their job died with a process; the caller settles them.
 */
export async function overdueTransfers(
  deps: { db: Database; clock: Clock },
  delays: { settleDelayMs: number; pspTimeoutMs: number; graceMs: number },
  limit: number,
): Promise<Array<{ brandId: string; endToEndId: string }>> {
  const now = deps.clock.now().getTime();
  const due = (ms: number) => new Date(now - ms - delays.graceMs);
  return deps.db
    .select({ brandId: pix.brandId, endToEndId: pix.endToEndId })
    .from(pix)
    .where(
      and(
        eq(pix.status, 'PENDING'),
        sql`${pix.submittedAt} < CASE WHEN ${pix.outcome} = 'PSP_TIMEOUT' THEN ${due(delays.pspTimeoutMs)}::timestamptz ELSE ${due(delays.settleDelayMs)}::timestamptz END`,
      ),
    )
    .orderBy(asc(pix.submittedAt))
    .limit(limit);
}
