import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock/index.ts';
import type { Database, Transaction } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import {
  PIX_CONFLICT,
  resourceNotFound,
  type BrandId,
  type PixRejectionCode,
  type PixTransfer,
  type PixTransferOrder,
} from '../../connectors/index.ts';
import { isUuid } from '../connector/shared.ts';
import { sampleBankAccounts, sampleBankTransactions } from '../schema/accounts.ts';
import { sampleBankBrands } from '../schema/brands.ts';
import { pixAccountNumber } from './accounts.ts';
import type { SamplePixOptions, TransferOutcome } from './outcomes.ts';
import { sampleBankPixTransfers as pix } from './schema.ts';
import { toTransfer } from './transfer.ts';

export interface SubmitDeps {
  db: Database;
  clock: Clock;
  jobs: Pick<Jobs, 'send'>;
  options: Required<Pick<SamplePixOptions, 'settleDelayMs' | 'pspTimeoutMs' | 'perTransferLimit'>> & {
    outcomeOf: (order: PixTransferOrder) => TransferOutcome;
  };
}

const AMOUNT = /^\d{1,16}\.\d{2}$/;

/** Two-decimal amount → integer cents (exact; no floating point touches money). */
export function cents(amount: string): bigint {
  if (!AMOUNT.test(amount)) throw new RangeError(`not a two-decimal amount: ${amount}`);
  return BigInt(amount.replace('.', ''));
}

function sameOrder(row: typeof pix.$inferSelect, order: PixTransferOrder): boolean {
  return (
    row.debtorAccountId === order.debtor.accountId &&
    cents(row.amount) === cents(order.amount) &&
    row.creditorIspb === order.creditor.ispb &&
    row.creditorNumber === order.creditor.number
  );
}

/**
 * Accepts a Pix order (contract: idempotent by endToEndId, never debits twice). In one
 * transaction: the debtor account is locked, the order checked (same account, status, limit,
 * balance with overdraft), and either recorded as REJECTED with nothing reserved, or recorded as
 * PENDING with the amount moved from `available` to `blocked`, a processing debit booked, and
 * the settle job queued in the same transaction (it exists iff the debit does).
 */
export async function submitTransfer(
  deps: SubmitDeps,
  brandId: BrandId,
  order: PixTransferOrder,
): Promise<PixTransfer> {
  const { accountId, customer } = order.debtor;
  if (!isUuid(accountId) || !isUuid(customer.customerId)) throw resourceNotFound('account', accountId);
  const amountCents = cents(order.amount);
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(pix)
      .where(and(eq(pix.brandId, brandId), eq(pix.endToEndId, order.endToEndId)));
    if (existing) return replay(existing, order);

    const [account] = await tx
      .select({
        id: sampleBankAccounts.id,
        branchCode: sampleBankAccounts.branchCode,
        number: sampleBankAccounts.number,
        checkDigit: sampleBankAccounts.checkDigit,
        status: sampleBankAccounts.status,
        funds: sql<string>`${sampleBankAccounts.availableAmount} + COALESCE(${sampleBankAccounts.overdraftContractedLimit}, 0)`,
        ispb: sql<string>`(SELECT ${sampleBankBrands.ispb} FROM ${sampleBankBrands} WHERE ${sampleBankBrands.brandId} = ${brandId})`,
      })
      .from(sampleBankAccounts)
      .where(
        and(
          eq(sampleBankAccounts.id, accountId),
          eq(sampleBankAccounts.brandId, brandId),
          eq(sampleBankAccounts.customerId, customer.customerId),
        ),
      )
      .for('update');
    if (!account) throw resourceNotFound('account', accountId);

    const now = deps.clock.now();
    const outcome = deps.options.outcomeOf(order);
    const base = {
      brandId,
      endToEndId: order.endToEndId,
      debtorAccountId: accountId,
      debtorCustomerId: customer.customerId,
      amount: order.amount,
      creditorIspb: order.creditor.ispb,
      creditorIssuer: order.creditor.issuer ?? null,
      creditorNumber: order.creditor.number,
      creditorAccountType: order.creditor.accountType,
      outcome,
      submittedAt: now,
    };
    const sameAccount =
      order.creditor.ispb === account.ispb &&
      (order.creditor.issuer ?? account.branchCode) === account.branchCode &&
      order.creditor.number === pixAccountNumber(account.number, account.checkDigit);
    const refusal: { code: PixRejectionCode; detail: string } | undefined = sameAccount
      ? { code: 'CONTAS_ORIGEM_DESTINO_IGUAIS', detail: 'A conta de origem é a conta de destino.' }
      : account.status !== 'AVAILABLE'
        ? { code: 'PAGAMENTO_RECUSADO_DETENTORA', detail: 'A conta de origem está bloqueada.' }
        : amountCents > cents(deps.options.perTransferLimit)
          ? { code: 'VALOR_ACIMA_LIMITE', detail: 'O valor ultrapassa o limite por transação.' }
          : amountCents > decimalCents(account.funds)
            ? { code: 'SALDO_INSUFICIENTE', detail: 'A conta selecionada não possui saldo suficiente.' }
            : undefined;
    if (refusal) {
      const rejected = {
        ...base,
        status: 'REJECTED' as const,
        rejectionCode: refusal.code,
        rejectionDetail: refusal.detail,
        finishedAt: now,
      };
      return (await insertOrReplay(tx, rejected, order)).transfer;
    }
    const { transfer, created } = await insertOrReplay(
      tx,
      { ...base, status: 'PENDING', bookedAt: now },
      order,
    );
    if (!created) return transfer;
    await reserve(tx, brandId, accountId, order, now);
    const delay = outcome === 'PSP_TIMEOUT' ? deps.options.pspTimeoutMs : deps.options.settleDelayMs;
    await deps.jobs.send(
      tx,
      'sample-bank.pix-settle',
      { brandId, endToEndId: order.endToEndId },
      { startAfter: new Date(now.getTime() + delay) },
    );
    return transfer;
  });
}

