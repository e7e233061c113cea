import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import {
  resourceNotFound,
  type AccountType,
  type BrandId,
  type CustomerRef,
  type PixAccountType,
  type PixDebtorAccount,
} from '../../connectors/index.ts';
import { isUuid } from '../connector/shared.ts';
import { sampleBankAccounts } from '../schema/accounts.ts';
import { sampleBankBrands } from '../schema/brands.ts';

/** accounts 2.4.2 `EnumAccountType` → payments 4.0.0 `EnumAccountPaymentsType`. */
const PIX_TYPE: Readonly<Record<AccountType, PixAccountType>> = {
  CONTA_DEPOSITO_A_VISTA: 'CACC',
  CONTA_POUPANCA: 'SVGS',
  CONTA_PAGAMENTO_PRE_PAGA: 'TRAN',
};

/**
 * payments.yaml `DebtorAccount.number`: the number with its check digit, digits only ("se houver
 * valor alfanumérico, este deve ser convertido para 0").
 */
export function pixAccountNumber(number: string, checkDigit: string): string {
  return `${number}${checkDigit}`.replace(/[^0-9]/g, '0');
}

type AccountRow = Pick<
  typeof sampleBankAccounts.$inferSelect,
  'id' | 'type' | 'branchCode' | 'number' | 'checkDigit' | 'status'
>;

export function debtorAccountOf(row: AccountRow, ispb: string): PixDebtorAccount {
  const accountType = PIX_TYPE[row.type];
  return {
    accountId: row.id,
    ispb,
    // payments.yaml: issuer is required for CACC and SVGS; prepaid accounts have no branch.
    ...(accountType === 'TRAN' ? {} : { issuer: row.branchCode }),
    number: pixAccountNumber(row.number, row.checkDigit),
    accountType,
    allowsPayments: row.status === 'AVAILABLE',
  };
}

const columns = {
  id: sampleBankAccounts.id,
  type: sampleBankAccounts.type,
  branchCode: sampleBankAccounts.branchCode,
  number: sampleBankAccounts.number,
  checkDigit: sampleBankAccounts.checkDigit,
  status: sampleBankAccounts.status,
  ispb: sampleBankBrands.ispb,
};

/** Checking accounts are the usual payer of a Pix, so the authorisation page offers them first. */
const PAYER_ORDER: Readonly<Record<PixAccountType, number>> = { CACC: 0, SVGS: 1, TRAN: 2 };

/** The customer's accounts with their Pix identification: checking, savings, prepaid; oldest first in each. */
export async function listDebtorAccounts(
  db: Executor,
  brandId: BrandId,
  customer: CustomerRef,
): Promise<PixDebtorAccount[]> {
  if (!isUuid(customer.customerId)) return [];
  const rows = await db
    .select(columns)
    .from(sampleBankAccounts)
    .innerJoin(sampleBankBrands, eq(sampleBankBrands.brandId, sampleBankAccounts.brandId))
    .where(
      and(eq(sampleBankAccounts.brandId, brandId), eq(sampleBankAccounts.customerId, customer.customerId)),
    )
    .orderBy(asc(sampleBankAccounts.openedOn), asc(sampleBankAccounts.id));
  return rows
    .map((row) => debtorAccountOf(row, row.ispb))
    .sort((a, b) => PAYER_ORDER[a.accountType] - PAYER_ORDER[b.accountType]);
}

export async function getDebtorAccount(
  db: Executor,
  brandId: BrandId,
  customer: CustomerRef,
  accountId: string,
): Promise<PixDebtorAccount> {
  if (!isUuid(accountId) || !isUuid(customer.customerId)) throw resourceNotFound('account', accountId);
  const [row] = await db
    .select(columns)
    .from(sampleBankAccounts)
    .innerJoin(sampleBankBrands, eq(sampleBankBrands.brandId, sampleBankAccounts.brandId))
    .where(
      and(
        eq(sampleBankAccounts.id, accountId),
        eq(sampleBankAccounts.brandId, brandId),
        eq(sampleBankAccounts.customerId, customer.customerId),
      ),
    );
  if (!row) throw resourceNotFound('account', accountId);
  return debtorAccountOf(row, row.ispb);
}