/** numeric text (possibly negative, any scale ≥ 2) → cents. */
function decimalCents(value: string): bigint {
  const [units = '0', fraction = ''] = value.split('.');
  const negative = units.startsWith('-');
  const whole = BigInt(units.replace('-', '')) * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -whole : whole;
}

async function insertOrReplay(
  tx: Transaction,
  row: typeof pix.$inferInsert,
  order: PixTransferOrder,
): Promise<{ transfer: PixTransfer; created: boolean }> {
  const [inserted] = await tx.insert(pix).values(row).onConflictDoNothing().returning();
  if (inserted) return { transfer: toTransfer(inserted), created: true };
  // A concurrent submission of the same endToEndId committed first (we waited on its row).
  const [existing] = await tx
    .select()
    .from(pix)
    .where(and(eq(pix.brandId, row.brandId), eq(pix.endToEndId, row.endToEndId)));
  return { transfer: replay(existing!, order), created: false };
}

function replay(row: typeof pix.$inferSelect, order: PixTransferOrder): PixTransfer {
  if (!sameOrder(row, order)) {
    throw new AppError(PIX_CONFLICT, 'endToEndId já utilizado em outra ordem.', {
      detail: { endToEndId: order.endToEndId },
    });
  }
  return toTransfer(row);
}

/** Moves the amount from available to blocked and books the debit as still processing. */
async function reserve(
  tx: Transaction,
  brandId: string,
  accountId: string,
  order: PixTransferOrder,
  now: Date,
): Promise<void> {
  await tx
    .update(sampleBankAccounts)
    .set({
      availableAmount: sql`${sampleBankAccounts.availableAmount} - ${order.amount}::numeric`,
      blockedAmount: sql`${sampleBankAccounts.blockedAmount} + ${order.amount}::numeric`,
      balanceUpdatedAt: now,
    })
    .where(eq(sampleBankAccounts.id, accountId));
  await tx.insert(sampleBankTransactions).values({
    brandId,
    accountId,
    transactionId: order.endToEndId,
    transactionDateTime: now,
    completedAuthorisedPaymentType: 'TRANSACAO_PROCESSANDO',
    creditDebitType: 'DEBITO',
    type: 'PIX',
    transactionName: 'PIX ENVIADO',
    amount: order.amount,
    counterpartyId: null,
  });
}
